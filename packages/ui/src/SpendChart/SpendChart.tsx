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
  type UsageGranularity,
} from '@payg-kit/core'
import { USAGE_LIMITS } from '@payg-kit/core/rules'
import { useUsage } from '@payg-kit/react'
import {
  type KeyboardEvent,
  lazy,
  type ReactNode,
  Suspense,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react'
import { propError } from '../propError'
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
  // `{span}` is the bar's length in days: 1 a day, 7 a week, 28 a month.
  'spendChart.axisY':
    '{span, plural, =1 {Spend per day} =7 {Spend per week} other {Spend per month}}',
  'spendChart.axisYCredits':
    '{span, plural, =1 {Credits per day} =7 {Credits per week} other {Credits per month}}',
  'spendChart.axisX': '{span, plural, =1 {Day (UTC)} =7 {Week (UTC)} other {Month (UTC)}}',
  'spendChart.keys': 'Use the left and right arrow keys to read each bar.',
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
  /** How many days back, today included (1 to 3,660, ten years). Default 30. */
  days?: number
  /** A bar per day, ISO week or calendar month (UTC); by default days up to 92 days, weeks up to 731, months beyond. */
  granularity?: UsageGranularity
  className?: string
}

/** Six colours (`--payg-chart-1..6`): the five biggest services, then the rest together. */
const SERIES = 6
// Bars are drawn in a viewBox stretched to the plot (10 units a day, 100 high); every text is
// HTML beside it, so it keeps its CSS size at any width.
const SLOT = 10
const BAR = 7
// At most this many date labels. Once the width is measured they are spaced by the widest label;
// before that (on the server), narrow containers show every other one.
const DATE_TICKS = 7
// Bars between date labels: days by a few days, weeks or four weeks; weeks by months, quarters,
// half years or years; months by quarters, half years or years. Larger than the range: the newest only.
const TICK_STEPS: Record<UsageGranularity, number[]> = {
  DAY: [1, 2, 3, 7, 14, 28, 56],
  WEEK: [1, 2, 4, 8, 13, 26, 52],
  MONTH: [1, 2, 3, 6, 12, 24, 36, 60],
}
// A layout effect where there is a layout; on the server an effect, which does not run there.
const useLayoutEffectInBrowser = typeof document === 'undefined' ? useEffect : useLayoutEffect
const DAY_MS = 86_400_000
// The shortest bucket of each size, in days.
const SPAN = { DAY: 1, WEEK: 7, MONTH: 28 }
// The keys that move the bar shown, in bars (the ends as far as any range goes).
const STEPS = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1, Home: -1e6, End: 1e6 }

type SeriesKey = PricingService | 'OTHER'

// The table alternative loads the first time it is opened.
const SpendTable = lazy(() => import('./SpendTable'))

/**
 * A plain-JS caller can pass anything; the usage API takes the days in USAGE_LIMITS, in at most
 * `maxBuckets` buckets (checked for the range ending on any day).
 */
function checkRange(days: number, granularity: UsageGranularity): void {
  const { minimum, maximum } = USAGE_LIMITS.days
  const span = SPAN[granularity]
  if (
    !Number.isInteger(days) ||
    days < minimum ||
    days > maximum ||
    !((days + span - 1) / span <= USAGE_LIMITS.maxBuckets)
  ) {
    throw propError(
      'SpendChart',
      `days must be a whole number from ${minimum} to ${maximum} in at most ${USAGE_LIMITS.maxBuckets} bars, got ${days} by ${granularity}.`,
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

/** A date label: its bar, and whether a narrow container may hide it before the width is known. */
interface DateTick {
  index: number
  minor: boolean
}

/**
 * The bars that get a date label, counted back from the newest, so it always has one, every
 * `step` bars from TICK_STEPS. Each label is drawn at its bar shifted by its own place along the
 * axis (the first at its start, the newest at its end), so all of them lie inside the axis in the
 * order of a line `width - label` long: two labels `step` bars apart never touch when
 * `step / count ≥ (label + gap) / (width - label)`, the `room` measured (null until it is).
 */
function dateTicks(count: number, granularity: UsageGranularity, room: number | null): DateTick[] {
  const least = Math.max(Math.ceil(count / DATE_TICKS), room === null ? 1 : Math.ceil(count * room))
  const step = TICK_STEPS[granularity].find((each) => each >= least) ?? count
  const ticks: DateTick[] = []
  for (let index = count - 1, at = 0; index >= 0; index -= step, at++) {
    ticks.unshift({ index, minor: room === null && at % 2 === 1 })
  }
  return ticks
}

/**
 * Spend over time by service: a stacked bar per day, week or month with a value axis, gridlines
 * and date labels (an SVG and HTML, no chart library), a tooltip on hover and keyboard focus, a
 * legend, and the same figures as a table with exact amounts.
 * @example <SpendChart days={14} />
 */
export function SpendChart({
  days = 30,
  granularity = days > 731 ? 'MONTH' : days > 92 ? 'WEEK' : 'DAY',
  className,
}: SpendChartProps): ReactNode {
  checkRange(days, granularity)
  const { t } = useMessages(spendChartMessages)
  const format = useFormat()
  const id = useId()
  const [active, setActive] = useState<number | null>(null)
  const [tableShown, setTableShown] = useState(false)
  // The last `days` by the server's clock: the widget never reads its own, so a render is the
  // same on the server and in the browser, and "today" is the API's (UTC) day.
  // One request for the whole range, in buckets of the granularity.
  const usage = useUsage({ days, granularity })
  // The date axis's width and its widest label's, measured, so labels never run into each other.
  const datesRef = useRef<HTMLDivElement>(null)
  const [room, setRoom] = useState<number | null>(null)

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
    // Each service's series; the rest go to "Other", the last.
    const seriesOf = new Map(own.map(([key], at) => [key, at]))
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
        const index = seriesOf.get(part.service) ?? own.length
        amounts[index] = add(amounts[index] ?? zero, part.amount)
      }
      return { date: bucket.date, total: bucket.total, requests: bucket.requests, amounts }
    })
    const top = rows.reduce((most, row) => max(most, row.total), zero)
    const axis = isZero(top) ? null : valueAxis(top)
    // Where bar `index` starts, UTC: a bucket ends the day before the next one starts, the last
    // one on the range's last day.
    const edge = (index: number) =>
      rows[index] ? Date.parse(rows[index].date) : Date.parse(info.to) + DAY_MS
    const months = info.granularity === 'MONTH'
    const dates = (options: Intl.DateTimeFormatOptions) =>
      new Intl.DateTimeFormat(format.locale, { ...options, timeZone: 'UTC' })
    const long = dates({ dateStyle: 'medium' })
    // A bar's day, week ("Mar 2 – 8, 2026") or whole month ("March 2026").
    const bar = months ? dates({ month: 'long', year: 'numeric' }) : long
    // "Mar 2" for days and weeks, "Mar 2026" for months.
    const tick = dates({ month: 'short', [months ? 'year' : 'day']: 'numeric' })
    const ticks = rows.map((_, index) => tick.format(edge(index)))
    return {
      info,
      zero,
      series,
      rows,
      top,
      axis,
      ticks,
      // The longest date label, measured unseen to space them.
      widestTick: ticks.reduce((widest, each) => (each.length > widest.length ? each : widest), ''),
      span: SPAN[info.granularity],
      summary: t('spendChart.summary', {
        from: long.format(edge(0)),
        to: long.format(edge(rows.length) - DAY_MS),
        total: format.money(info.total),
      }),
      // A month cut by the range is named by its days ("Dec 1 – 12, 2026"): its spend is not a
      // whole month's.
      label: (index: number) => {
        const [from, to] = [edge(index), edge(index + 1) - DAY_MS]
        const whole = new Date(from).getUTCDate() === 1 && new Date(to + DAY_MS).getUTCDate() === 1
        return (whole ? bar : long).formatRange(from, to)
      },
    }
  }, [usage.data, format, t])

  let state: SpendChartState = 'loading'
  if (chart) state = isZero(chart.top) ? 'empty' : 'ready'
  else if (usage.isError) state = 'error'

  const label = (key: SeriesKey) => t(`spendChart.service.${key}`)
  // A height within the plot (0 to 100, the top of the value axis), from exact amounts: only the
  // ratio is a float.
  const scale = (amount: Money) =>
    isNegative(amount) || !chart?.axis
      ? 0
      : Number(divide(amount, chart.axis.max.amount, 6, 'half-even').amount) * 100

  // Credits are counted on the axis (its title names them); dollars keep their sign.
  const credits = chart?.info.unit === 'CREDITS'
  const tickLabel = (tick: Money) =>
    credits ? format.number(Number(tick.amount)) : format.money(tick)

  const rowCount = chart?.rows.length ?? 0
  const ready = state === 'ready'
  useLayoutEffectInBrowser(() => {
    const dates = datesRef.current
    const sizer = dates?.firstElementChild
    if (!ready || !dates || !sizer) return
    // The least share of the axis between two labels: the widest label and 1em between them,
    // over the line their starts take (rounded, so a pixel's change draws nothing anew).
    const measure = () => {
      const label = sizer.getBoundingClientRect().width
      const gap = Number.parseFloat(getComputedStyle(sizer).fontSize)
      const line = dates.clientWidth - label
      setRoom(line > 0 ? Math.ceil(((label + gap) / line) * 1000) / 1000 : 1)
    }
    measure()
    // A new width, or the label's font arriving, spaces them again (measured once where there is
    // no ResizeObserver, as in jsdom).
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(measure)
    observer.observe(dates)
    observer.observe(sizer)
    return () => observer.disconnect()
  }, [ready, chart?.widestTick])
  const ticks = chart ? dateTicks(rowCount, chart.info.granularity, room) : []
  const shown = active !== null && active < rowCount ? active : null
  const shownRow = shown !== null ? chart?.rows[shown] : undefined
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') setActive(null)
    // A step from the bar shown (the newest when none is): one either way, or to either end.
    const step = STEPS[event.key as keyof typeof STEPS]
    if (!step || !rowCount) return
    event.preventDefault()
    setActive(Math.min(rowCount - 1, Math.max(0, (shown ?? rowCount - 1) + step)))
  }
  // What the tooltip says, also announced: the day, its total and requests, and each service.
  const dayLine =
    shownRow && chart && shown !== null
      ? `${t('spendChart.barTitle', {
          date: chart.label(shown),
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
          {['total', 'plot', 'legend', 'table'].map((part) => (
            <span key={part} className={`payg-skeleton payg-spend-chart__skeleton-${part}`} />
          ))}
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
              {t(credits ? 'spendChart.axisYCredits' : 'spendChart.axisY', { span: chart.span })}
            </span>
            <div className="payg-spend-chart__values" aria-hidden="true">
              {/* The widest label, unseen, gives the value axis its width. */}
              <span className="payg-spend-chart__sizer">{tickLabel(chart.axis.max)}</span>
              {chart.axis.ticks.map((tick) => (
                <span
                  key={tick.amount}
                  className="payg-spend-chart__value"
                  style={{ bottom: `${scale(tick)}%` }}
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
                aria-label={chart.summary}
              >
                {chart.axis.ticks.map((tick) => {
                  const y = 100 - scale(tick)
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
                        const height = scale(row.amounts[at] ?? chart.zero)
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
                  <p className="payg-spend-chart__tooltip-day">{chart.label(shown)}</p>
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
            <div className="payg-spend-chart__dates" aria-hidden="true" ref={datesRef}>
              <span className="payg-spend-chart__date-sizer">{chart.widestTick}</span>
              {ticks.map(({ index, minor }) => {
                const where = along(index, rowCount)
                return (
                  <span
                    key={index}
                    className="payg-spend-chart__date"
                    // Unmeasured, every other label gives way on a narrow container; the newest stays.
                    data-minor={minor || undefined}
                    style={{ left: `${where}%`, transform: `translateX(-${where}%)` }}
                  >
                    {chart.ticks[index]}
                  </span>
                )
              })}
            </div>
            <span
              className="payg-spend-chart__axis-title payg-spend-chart__axis-x"
              aria-hidden="true"
            >
              {t('spendChart.axisX', { span: chart.span })}
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
              <Suspense>
                <SpendTable chart={chart} id={id} format={format} t={t} />
              </Suspense>
            )}
          </details>
        </>
      )}
    </div>
  )
}
