'use client'
import {
  add,
  compare,
  divide,
  isNegative,
  isZero,
  max,
  type PricingService,
  type Usd,
  usd,
} from '@payg-kit/core'
import { useUsage } from '@payg-kit/react'
import { type ReactNode, useId, useMemo } from 'react'
import { RetryAlert } from '../RetryAlert'
import { useFormat } from '../useFormat'
import { useMessages } from '../useMessages'

/** SpendChart's strings, overridable through `PaygProvider`'s `messages`. */
export const spendChartMessages = {
  'spendChart.title': 'Spend by service',
  'spendChart.range': 'Last {days, plural, one {# day} other {# days}}',
  'spendChart.summary': 'Spend from {from} to {to}: {total} in total.',
  'spendChart.barTitle': '{date}: {total}',
  'spendChart.loading': 'Loading spend…',
  'spendChart.empty': 'No usage in the last {days, plural, one {day} other {# days}}.',
  'spendChart.error': 'Spend could not be loaded.',
  'spendChart.retry': 'Retry',
  'spendChart.legend': 'Services',
  'spendChart.showTable': 'Show as table',
  'spendChart.date': 'Date',
  'spendChart.total': 'Total',
  'spendChart.requests': 'Requests',
  'spendChart.service.IMAGE_GENERATION': 'Image generation',
  'spendChart.service.FANTASY_AVATAR_GENERATION': 'Fantasy avatar',
  'spendChart.service.MOTION_SVD_GENERATION': 'Motion (SVD)',
  'spendChart.service.MOTION_VIDEO_GENERATION': 'Motion video',
  'spendChart.service.VEO3_MOTION_VIDEO_GENERATION': 'Veo 3 video',
  'spendChart.service.LCM_GENERATION': 'Realtime canvas (LCM)',
  'spendChart.service.MODEL_TRAINING': 'Model training',
  'spendChart.service.TEXTURE_GENERATION': 'Texture generation',
  'spendChart.service.UNIVERSAL_UPSCALER': 'Universal upscaler',
  'spendChart.service.UNIVERSAL_UPSCALER_ULTRA': 'Universal upscaler ultra',
  'spendChart.service.OTHER': 'Other services',
} as const

/** The states SpendChart shows, also its `data-state`. */
export type SpendChartState = 'loading' | 'error' | 'empty' | 'ready'

/** Props of SpendChart. */
export interface SpendChartProps {
  /** How many days back, today included (1 to 366). Default 30. */
  days?: number
  className?: string
}

/** Six colours (`--payg-chart-1..6`): the five biggest services, then the rest together. */
const SERIES = 6
// The SVG's coordinate space; it scales to the width it is given.
const WIDTH = 600
const HEIGHT = 200
const TOP = 20
const BOTTOM = 24
const PLOT = HEIGHT - TOP - BOTTOM

type SeriesKey = PricingService | 'OTHER'

/** A plain-JS caller can pass anything; the usage API takes at most 366 days. */
function checkDays(days: unknown): void {
  if (!Number.isInteger(days) || (days as number) < 1 || (days as number) > 366) {
    throw new RangeError(
      `[payg-kit] SpendChart: days must be a whole number from 1 to 366, got ${String(days)}.`,
    )
  }
}

/**
 * Spend over time by service: a stacked bar per day (an SVG, no chart library), a legend, and
 * the same figures as a table with exact amounts.
 * @example <SpendChart days={14} />
 */
export function SpendChart({ days = 30, className }: SpendChartProps): ReactNode {
  checkDays(days)
  const { t } = useMessages(spendChartMessages)
  const format = useFormat()
  const id = useId()
  // The last `days` by the server's clock: the widget never reads its own, so a render is the
  // same on the server and in the browser, and "today" is the API's (UTC) day.
  const usage = useUsage({ days })
  const dayFormat = useMemo(() => {
    const short = new Intl.DateTimeFormat(format.locale, {
      month: 'short',
      day: 'numeric',
      timeZone: 'UTC',
    })
    const long = new Intl.DateTimeFormat(format.locale, { dateStyle: 'medium', timeZone: 'UTC' })
    return {
      short: (date: string) => short.format(new Date(`${date}T00:00:00Z`)),
      long: (date: string) => long.format(new Date(`${date}T00:00:00Z`)),
    }
  }, [format.locale])

  const chart = useMemo(() => {
    const info = usage.data
    if (!info) return null
    // The biggest services get their own colour; the rest share the last one.
    const byService = new Map<PricingService, Usd>()
    for (const bucket of info.buckets) {
      for (const part of bucket.byService) {
        byService.set(part.service, add(byService.get(part.service) ?? usd(0), part.amount))
      }
    }
    const ranked = [...byService].sort((a, b) => compare(b[1], a[1]))
    const own = ranked.length > SERIES ? ranked.slice(0, SERIES - 1) : ranked
    const keyOf = (service: PricingService): SeriesKey =>
      own.some(([key]) => key === service) ? service : 'OTHER'
    const series: Array<{ key: SeriesKey; total: Usd }> = own.map(([key, total]) => ({
      key,
      total,
    }))
    if (ranked.length > own.length) {
      series.push({
        key: 'OTHER',
        total: ranked.slice(own.length).reduce((sum, [, total]) => add(sum, total), usd(0)),
      })
    }
    const rows = info.buckets.map((bucket) => {
      const amounts = series.map(() => usd(0))
      for (const part of bucket.byService) {
        const index = series.findIndex((entry) => entry.key === keyOf(part.service))
        amounts[index] = add(amounts[index] ?? usd(0), part.amount)
      }
      return { date: bucket.date, total: bucket.total, requests: bucket.requests, amounts }
    })
    const top = rows.reduce((most, row) => max(most, row.total), usd(0))
    const requests = rows.reduce((sum, row) => sum + row.requests, 0)
    return { info, series, rows, top, requests }
  }, [usage.data])

  let state: SpendChartState = 'loading'
  if (chart) state = isZero(chart.top) ? 'empty' : 'ready'
  else if (usage.isError) state = 'error'

  const label = (key: SeriesKey) => t(`spendChart.service.${key}`)
  // A height within the plot, from exact amounts: only the pixel ratio is a float.
  const scale = (amount: Usd, top: Usd) =>
    isNegative(amount) ? 0 : Number(divide(amount, top.amount, 6, 'half-even').amount) * PLOT

  return (
    <div
      className={['payg-root', 'payg-card', 'payg-spend-chart', className]
        .filter(Boolean)
        .join(' ')}
      data-state={state}
      aria-busy={state === 'loading' || undefined}
    >
      <h2 className="payg-heading" id={`${id}-title`}>
        {t('spendChart.title')}{' '}
        <span className="payg-spend-chart__range payg-muted">
          {t('spendChart.range', { days })}
        </span>
      </h2>
      {state === 'loading' && (
        <span
          className="payg-skeleton payg-spend-chart__skeleton"
          role="img"
          aria-label={t('spendChart.loading')}
        />
      )}
      {state === 'error' && (
        <RetryAlert
          message={t('spendChart.error')}
          retryLabel={t('spendChart.retry')}
          onRetry={() => usage.refetch()}
        />
      )}
      {state === 'empty' && (
        <p className="payg-spend-chart__empty payg-muted">{t('spendChart.empty', { days })}</p>
      )}
      {state === 'ready' && chart && (
        <>
          <p className="payg-spend-chart__total">{format.money(chart.info.total)}</p>
          <svg
            className="payg-spend-chart__chart"
            viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
            role="img"
            aria-label={t('spendChart.summary', {
              from: dayFormat.long(chart.info.from),
              to: dayFormat.long(chart.info.to),
              total: format.money(chart.info.total),
            })}
          >
            <line x1={0} x2={WIDTH} y1={TOP} y2={TOP} className="payg-spend-chart__grid" />
            <text x={0} y={TOP - 6} className="payg-spend-chart__tick">
              {format.money(chart.top)}
            </text>
            {chart.rows.map((row, index) => {
              const slot = WIDTH / chart.rows.length
              let y = TOP + PLOT
              return (
                <g key={row.date} className="payg-spend-chart__bar">
                  <title>
                    {[
                      t('spendChart.barTitle', {
                        date: dayFormat.long(row.date),
                        total: format.money(row.total),
                      }),
                      ...chart.series.flatMap((entry, at) => {
                        const amount = row.amounts[at] ?? usd(0)
                        return isZero(amount) ? [] : `${label(entry.key)}: ${format.money(amount)}`
                      }),
                    ].join('\n')}
                  </title>
                  {/* A transparent full-height target, so thin bars still show their title. */}
                  <rect x={index * slot} y={TOP} width={slot} height={PLOT} fill="transparent" />
                  {chart.series.map((entry, at) => {
                    const height = scale(row.amounts[at] ?? usd(0), chart.top)
                    y -= height
                    return height > 0 ? (
                      <rect
                        key={entry.key}
                        x={index * slot + slot * 0.15}
                        y={y}
                        width={slot * 0.7}
                        height={height}
                        className="payg-spend-chart__segment"
                        style={{ fill: `var(--payg-chart-${at + 1})` }}
                      />
                    ) : null
                  })}
                </g>
              )
            })}
            <line
              x1={0}
              x2={WIDTH}
              y1={TOP + PLOT}
              y2={TOP + PLOT}
              className="payg-spend-chart__axis"
            />
            <text x={0} y={HEIGHT - 6} className="payg-spend-chart__tick">
              {dayFormat.short(chart.info.from)}
            </text>
            <text x={WIDTH} y={HEIGHT - 6} textAnchor="end" className="payg-spend-chart__tick">
              {dayFormat.short(chart.info.to)}
            </text>
          </svg>
          <ul className="payg-spend-chart__legend" aria-label={t('spendChart.legend')}>
            {chart.series.map((entry, at) => (
              <li key={entry.key}>
                <span
                  className="payg-spend-chart__swatch"
                  aria-hidden="true"
                  style={{ background: `var(--payg-chart-${at + 1})` }}
                />
                {label(entry.key)}{' '}
                <span className="payg-spend-chart__amount">{format.money(entry.total)}</span>
              </li>
            ))}
          </ul>
          <details className="payg-spend-chart__details">
            <summary>{t('spendChart.showTable')}</summary>
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
                        {label(entry.key)}
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
                  {chart.rows.map((row) => (
                    <tr key={row.date}>
                      <th scope="row">
                        <time dateTime={row.date}>{dayFormat.long(row.date)}</time>
                      </th>
                      {row.amounts.map((amount, at) => (
                        <td key={chart.series[at]?.key} data-numeric="">
                          {format.money(amount)}
                        </td>
                      ))}
                      <td data-numeric="">{format.money(row.total)}</td>
                      <td data-numeric="">{format.number(row.requests)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t('spendChart.total')}</th>
                    {chart.series.map((entry) => (
                      <td key={entry.key} data-numeric="">
                        {format.money(entry.total)}
                      </td>
                    ))}
                    <td data-numeric="">{format.money(chart.info.total)}</td>
                    <td data-numeric="">{format.number(chart.requests)}</td>
                  </tr>
                </tfoot>
              </table>
            </section>
          </details>
        </>
      )}
    </div>
  )
}
