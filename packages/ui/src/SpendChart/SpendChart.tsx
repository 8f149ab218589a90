'use client'
import {
  add,
  compare,
  divide,
  isNegative,
  isZero,
  type Money,
  max,
  money,
  type PricingService,
} from '@payg-kit/core'
import { useUsage } from '@payg-kit/react'
import {
  type CSSProperties,
  type KeyboardEvent,
  type ReactNode,
  useId,
  useMemo,
  useState,
} from 'react'
import { alignDecimals } from '../alignDecimals'
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
  'spendChart.emptyHint':
    'Each request your app makes with its API key shows up here by day and service, with what it cost.',
  'spendChart.totalLabel': 'Total spend',
  'spendChart.axisY': 'Spend per day',
  'spendChart.axisYCredits': 'Credits per day',
  'spendChart.axisX': 'Day (UTC)',
  'spendChart.keys': 'Use the left and right arrow keys to read each day.',
  'spendChart.requestsCount': '{count, plural, one {# request} other {# requests}}',
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
// Bars are drawn in a viewBox stretched to the plot (10 units a day, 100 high); every text is
// HTML beside it, so it keeps its CSS size at any width.
const SLOT = 10
const BAR = 7
// At most this many date labels; narrow containers show every other one.
const DATE_TICKS = 7

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
 * A round top for the value axis and its steps: 1, 2 or 5 times a power of ten, in whole cents
 * (dollars) or whole credits (a legacy plan), so a tick never shows a rounded-down label.
 */
function valueAxis(top: Money): { max: Money; ticks: Money[] } {
  const highest = Number(top.amount)
  const raw = highest / 4
  const power = 10 ** Math.floor(Math.log10(raw))
  const norm = raw / power
  const perUnit = top.unit === 'USD' ? 100 : 1
  const smallest = Math.max(
    1,
    Math.round((norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * power * perUnit),
  )
  const step = money(
    divide(money(smallest, top.unit), perUnit, perUnit === 1 ? 0 : 2, 'half-even').amount,
    top.unit,
  )
  const ticks = [money(0, top.unit)]
  while (compare(ticks[ticks.length - 1] as Money, top) < 0) {
    ticks.push(add(ticks[ticks.length - 1] as Money, step))
  }
  return { max: ticks[ticks.length - 1] as Money, ticks }
}

/** Where a label sits along the axis, as a percentage, kept inside it at the ends. */
const along = (index: number, count: number) => ((index + 0.5) / count) * 100

/**
 * Spend over time by service: a stacked bar per day with a value axis, gridlines and date
 * labels (an SVG and HTML, no chart library), a tooltip on hover and keyboard focus, a legend,
 * and the same figures as a table with exact amounts.
 * @example <SpendChart days={14} />
 */
export function SpendChart({ days = 30, className }: SpendChartProps): ReactNode {
  checkDays(days)
  const { t } = useMessages(spendChartMessages)
  const format = useFormat()
  const id = useId()
  const [active, setActive] = useState<number | null>(null)
  const [tableShown, setTableShown] = useState(false)
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
    // Dollars, or a legacy plan's credits: every sum stays in the report's unit.
    const zero = money(0, info.unit)
    // The biggest services get their own colour; the rest share the last one.
    const byService = new Map<PricingService, Money>()
    for (const bucket of info.buckets) {
      for (const part of bucket.byService) {
        byService.set(part.service, add(byService.get(part.service) ?? zero, part.amount))
      }
    }
    const ranked = [...byService].sort((a, b) => compare(b[1], a[1]))
    const own = ranked.length > SERIES ? ranked.slice(0, SERIES - 1) : ranked
    const keyOf = (service: PricingService): SeriesKey =>
      own.some(([key]) => key === service) ? service : 'OTHER'
    const series: Array<{ key: SeriesKey; total: Money }> = own.map(([key, total]) => ({
      key,
      total,
    }))
    if (ranked.length > own.length) {
      series.push({
        key: 'OTHER',
        total: ranked.slice(own.length).reduce((sum, [, total]) => add(sum, total), zero),
      })
    }
    const rows = info.buckets.map((bucket) => {
      const amounts = series.map(() => zero)
      for (const part of bucket.byService) {
        const index = series.findIndex((entry) => entry.key === keyOf(part.service))
        amounts[index] = add(amounts[index] ?? zero, part.amount)
      }
      return { date: bucket.date, total: bucket.total, requests: bucket.requests, amounts }
    })
    const top = rows.reduce((most, row) => max(most, row.total), zero)
    const requests = rows.reduce((sum, row) => sum + row.requests, 0)
    const axis = isZero(top) ? null : valueAxis(top)
    // Date labels counted back from the last day, so the newest always has one.
    const every = Math.max(1, Math.ceil(rows.length / DATE_TICKS))
    const dateTicks = rows
      .map((_, index) => index)
      .filter((index) => (rows.length - 1 - index) % every === 0)
    return { info, zero, series, rows, top, requests, axis, dateTicks, every }
  }, [usage.data])

  let state: SpendChartState = 'loading'
  if (chart) state = isZero(chart.top) ? 'empty' : 'ready'
  else if (usage.isError) state = 'error'

  const label = (key: SeriesKey) => t(`spendChart.service.${key}`)
  // A height within the plot (0 to 100), from exact amounts: only the ratio is a float.
  const scale = (amount: Money, top: Money) =>
    isNegative(amount) ? 0 : Number(divide(amount, top.amount, 6, 'half-even').amount) * 100

  // Credits are counted on the axis (its title names them); dollars keep their sign.
  const credits = chart?.info.unit === 'CREDITS'
  const tickLabel = (tick: Money) =>
    credits ? format.number(Number(tick.amount)) : format.money(tick)

  const rowCount = chart?.rows.length ?? 0
  const shown = active !== null && active < rowCount ? active : null
  const shownRow = shown !== null ? chart?.rows[shown] : undefined
  const onKeyDown = (event: KeyboardEvent) => {
    if (!rowCount) return
    const last = rowCount - 1
    const current = shown ?? last
    const next =
      event.key === 'ArrowLeft' || event.key === 'ArrowDown'
        ? Math.max(0, current - 1)
        : event.key === 'ArrowRight' || event.key === 'ArrowUp'
          ? Math.min(last, current + 1)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : undefined
    if (event.key === 'Escape') setActive(null)
    if (next === undefined) return
    event.preventDefault()
    setActive(next)
  }
  // What the tooltip says, also announced: the day, its total and requests, and each service.
  const dayLine = shownRow
    ? `${t('spendChart.barTitle', {
        date: dayFormat.long(shownRow.date),
        total: format.money(shownRow.total),
      })}, ${t('spendChart.requestsCount', { count: shownRow.requests })}`
    : ''
  const serviceLines =
    shownRow && chart && chart.series.length > 1
      ? chart.series.flatMap((entry, at) => {
          const amount = shownRow.amounts[at] ?? chart.zero
          return isZero(amount) ? [] : [{ at, key: entry.key, amount }]
        })
      : []

  // The table's amount columns (each service, then the total), exact, aligned on the decimal point.
  const columns: string[][] =
    chart && tableShown
      ? [
          ...chart.series.map((entry, at) => [
            ...chart.rows.map((row) => format.exact(row.amounts[at] ?? chart.zero)),
            format.exact(entry.total),
          ]),
          [...chart.rows.map((row) => format.exact(row.total)), format.exact(chart.info.total)],
        ]
      : []
  const pads = columns.map((column) => alignDecimals(column, format.locale))
  const amountCell = (column: number, row: number) => (
    <td
      key={column}
      data-numeric=""
      style={{ '--payg-decimal-pad': `${pads[column]?.[row] ?? 0}ch` } as CSSProperties}
    >
      {columns[column]?.[row]}
    </td>
  )

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
        <div
          className="payg-spend-chart__placeholder"
          role="img"
          aria-label={t('spendChart.loading')}
        >
          <span className="payg-skeleton payg-spend-chart__skeleton-total" />
          <span className="payg-skeleton payg-spend-chart__skeleton-plot" />
          <span className="payg-skeleton payg-spend-chart__skeleton-legend" />
          <span className="payg-skeleton payg-spend-chart__skeleton-table" />
        </div>
      )}
      {state === 'error' && (
        <RetryAlert
          message={t('spendChart.error')}
          retryLabel={t('spendChart.retry')}
          onRetry={() => usage.refetch()}
        />
      )}
      {state === 'empty' && (
        <div className="payg-spend-chart__empty">
          <p className="payg-spend-chart__empty-title">{t('spendChart.empty', { days })}</p>
          <p className="payg-muted">{t('spendChart.emptyHint')}</p>
        </div>
      )}
      {state === 'ready' && chart?.axis && (
        <>
          <p className="payg-spend-chart__total">
            <span className="payg-spend-chart__total-label">{t('spendChart.totalLabel')}</span>
            <strong title={format.exact(chart.info.total)}>{format.money(chart.info.total)}</strong>
          </p>
          <div className="payg-spend-chart__figure">
            <span className="payg-spend-chart__axis-title" aria-hidden="true">
              {t(credits ? 'spendChart.axisYCredits' : 'spendChart.axisY')}
            </span>
            <div className="payg-spend-chart__values" aria-hidden="true">
              {/* The widest label, unseen, gives the value axis its width. */}
              <span className="payg-spend-chart__sizer">{tickLabel(chart.axis.max)}</span>
              {chart.axis.ticks.map((tick) => (
                <span
                  key={tick.amount}
                  className="payg-spend-chart__value"
                  style={{ bottom: `${scale(tick, chart.axis?.max ?? tick)}%` }}
                >
                  {tickLabel(tick)}
                </span>
              ))}
            </div>
            {/* biome-ignore lint/a11y/useSemanticElements: a group of days read one at a time with the arrow keys; no element means that */}
            <div
              className="payg-spend-chart__plot"
              role="group"
              aria-labelledby={`${id}-title`}
              aria-describedby={`${id}-keys`}
              // biome-ignore lint/a11y/noNoninteractiveTabindex: the days are read with the arrow keys from this one tab stop
              tabIndex={0}
              onKeyDown={onKeyDown}
              onFocus={() => setActive((current) => current ?? rowCount - 1)}
              onBlur={() => setActive(null)}
              onPointerLeave={() => setActive(null)}
            >
              <svg
                className="payg-spend-chart__chart"
                viewBox={`0 0 ${rowCount * SLOT} 100`}
                preserveAspectRatio="none"
                role="img"
                aria-label={t('spendChart.summary', {
                  from: dayFormat.long(chart.info.from),
                  to: dayFormat.long(chart.info.to),
                  total: format.money(chart.info.total),
                })}
              >
                {chart.axis.ticks.map((tick) => {
                  const y = 100 - scale(tick, chart.axis?.max ?? tick)
                  return (
                    <line
                      key={tick.amount}
                      x1={0}
                      x2={rowCount * SLOT}
                      y1={y}
                      y2={y}
                      className={isZero(tick) ? 'payg-spend-chart__zero' : 'payg-spend-chart__grid'}
                      vectorEffect="non-scaling-stroke"
                    />
                  )
                })}
                {chart.rows.map((row, index) => {
                  let y = 100
                  return (
                    <g
                      key={row.date}
                      className="payg-spend-chart__bar"
                      data-active={index === shown || undefined}
                      onPointerEnter={() => setActive(index)}
                    >
                      {/* A transparent full-height target, so thin bars still show their tooltip. */}
                      <rect
                        className="payg-spend-chart__hit"
                        x={index * SLOT}
                        y={0}
                        width={SLOT}
                        height={100}
                      />
                      {chart.series.map((entry, at) => {
                        const height = scale(
                          row.amounts[at] ?? chart.zero,
                          chart.axis?.max ?? row.total,
                        )
                        y -= height
                        return height > 0 ? (
                          <rect
                            key={entry.key}
                            x={index * SLOT + (SLOT - BAR) / 2}
                            y={y}
                            width={BAR}
                            height={height}
                            className="payg-spend-chart__segment"
                            style={{ fill: `var(--payg-chart-${at + 1})` }}
                          />
                        ) : null
                      })}
                    </g>
                  )
                })}
              </svg>
              {shownRow && shown !== null && (
                <div
                  className="payg-spend-chart__tooltip"
                  aria-hidden="true"
                  style={{
                    left: `${along(shown, rowCount)}%`,
                    transform: `translateX(-${along(shown, rowCount)}%)`,
                  }}
                >
                  <p className="payg-spend-chart__tooltip-day">{dayFormat.long(shownRow.date)}</p>
                  <p className="payg-spend-chart__tooltip-total">
                    {format.money(shownRow.total)}{' '}
                    <span className="payg-muted">
                      {t('spendChart.requestsCount', { count: shownRow.requests })}
                    </span>
                  </p>
                  {serviceLines.length > 0 && (
                    <ul className="payg-spend-chart__tooltip-services">
                      {serviceLines.map((line) => (
                        <li key={line.key}>
                          <span
                            className="payg-spend-chart__swatch"
                            style={{ background: `var(--payg-chart-${line.at + 1})` }}
                          />
                          <span>{label(line.key)}</span>
                          <span className="payg-spend-chart__tooltip-amount">
                            {format.money(line.amount)}
                          </span>
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              )}
            </div>
            <div className="payg-spend-chart__dates" aria-hidden="true">
              {chart.dateTicks.map((index, at) => {
                const edge = at === 0 || at === chart.dateTicks.length - 1
                const where = along(index, rowCount)
                return (
                  <span
                    key={index}
                    className="payg-spend-chart__date"
                    // Every other label gives way on a narrow container; the newest stays.
                    data-minor={(chart.dateTicks.length - 1 - at) % 2 === 1 || undefined}
                    style={{
                      left: `${where}%`,
                      transform: `translateX(-${edge ? where : 50}%)`,
                    }}
                  >
                    {dayFormat.short(chart.rows[index]?.date ?? '')}
                  </span>
                )
              })}
            </div>
            <span
              className="payg-spend-chart__axis-title payg-spend-chart__axis-x"
              aria-hidden="true"
            >
              {t('spendChart.axisX')}
            </span>
          </div>
          <p className="payg-visually-hidden" id={`${id}-keys`}>
            {t('spendChart.keys')}
          </p>
          <p className="payg-visually-hidden" role="status">
            {[
              dayLine,
              ...serviceLines.map((line) => `${label(line.key)}: ${format.money(line.amount)}`),
            ]
              .filter(Boolean)
              .join('. ')}
          </p>
          <ul className="payg-spend-chart__legend" aria-label={t('spendChart.legend')}>
            {chart.series.map((entry, at) => (
              <li key={entry.key}>
                <span
                  className="payg-spend-chart__swatch"
                  aria-hidden="true"
                  style={{ background: `var(--payg-chart-${at + 1})` }}
                />
                {label(entry.key)}{' '}
                <span className="payg-spend-chart__amount" title={format.exact(entry.total)}>
                  {format.money(entry.total)}
                </span>
              </li>
            ))}
          </ul>
          <details
            className="payg-spend-chart__details"
            onToggle={(event) => setTableShown(event.currentTarget.open)}
          >
            <summary>{t('spendChart.showTable')}</summary>
            {tableShown && (
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
                    {chart.rows.map((row, index) => (
                      <tr key={row.date}>
                        <th scope="row">
                          <time dateTime={row.date}>{dayFormat.long(row.date)}</time>
                        </th>
                        {columns.map((_, column) => amountCell(column, index))}
                        <td data-numeric="">{format.number(row.requests)}</td>
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row">{t('spendChart.total')}</th>
                      {columns.map((_, column) => amountCell(column, rowCount))}
                      <td data-numeric="">{format.number(chart.requests)}</td>
                    </tr>
                  </tfoot>
                </table>
              </section>
            )}
          </details>
        </>
      )}
    </div>
  )
}
