import { formatMoney, type Money, subtract, usd } from '@payg-kit/core'
import { USAGE_LIMITS } from '@payg-kit/core/rules'
import { priceCalculatorRequest } from '@payg-kit/msw'
import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import { displayMoney } from '../displayMoney'
import { loadPaygMessages } from '../locales'
import { expectNoA11yViolations, mock, renderWithMock } from '../test/renderWithMock'
import { SpendChart } from './SpendChart'

const widget = () => document.querySelector('.payg-spend-chart') as HTMLElement
const bars = () => document.querySelectorAll('.payg-spend-chart__bar')
const DAY_MS = 86_400_000
/** Every digit, as the table and titles show it. */
const dollars = (amount: Money) => formatMoney(amount, { locale: 'en-US' })
/** A total as the chart shows it: whole cents, rounded down. */
const shown = (amount: Money, locale = 'en-US') => displayMoney(amount, 'amount', { locale })
const status = () => document.querySelector('.payg-spend-chart [role="status"]')?.textContent

/** Spend (usage less refunds) in the mock's ledger from `days - 1` days ago to today, UTC. */
function ledgerSpend(days: number) {
  const today = mock.clock.now().toISOString().slice(0, 10)
  const from = new Date(Date.parse(today) - (days - 1) * DAY_MS).toISOString().slice(0, 10)
  return mock.state
    .transactions()
    .filter((entry) => entry.service && entry.createdAt.slice(0, 10) >= from)
    .reduce((sum, entry) => subtract(sum, usd(entry.amount)), usd(0))
}

describe('SpendChart', () => {
  it('shows a loading state, then an SVG chart summarising the total and the range', async () => {
    const { screen, queryClient } = await renderWithMock(<SpendChart />, {
      setup: (paygMock) => paygMock.failNext('getUsage', { mode: 'hang' }),
    })
    await expect.element(screen.getByRole('img', { name: 'Loading spend…' })).toBeVisible()
    expect(widget().dataset.state).toBe('loading')
    const loadingHeight = widget().getBoundingClientRect().height
    await expectNoA11yViolations()

    await queryClient.cancelQueries()
    await queryClient.refetchQueries()
    const amount = shown(ledgerSpend(30))
    const chart = screen.getByRole('img', { name: /^Spend from / })
    await expect.element(chart).toBeVisible()
    expect(chart.element().getAttribute('aria-label')).toMatch(
      new RegExp(`^Spend from \\w{3} \\d{1,2}, \\d{4} to \\w{3} \\d{1,2}, \\d{4}: \\${amount}`),
    )
    expect(widget().dataset.state).toBe('ready')
    // The placeholder had the chart's shape: the card hardly moves when the data arrives.
    const readyHeight = widget().getBoundingClientRect().height
    expect(Math.abs(readyHeight - loadingHeight)).toBeLessThan(readyHeight * 0.1)
    expect(bars()).toHaveLength(30)
    await expectNoA11yViolations()
  })

  it('has a legend, a tooltip per day by keyboard, and a table with the exact amounts behind "Show as table"', async () => {
    const { screen } = await renderWithMock(<SpendChart />)
    const legend = screen.getByRole('list', { name: 'Services' })
    await expect.element(legend).toBeVisible()
    expect(legend.getByRole('listitem').all()).toHaveLength(3)
    await expect.element(legend).toHaveTextContent('Image generation')
    await expect.element(legend).toHaveTextContent('Universal upscaler')
    await expect.element(legend).toHaveTextContent('Motion (SVD)')

    const day = (offset: number) => {
      const date = new Date(mock.clock.now().getTime() - offset * DAY_MS).toISOString().slice(0, 10)
      const entries = mock.state
        .transactions()
        .filter((entry) => entry.service && entry.createdAt.slice(0, 10) === date)
      return {
        label: new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(
          new Date(`${date}T00:00:00Z`),
        ),
        total: entries.reduce((sum, entry) => subtract(sum, usd(entry.amount)), usd(0)),
        requests: entries.length,
      }
    }
    const today = day(0)
    const yesterday = day(1)

    // One tab stop for the days: it opens on today, the arrow keys move, and each day is announced.
    const plot = screen.getByRole('group', { name: /Spend by service/ })
    await userEvent.keyboard('{Tab}')
    await expect.element(plot).toHaveFocus()
    await expect
      .element(plot)
      .toHaveAccessibleDescription('Use the left and right arrow keys to read each bar.')
    // A day with requests is told by service too; a day without (just after midnight) is not.
    expect(status()).toMatch(
      new RegExp(
        `^${today.label}: \\${shown(today.total)}, ${today.requests} requests?${
          today.requests > 0 ? '\\. (Image generation|Motion \\(SVD\\)|Universal upscaler): ' : '$'
        }`,
      ),
    )
    const tooltip = () => document.querySelector<HTMLElement>('.payg-spend-chart__tooltip')
    await expect.element(tooltip()).toBeVisible()
    expect(tooltip()?.textContent).toContain(today.label)
    expect(bars()[29]?.hasAttribute('data-active')).toBe(true)
    await userEvent.keyboard('{ArrowLeft}')
    expect(status()).toMatch(new RegExp(`^${yesterday.label}: \\${shown(yesterday.total)}, `))
    expect(bars()[28]?.hasAttribute('data-active')).toBe(true)
    await userEvent.keyboard('{Home}')
    expect(bars()[0]?.hasAttribute('data-active')).toBe(true)
    await userEvent.keyboard('{Escape}')
    expect(tooltip()).toBeNull()
    await expectNoA11yViolations()

    // The table is not rendered until it is asked for; the summary is the next tab stop.
    expect(document.querySelector('.payg-spend-chart__table')).toBeNull()
    const table = screen.getByRole('table', { name: /Spend by service/ })
    await userEvent.keyboard('{Tab}')
    await expect.element(screen.getByText('Show as table')).toHaveFocus()
    expect(tooltip()).toBeNull()
    await userEvent.keyboard('{Enter}')
    await expect.element(table).toBeVisible()
    expect(table.getByRole('row').all()).toHaveLength(1 + 30 + 1)
    const footer = table.getByRole('row').last()
    await expect.element(footer).toHaveTextContent(dollars(ledgerSpend(30)))
    await expect
      .element(table.getByRole('row').nth(30))
      .toHaveTextContent(`${dollars(today.total)}${today.requests}`)
    await expectNoA11yViolations()
  })

  it('shows a day in a tooltip on hover, and keeps its text the same size at any width', async () => {
    const { screen } = await renderWithMock(
      <>
        <div style={{ width: 320 }}>
          <SpendChart />
        </div>
        <div style={{ width: 1280 }}>
          <SpendChart />
        </div>
      </>,
    )
    await expect.element(screen.getByRole('img', { name: /^Spend from / }).nth(1)).toBeVisible()
    const [narrow, wide] = [...document.querySelectorAll<HTMLElement>('.payg-spend-chart')]
    // Labels are HTML at the widget's small text size, not SVG text scaled with the chart.
    const size = (root: HTMLElement | undefined, selector: string) => {
      const label = root?.querySelector(selector)
      return label ? getComputedStyle(label).fontSize : undefined
    }
    for (const selector of ['.payg-spend-chart__value', '.payg-spend-chart__date']) {
      expect(Number.parseFloat(size(narrow, selector) ?? '0')).toBeGreaterThanOrEqual(12)
      expect(size(narrow, selector)).toBe(size(wide, selector))
    }
    // Date labels a week apart on the wide chart; fewer on the narrow one, where they would touch.
    const visibleDates = (root: HTMLElement | undefined) =>
      [...(root?.querySelectorAll<HTMLElement>('.payg-spend-chart__date') ?? [])].filter(
        (label) => getComputedStyle(label).display !== 'none',
      ).length
    expect(visibleDates(wide)).toBe(5)
    expect(visibleDates(narrow)).toBeGreaterThanOrEqual(2)
    expect(visibleDates(narrow)).toBeLessThan(5)
    // Nothing wider than its container.
    for (const root of [narrow, wide]) expect(root?.scrollWidth).toBe(root?.clientWidth)

    const hit = wide?.querySelectorAll('.payg-spend-chart__hit')[10] as Element
    await userEvent.hover(hit)
    const tooltip = wide?.querySelector('.payg-spend-chart__tooltip')
    expect(tooltip?.textContent).toMatch(/requests/)
    expect(wide?.querySelectorAll('.payg-spend-chart__bar')[10]?.hasAttribute('data-active')).toBe(
      true,
    )
    await userEvent.unhover(hit)
    await expect.poll(() => wide?.querySelector('.payg-spend-chart__tooltip')).toBeNull()
  })

  it('gives the five biggest services a colour each and groups the rest as "Other services"', async () => {
    const { screen } = await renderWithMock(<SpendChart days={1} />, {
      scenario: 'newAccount',
      setup: (paygMock) => {
        const services = [
          'IMAGE_GENERATION',
          'FANTASY_AVATAR_GENERATION',
          'MOTION_SVD_GENERATION',
          'MOTION_VIDEO_GENERATION',
          'VEO3_MOTION_VIDEO_GENERATION',
          'LCM_GENERATION',
          'MODEL_TRAINING',
          'TEXTURE_GENERATION',
          'UNIVERSAL_UPSCALER',
          'UNIVERSAL_UPSCALER_ULTRA',
        ] as const
        for (const service of services) {
          // Images without Alchemy (it defaults to on), as the figures below were set.
          const params = service === 'IMAGE_GENERATION' ? { alchemyMode: false } : {}
          const priced = priceCalculatorRequest({ service, serviceParams: { [service]: params } })
          if (!priced.ok) throw new Error(`cannot price ${service}`)
          const charged = paygMock.ledger.charge(priced.value, `gen-${service}`)
          if (!charged.ok) throw new Error(`cannot charge ${service}`)
        }
      },
    })
    const legend = screen.getByRole('list', { name: 'Services' })
    await expect.element(legend).toBeVisible()
    const items = legend.getByRole('listitem').all()
    expect(items.map((item) => item.element().textContent)).toEqual([
      'Veo 3 video $2.40',
      'Model training $0.90',
      'Motion video $0.24',
      'Texture generation $0.18',
      'Motion (SVD) $0.05',
      'Other services $0.08',
    ])
    // Totals in whole cents; the exact amount is the title.
    expect(
      [...document.querySelectorAll('.payg-spend-chart__amount')].map((amount) =>
        amount.getAttribute('title'),
      ),
    ).toEqual([
      '$2.40',
      '$0.90',
      '$0.24',
      '$0.18',
      '$0.054',
      /* 30 + 16 + 15 + 11 + 1 credits at $0.0012 */ '$0.0876',
    ])
    const swatches = [...document.querySelectorAll('.payg-spend-chart__swatch')].map(
      (swatch) => getComputedStyle(swatch).backgroundColor,
    )
    expect(new Set(swatches).size).toBe(6)
    expect(document.querySelectorAll('.payg-spend-chart__segment')).toHaveLength(6)
    const total = document.querySelector('.payg-spend-chart__total strong')
    expect(total?.textContent).toBe('$3.86')
    expect(total?.getAttribute('title')).toBe('$3.8616')
    // More than one service: the day's tooltip splits it by service.
    await userEvent.keyboard('{Tab}')
    expect(status()).toContain('Veo 3 video: $2.40. Model training: $0.90.')
    expect(document.querySelectorAll('.payg-spend-chart__tooltip li')).toHaveLength(6)
    await expectNoA11yViolations()
  })

  it('shows an empty state when there is no usage', async () => {
    const { screen } = await renderWithMock(<SpendChart />, { scenario: 'newAccount' })
    await expect.element(screen.getByText('No usage in the last 30 days.')).toBeVisible()
    await expect.element(screen.getByText(/^Each request your app makes/)).toBeVisible()
    expect(widget().dataset.state).toBe('empty')
    expect(document.querySelector('svg')).toBeNull()
    await expectNoA11yViolations()
  })

  it("shows a legacy plan's usage in credits, never with a dollar sign", async () => {
    const { screen } = await renderWithMock(<SpendChart />, { scenario: 'legacySubscription' })
    const chart = screen.getByRole('img', { name: /^Spend from / })
    await expect.element(chart).toBeVisible()
    // What the plan's credit transactions of the last 30 days add up to.
    const today = mock.clock.now().toISOString().slice(0, 10)
    const from = new Date(Date.parse(today) - 29 * DAY_MS).toISOString().slice(0, 10)
    const spent = mock.state
      .transactions()
      .filter((entry) => entry.unit === 'CREDITS' && entry.createdAt.slice(0, 10) >= from)
      .reduce((sum, entry) => sum - Number(entry.amount), 0)
    expect(spent).toBeGreaterThan(1000)
    const total = `${spent.toLocaleString('en-US')} credits`
    expect(chart.element().getAttribute('aria-label')).toMatch(
      new RegExp(`: ${total} in total\\.$`),
    )
    await expect.element(screen.getByText(total, { exact: true }).first()).toBeVisible()
    await expect.element(screen.getByText('Credits per day')).toBeInTheDocument()
    await screen.getByText('Show as table').click()
    const table = screen.getByRole('table', { name: /Spend by service/ })
    await expect.element(table).toBeVisible()
    await expect.element(table.getByRole('row').last()).toHaveTextContent(total)
    expect(widget().textContent).not.toContain('$')
    await expectNoA11yViolations()
  })

  it('shows an error with a retry that recovers', async () => {
    const { screen } = await renderWithMock(<SpendChart />, {
      setup: (paygMock) => paygMock.failNext('getUsage', { status: 500 }),
    })
    await expect.element(screen.getByRole('alert')).toHaveTextContent('Spend could not be loaded.')
    expect(widget().dataset.state).toBe('error')
    await expectNoA11yViolations()
    await screen.getByRole('button', { name: 'Retry' }).click()
    await expect.element(screen.getByRole('img', { name: /^Spend from / })).toBeVisible()
  })

  it('covers the number of days asked for', async () => {
    const { screen } = await renderWithMock(<SpendChart days={7} />)
    await expect.element(screen.getByRole('img', { name: /^Spend from / })).toBeVisible()
    expect(bars()).toHaveLength(7)
    await expect.element(screen.getByRole('heading')).toHaveTextContent('Last 7 days')
    await expect.element(screen.getByText(shown(ledgerSpend(7)), { exact: true })).toBeVisible()
  })

  it('uses the chart colours of the dark theme', async () => {
    const { screen } = await renderWithMock(
      <>
        <SpendChart days={3} />
        <div data-payg-theme="dark">
          <SpendChart days={3} />
        </div>
      </>,
    )
    await expect.element(screen.getByRole('img', { name: /^Spend from / }).nth(1)).toBeVisible()
    const [light, dark] = [...document.querySelectorAll('.payg-spend-chart__swatch')]
      .filter((_, index) => index % 3 === 0)
      .map((swatch) => getComputedStyle(swatch).backgroundColor)
    expect(light).toMatch(/^rgb/)
    expect(dark).toMatch(/^rgb/)
    expect(dark).not.toBe(light)
  })

  it('formats for the locale and takes overridden strings', async () => {
    const { screen } = await renderWithMock(<SpendChart />, {
      locale: 'de-DE',
      messages: {
        'spendChart.title': 'Ausgaben nach Dienst',
        'spendChart.summary': 'Ausgaben vom {from} bis {to}: {total} insgesamt.',
        'spendChart.service.IMAGE_GENERATION': 'Bildgenerierung',
      },
    })
    const chart = screen.getByRole('img', { name: /^Ausgaben vom / })
    await expect.element(chart).toBeVisible()
    expect(chart.element().getAttribute('aria-label')).toBe(
      `Ausgaben vom ${new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'UTC' }).format(mock.clock.now().getTime() - 29 * DAY_MS)} bis ${new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'UTC' }).format(mock.clock.now())}: ${shown(ledgerSpend(30), 'de-DE')} insgesamt.`,
    )
    await expect.element(screen.getByRole('list')).toHaveTextContent('Bildgenerierung')
    await expect.element(screen.getByRole('heading')).toHaveTextContent('Ausgaben nach Dienst')
  })

  it('refuses a range the API does not serve, with a message that says why', () => {
    const { minimum, maximum } = USAGE_LIMITS.days
    const bound = `from ${minimum} to ${maximum} in at most ${USAGE_LIMITS.maxBuckets} bars`
    for (const days of [minimum - 1, maximum + 1, 7.5, Number.NaN]) {
      expect(() => SpendChart({ days })).toThrow(
        `[payg-kit] SpendChart: days must be a whole number ${bound}, got ${days} by `,
      )
    }
    // A bar per day or week for longer than the API answers in one report, whatever the day.
    const days = USAGE_LIMITS.maxBuckets + 1
    expect(() => SpendChart({ days, granularity: 'DAY' })).toThrow(`${bound}, got ${days} by DAY.`)
    // 2,556 days touch at most 366 ISO weeks; a day more may touch 367.
    const weeks = USAGE_LIMITS.maxBuckets * 7 - 6
    expect(() => SpendChart({ days: weeks + 1, granularity: 'WEEK' })).toThrow(
      `${bound}, got ${weeks + 1} by WEEK.`,
    )
  })
})

/** A custom account with `days` of seeded usage ending now, and money enough for all of it. */
const history = (days: number) => (paygMock: typeof mock) =>
  paygMock.use({
    description: `${days} days of usage`,
    account: {
      createdDaysAgo: days + 5,
      topUps: [{ amount: 5000, daysAgo: days + 1 }],
      usageDays: days,
      usagePerDay: [0, 3],
    },
  })
const utc = (time: number) => new Date(time).toISOString().slice(0, 10)
/** Spend in the mock's ledger on the days `from`..`to` (YYYY-MM-DD, UTC, inclusive). */
function spendBetween(from: string, to: string) {
  return mock.state
    .transactions()
    .filter(
      (entry) =>
        entry.service && entry.createdAt.slice(0, 10) >= from && entry.createdAt.slice(0, 10) <= to,
    )
    .reduce((sum, entry) => subtract(sum, usd(entry.amount)), usd(0))
}
const rowHeaders = () =>
  [...document.querySelectorAll('.payg-spend-chart__table tbody th')].map((th) => th.textContent)

describe('SpendChart over long ranges', () => {
  it('shows five years as a bar per calendar month, from one request', async () => {
    const days = 5 * 365 + 1
    const { screen } = await renderWithMock(<SpendChart days={days} />, { setup: history(days) })
    await expect.element(screen.getByRole('img', { name: /^Spend from / })).toBeVisible()
    expect(mock.requestCount('getUsage')).toBe(1)

    // Every calendar month the range touches, oldest first; the first and last cut to the range.
    const today = Date.parse(utc(mock.clock.now().getTime()))
    const first = new Date(today - (days - 1) * DAY_MS)
    const months: Date[] = []
    for (
      let month = Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1);
      month <= today;
      month = Date.UTC(new Date(month).getUTCFullYear(), new Date(month).getUTCMonth() + 1, 1)
    ) {
      months.push(new Date(month))
    }
    // 60 months when the range starts on a 1st, else 61.
    expect([60, 61]).toContain(months.length)
    expect(bars()).toHaveLength(months.length)
    const monthName = new Intl.DateTimeFormat('en-US', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    })
    // A whole month by its name, a month the range cuts by its days ("Dec 1 – 12, 2026").
    const medium = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' })
    const name = (index: number) => {
      const month = (months[index] as Date).getTime()
      const next = new Date(month)
      next.setUTCMonth(next.getUTCMonth() + 1)
      const [from, to] = [
        Math.max(month, first.getTime()),
        Math.min(next.getTime() - DAY_MS, today),
      ]
      return from === month && to === next.getTime() - DAY_MS
        ? monthName.format(month)
        : medium.formatRange(from, to)
    }
    await expect.element(screen.getByText('Spend per month')).toBeInTheDocument()
    await expect.element(screen.getByText('Month (UTC)')).toBeInTheDocument()
    // Date labels are months ("Mar 2026"), the newest month labelled, at most 7 of them.
    const ticks = [...document.querySelectorAll('.payg-spend-chart__date')].map(
      (tick) => tick.textContent,
    )
    expect(ticks.length).toBeLessThanOrEqual(7)
    for (const tick of ticks) expect(tick).toMatch(/^[A-Z][a-z]{2} \d{4}$/)
    expect(ticks.at(-1)).toBe(
      new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
        months.at(-1),
      ),
    )

    // The newest month in the tooltip, by keyboard: its name, and what the ledger spent in it.
    await userEvent.keyboard('{Tab}')
    const thisMonth = months.at(-1) as Date
    expect(status()).toMatch(
      new RegExp(
        `^${name(months.length - 1)}: \\${shown(spendBetween(utc(thisMonth.getTime()), utc(today)))}, \\d+ requests?`,
      ),
    )
    await userEvent.keyboard('{Home}')
    expect(status()?.startsWith(`${name(0)}: `)).toBe(true)
    await userEvent.keyboard('{Escape}')
    await expectNoA11yViolations()

    // The table is in the DOM only while it is open: a row per month, named by the month.
    expect(document.querySelector('table')).toBeNull()
    await screen.getByText('Show as table').click()
    const table = screen.getByRole('table', { name: /Spend by service/ })
    await expect.element(table).toBeVisible()
    expect(rowHeaders()).toEqual(months.map((_, index) => name(index)))
    await expect
      .element(table.getByRole('row').last())
      .toHaveTextContent(dollars(spendBetween(utc(first.getTime()), utc(today))))
    await expectNoA11yViolations()
    await screen.getByText('Show as table').click()
    await expect.poll(() => document.querySelector('table')).toBeNull()
    expect(mock.requestCount('getUsage')).toBe(1)
  })

  it('shows a year as a bar per ISO week (Monday to Sunday), each named by its days', async () => {
    const days = 365
    const { screen } = await renderWithMock(<SpendChart days={days} />, { setup: history(days) })
    await expect.element(screen.getByRole('img', { name: /^Spend from / })).toBeVisible()
    expect(mock.requestCount('getUsage')).toBe(1)
    // The weeks the range touches: from the Monday of its first day's week to today's.
    const today = Date.parse(utc(mock.clock.now().getTime()))
    const from = today - (days - 1) * DAY_MS
    const monday = (time: number) => time - ((new Date(time).getUTCDay() + 6) % 7) * DAY_MS
    const weeks = (monday(today) - monday(from)) / (7 * DAY_MS) + 1
    expect(bars()).toHaveLength(weeks)
    await expect.element(screen.getByText('Spend per week')).toBeInTheDocument()
    await expect.element(screen.getByText('Week (UTC)')).toBeInTheDocument()
    for (const tick of document.querySelectorAll('.payg-spend-chart__date')) {
      expect(tick.textContent).toMatch(/^[A-Z][a-z]{2} \d{1,2}$/)
    }

    // This week so far, and the whole week before it, each with what the ledger spent in it.
    const range = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' })
    const weekOf = (start: number, end: number) => ({
      label: range.formatRange(start, end),
      total: spendBetween(utc(start), utc(end)),
    })
    const thisWeek = weekOf(monday(today), today)
    const lastWeek = weekOf(monday(today) - 7 * DAY_MS, monday(today) - DAY_MS)
    // "Mar 2 – 8, 2026", "Mar 30 – Apr 5, 2026" or "Dec 29, 2025 – Jan 4, 2026".
    expect(lastWeek.label).toMatch(
      /^[A-Z][a-z]{2} \d{1,2}(, \d{4})? – ([A-Z][a-z]{2} )?\d{1,2}, \d{4}$/,
    )
    await userEvent.keyboard('{Tab}')
    expect(status()).toMatch(new RegExp(`^${thisWeek.label}: \\${shown(thisWeek.total)}, `))
    await userEvent.keyboard('{ArrowLeft}')
    expect(status()).toMatch(new RegExp(`^${lastWeek.label}: \\${shown(lastWeek.total)}, `))
    expect(document.querySelector('.payg-spend-chart__tooltip-day')?.textContent).toBe(
      lastWeek.label,
    )
    await userEvent.keyboard('{Escape}')

    expect(document.querySelector('table')).toBeNull()
    await screen.getByText('Show as table').click()
    await expect.element(screen.getByRole('table')).toBeVisible()
    const headers = rowHeaders()
    expect(headers).toHaveLength(weeks)
    expect(headers.at(-2)).toBe(lastWeek.label)
    // The first week is cut to the range: it starts on the range's first day.
    expect(headers[0]).toBe(range.formatRange(from, Math.min(monday(from) + 6 * DAY_MS, today)))
    await expectNoA11yViolations()
  })

  it('takes an explicit granularity up to the longest range it serves, and keeps days up to 92 days', async () => {
    const { screen } = await renderWithMock(
      <>
        <SpendChart days={92} />
        <SpendChart days={28} granularity="WEEK" />
        {/* The most days a bar per week can show whatever the day: the API answers them. */}
        <SpendChart days={USAGE_LIMITS.maxBuckets * 7 - 6} granularity="WEEK" />
      </>,
      { setup: history(92) },
    )
    await expect.element(screen.getByRole('img', { name: /^Spend from / }).nth(2)).toBeVisible()
    const [daily, weekly, longest] = [...document.querySelectorAll('.payg-spend-chart')]
    expect(daily?.querySelectorAll('.payg-spend-chart__bar')).toHaveLength(92)
    expect(daily?.textContent).toContain('Spend per day')
    // 28 days touch 4 or 5 ISO weeks, depending on the weekday they start on.
    expect(weekly?.querySelectorAll('.payg-spend-chart__bar').length).toBe(
      new Date(mock.clock.now().getTime()).getUTCDay() === 0 ? 4 : 5,
    )
    expect(weekly?.textContent).toContain('Spend per week')
    expect(longest?.querySelectorAll('.payg-spend-chart__bar').length).toBeGreaterThanOrEqual(
      USAGE_LIMITS.maxBuckets - 1,
    )
    expect(mock.requestCount('getUsage')).toBe(3)
  })

  it('spaces date labels by their own width, so none touch at any width, in any locale', async () => {
    const widths = [320, 360, 480, 768, 1280]
    const ranges = [30, 365, 5 * 365 + 1]
    const { screen } = await renderWithMock(
      <>
        {ranges.flatMap((days) =>
          widths.map((width) => (
            <div key={`${days}-${width}`} style={{ width }} data-days={days}>
              <SpendChart days={days} />
            </div>
          )),
        )}
      </>,
      {
        locale: 'de-DE',
        messages: await loadPaygMessages('de-DE', ['SpendChart']),
        setup: history(5 * 365 + 1),
      },
    )
    await expect
      .poll(() => document.querySelectorAll('.payg-spend-chart[data-state="ready"]').length)
      .toBe(ranges.length * widths.length)
    await expect.element(screen.getByText('Monat (UTC)').first()).toBeVisible()
    const charts = [...document.querySelectorAll<HTMLElement>('.payg-spend-chart')]
    for (const chart of charts) {
      const where = `${chart.parentElement?.dataset.days} days at ${chart.parentElement?.style.width}`
      const axis = chart.querySelector('.payg-spend-chart__dates')?.getBoundingClientRect()
      const labels = [...chart.querySelectorAll<HTMLElement>('.payg-spend-chart__date')]
        .filter((label) => getComputedStyle(label).display !== 'none')
        .map((label) => label.getBoundingClientRect())
      // At least two dates, each inside the axis, left to right with room between them.
      expect(labels.length, where).toBeGreaterThanOrEqual(2)
      expect(labels.length, where).toBeLessThanOrEqual(7)
      for (const [at, label] of labels.entries()) {
        expect(label.left, where).toBeGreaterThanOrEqual((axis?.left ?? 0) - 0.5)
        expect(label.right, where).toBeLessThanOrEqual((axis?.right ?? 0) + 0.5)
        const next = labels[at + 1]
        if (next) expect(next.left - label.right, where).toBeGreaterThanOrEqual(8)
      }
    }
    // The newest bar keeps its label: this month's name on every five-year chart.
    const thisMonth = new Intl.DateTimeFormat('de-DE', {
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(mock.clock.now())
    for (const chart of charts.filter((each) => each.parentElement?.dataset.days === '1826')) {
      expect(chart.querySelectorAll('.payg-spend-chart__date')).not.toHaveLength(0)
      expect([...chart.querySelectorAll('.payg-spend-chart__date')].at(-1)?.textContent).toBe(
        thisMonth,
      )
    }
    expect(mock.requestCount('getUsage')).toBe(ranges.length)
  })

  it('draws its date labels where there is no ResizeObserver (jsdom), measured once', async () => {
    const { ResizeObserver: observer } = window
    Reflect.deleteProperty(window, 'ResizeObserver')
    try {
      const { screen } = await renderWithMock(
        <div style={{ width: 360 }}>
          <SpendChart days={5 * 365 + 1} />
        </div>,
        { setup: history(5 * 365 + 1) },
      )
      await expect.element(screen.getByRole('img', { name: /^Spend from / })).toBeVisible()
      const labels = [...document.querySelectorAll('.payg-spend-chart__date')]
      expect(labels.length).toBeGreaterThanOrEqual(2)
      // Measured: spaced by width, not the unmeasured every-other fallback.
      for (const label of labels) expect(label.hasAttribute('data-minor')).toBe(false)
    } finally {
      window.ResizeObserver = observer
    }
  })

  it('names months and weeks in the locale, with the shipped catalog', async () => {
    const { screen } = await renderWithMock(<SpendChart days={3 * 365} />, {
      locale: 'de-DE',
      messages: await loadPaygMessages('de-DE', ['SpendChart']),
      setup: history(3 * 365),
    })
    await expect.element(screen.getByRole('img', { name: /^Ausgaben vom / })).toBeVisible()
    await expect.element(screen.getByText('Ausgaben pro Monat')).toBeInTheDocument()
    await expect.element(screen.getByText('Monat (UTC)')).toBeInTheDocument()
    await userEvent.keyboard('{Tab}')
    // This month so far: named by its days ("01.–15.03.2026"), or by its name on its last day.
    const today = Date.parse(utc(mock.clock.now().getTime()))
    const start = new Date(today)
    start.setUTCDate(1)
    const whole = new Date(today + DAY_MS).getUTCDate() === 1
    const thisMonth = whole
      ? new Intl.DateTimeFormat('de-DE', {
          month: 'long',
          year: 'numeric',
          timeZone: 'UTC',
        }).format(today)
      : new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'UTC' }).formatRange(
          start.getTime(),
          today,
        )
    expect(status()?.startsWith(`${thisMonth}: `)).toBe(true)
    expect(status()).toContain('Anfrage')
  })
})
