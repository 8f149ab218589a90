// SpendChart's table alternative, loaded the first time it is opened: a chunk of its own in a
// user's bundle, so a page whose users never open it does not download it.
import type { Money, PricingService } from '@payg-kit/core'
import type { CSSProperties, ReactNode } from 'react'
import { alignDecimals } from '../alignDecimals'
import type { useFormat } from '../useFormat'
import type { spendChartMessages } from './SpendChart'

/** Internal: what the table shows, as SpendChart computed it. */
export interface SpendTableProps {
  chart: {
    info: { total: Money }
    zero: Money
    series: Array<{ key: PricingService | 'OTHER'; total: Money }>
    rows: Array<{ date: string; total: Money; requests: number; amounts: Money[] }>
    /** A bar's label: its day, week or month. */
    label: (index: number) => string
  }
  /** The chart's id: its title (`${id}-title`) names the table. */
  id: string
  format: ReturnType<typeof useFormat>
  /** SpendChart's strings: the column headings and the services' names. */
  t: (key: keyof typeof spendChartMessages) => string
}

/** Internal: every bar as a row, with the exact amount of each service, its total and requests. */
export default function SpendTable({ chart, id, format, t }: SpendTableProps): ReactNode {
  // The amount columns (each service, then the total), exact, aligned on the decimal point.
  const columns = [
    ...chart.series.map((entry, at) => [
      ...chart.rows.map((row) => format.exact(row.amounts[at] ?? chart.zero)),
      format.exact(entry.total),
    ]),
    [...chart.rows.map((row) => format.exact(row.total)), format.exact(chart.info.total)],
  ]
  const pads = columns.map((column) => alignDecimals(column, format.locale))
  const amountCells = (row: number) =>
    columns.map((column, at) => (
      <td
        key={chart.series[at]?.key ?? 'total'}
        data-numeric=""
        style={{ '--payg-decimal-pad': `${pads[at]?.[row] ?? 0}ch` } as CSSProperties}
      >
        {column[row]}
      </td>
    ))
  return (
    <section
      className="payg-spend-chart__scroll"
      aria-labelledby={`${id}-title`}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than the screen scrolls sideways, so its region must be reachable by keyboard
      tabIndex={0}
    >
      <table className="payg-spend-chart__table" aria-labelledby={`${id}-title`}>
        <thead>
          <tr>
            <th scope="col">{t('spendChart.date')}</th>
            {chart.series.map((entry) => (
              <th scope="col" key={entry.key} data-numeric="">
                {t(`spendChart.service.${entry.key}`)}
              </th>
            ))}
            <th scope="col" data-numeric="">
              {t('spendChart.total')}
            </th>
            <th scope="col" data-numeric="">
              {t('spendChart.requests')}
            </th>
          </tr>
        </thead>
        <tbody>
          {chart.rows.map((row, index) => (
            <tr key={row.date}>
              <th scope="row">
                <time dateTime={row.date}>{chart.label(index)}</time>
              </th>
              {amountCells(index)}
              <td data-numeric="">{format.number(row.requests)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('spendChart.total')}</th>
            {amountCells(chart.rows.length)}
            <td data-numeric="">
              {format.number(chart.rows.reduce((sum, row) => sum + row.requests, 0))}
            </td>
          </tr>
        </tfoot>
      </table>
    </section>
  )
}
