import { formatMoney, type Money, subtract, usd } from '@payg-kit/core'
import { priceCalculatorRequest } from '@payg-kit/msw'
import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import { expectNoA11yViolations, mock, renderWithMock } from '../test/renderWithMock'
import { SpendChart } from './SpendChart'

const widget = () => document.querySelector('.payg-spend-chart') as HTMLElement
const bars = () => document.querySelectorAll('.payg-spend-chart__bar')
const DAY_MS = 86_400_000
const dollars = (amount: Money) => formatMoney(amount, { locale: 'en-US' })

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
    await expectNoA11yViolations()

    await queryClient.cancelQueries()
    await queryClient.refetchQueries()
    const amount = dollars(ledgerSpend(30))
    const chart = screen.getByRole('img', { name: /^Spend from / })
    await expect.element(chart).toBeVisible()
    expect(chart.element().getAttribute('aria-label')).toMatch(
      new RegExp(`^Spend from \\w{3} \\d{1,2}, \\d{4} to \\w{3} \\d{1,2}, \\d{4}: \\${amount}`),
    )
    expect(widget().dataset.state).toBe('ready')
    expect(bars()).toHaveLength(30)
    await expectNoA11yViolations()
  })

  it('has a legend, a title per bar, and a table with the exact amounts behind "Show as table"', async () => {
    const { screen } = await renderWithMock(<SpendChart />)
    const legend = screen.getByRole('list', { name: 'Services' })
    await expect.element(legend).toBeVisible()
    expect(legend.getByRole('listitem').all()).toHaveLength(3)
    await expect.element(legend).toHaveTextContent('Image generation')
    await expect.element(legend).toHaveTextContent('Universal upscaler')
    await expect.element(legend).toHaveTextContent('Motion (SVD)')

    // Today's bar: its title names the day, the total and each service's share.
    const todays = mock.state
      .transactions()
      .filter(
        (entry) =>
          entry.service &&
          entry.createdAt.slice(0, 10) === mock.clock.now().toISOString().slice(0, 10),
      )
    const todaysTotal = todays.reduce((sum, entry) => subtract(sum, usd(entry.amount)), usd(0))
    const title = bars()[29]?.querySelector('title')?.textContent ?? ''
    expect(title.split('\n')[0]).toMatch(new RegExp(`: \\${dollars(todaysTotal)}$`))

    const table = screen.getByRole('table', { name: /Spend by service/ })
    expect(table.query()).toBeNull()
    // The summary is the chart's only stop in the tab order.
    await userEvent.keyboard('{Tab}')
    await expect.element(screen.getByText('Show as table')).toHaveFocus()
    await userEvent.keyboard('{Enter}')
    await expect.element(table).toBeVisible()
    expect(table.getByRole('row').all()).toHaveLength(1 + 30 + 1)
    const footer = table.getByRole('row').last()
    await expect.element(footer).toHaveTextContent(dollars(ledgerSpend(30)))
    await expect
      .element(table.getByRole('row').nth(30))
      .toHaveTextContent(`${dollars(todaysTotal)}${todays.length}`)
    await expectNoA11yViolations()
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
      'Motion (SVD) $0.054',
      // 30 + 16 + 15 + 11 + 1 credits at $0.0012
      'Other services $0.0876',
    ])
    const swatches = [...document.querySelectorAll('.payg-spend-chart__swatch')].map(
      (swatch) => getComputedStyle(swatch).backgroundColor,
    )
    expect(new Set(swatches).size).toBe(6)
    expect(document.querySelectorAll('.payg-spend-chart__segment')).toHaveLength(6)
    expect(document.querySelector('.payg-spend-chart__total')?.textContent).toBe('$3.8616')
    await expectNoA11yViolations()
  })

  it('shows an empty state when there is no usage', async () => {
    const { screen } = await renderWithMock(<SpendChart />, { scenario: 'newAccount' })
    await expect.element(screen.getByText('No usage in the last 30 days.')).toBeVisible()
    expect(widget().dataset.state).toBe('empty')
    expect(document.querySelector('svg')).toBeNull()
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
    await expect.element(screen.getByText(dollars(ledgerSpend(7))).first()).toBeVisible()
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
      `Ausgaben vom ${new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'UTC' }).format(mock.clock.now().getTime() - 29 * DAY_MS)} bis ${new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'UTC' }).format(mock.clock.now())}: ${formatMoney(ledgerSpend(30), { locale: 'de-DE' })} insgesamt.`,
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
