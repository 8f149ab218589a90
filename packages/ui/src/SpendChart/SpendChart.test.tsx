import { formatMoney, type Money, subtract, usd } from '@payg-kit/core'
import { priceCalculatorRequest } from '@payg-kit/msw'
import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import { displayMoney } from '../displayMoney'
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
      .toHaveAccessibleDescription('Use the left and right arrow keys to read each day.')
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
    // The narrow chart drops every other date label; the wide one shows them all, 7 for 30 days.
    const visibleDates = (root: HTMLElement | undefined) =>
      [...(root?.querySelectorAll<HTMLElement>('.payg-spend-chart__date') ?? [])].filter(
        (label) => getComputedStyle(label).display !== 'none',
      ).length
    expect(visibleDates(wide)).toBe(6)
    expect(visibleDates(narrow)).toBe(3)
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

  it('refuses a number of days the API does not serve, with a message that says why', () => {
    for (const days of [0, 367, 7.5, Number.NaN]) {
      expect(() => SpendChart({ days })).toThrow(
        `[payg-kit] SpendChart: days must be a whole number from 1 to 366, got ${days}.`,
      )
    }
  })
})
