import { createPaygClient, divide, formatMoney, usd } from '@payg-kit/core'
import { type BillingMode, PaygProvider } from '@payg-kit/react'
import { QueryClient } from '@tanstack/react-query'
import { HttpResponse, http } from 'msw'
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import { render } from 'vitest-browser-react'
import { expectNoA11yViolations, mock, worker } from './test/renderWithMock'
import {
  AutoTopUpSettings,
  BalanceBadge,
  CostCalculator,
  MigrationPanel,
  SpendChart,
  TopUpForm,
  TransactionHistory,
} from './widgets'

const BASE = 'https://cloud.leonardo.ai/api/rest/v1'
let started: Promise<unknown> | undefined

/**
 * Renders against the mock as Leonardo's public API answers: every `/billing` path is a 404
 * (counted in `billingRequests`), everything else is the stateful mock.
 */
async function renderLeonardoOnly(
  ui: ReactNode,
  options: {
    scenario?: 'healthy' | 'legacySubscription'
    billing?: BillingMode
    apiAccessUrl?: string
  } = {},
) {
  started ??= worker.start({ quiet: true, onUnhandledRequest: 'error' })
  await started
  worker.resetHandlers()
  mock.reset(options.scenario ?? 'healthy')
  const billingRequests: string[] = []
  worker.use(
    http.all(`${BASE}/billing/*`, ({ request }) => {
      billingRequests.push(`${request.method} ${new URL(request.url).pathname}`)
      return HttpResponse.json({ error: 'Not found', code: 'not-found' }, { status: 404 })
    }),
  )
  const screen = await render(
    <PaygProvider
      client={createPaygClient({ retry: false })}
      queryClient={new QueryClient({ defaultOptions: { queries: { retry: false } } })}
      locale="en-US"
      billing={options.billing}
      apiAccessUrl={options.apiAccessUrl}
    >
      {ui}
    </PaygProvider>,
  )
  return { screen, billingRequests }
}

const BillingWidgets = () => (
  <>
    <TopUpForm />
    <AutoTopUpSettings />
    <TransactionHistory />
    <SpendChart days={7} />
    <MigrationPanel />
  </>
)

const notices = () => Array.from(document.querySelectorAll('.payg-billing-notice'))

/** A dollar balance as the badge shows it: whole cents, rounded down. */
const wholeCents = (dollars: string) =>
  formatMoney(divide(usd(dollars), 1, 2, 'floor'), { locale: 'en-US' })

describe('without the billing extension (Leonardo only)', () => {
  it('each billing widget says where billing is managed, with a link, after one probe', async () => {
    const { screen, billingRequests } = await renderLeonardoOnly(
      <>
        <BalanceBadge />
        <BillingWidgets />
        <CostCalculator />
      </>,
    )
    for (const title of [
      'Top-ups are managed in Leonardo',
      'Auto top-up is managed in Leonardo',
      'Transactions are listed in Leonardo',
      'Spend over time is shown in Leonardo',
      'Plan changes are made in Leonardo',
    ]) {
      await expect.element(screen.getByRole('heading', { name: title })).toBeVisible()
    }
    expect(notices()).toHaveLength(5)
    expect(
      screen.getByText('managed in the API Access tab', { exact: false }).elements(),
    ).toHaveLength(5)
    const links = screen.getByRole('link', { name: 'Open API Access' }).elements()
    expect(links).toHaveLength(5)
    for (const link of links) {
      expect(link.getAttribute('href')).toBe('https://app.leonardo.ai/api-access')
    }
    // The balance comes from /me, the estimate from the calculator: both in dollars.
    await expect
      .element(screen.getByText(wholeCents(mock.state.balance()), { exact: true }))
      .toBeVisible()
    await expect.element(screen.getByText('$0.048', { exact: true })).toBeVisible()
    expect(billingRequests).toEqual(['GET /api/rest/v1/billing/balance'])
    await expectNoA11yViolations()
  })

  it('shows a legacy plan in credits, never with a dollar sign', async () => {
    const { screen } = await renderLeonardoOnly(
      <>
        <BalanceBadge />
        <CostCalculator />
      </>,
      { scenario: 'legacySubscription' },
    )
    await expect.element(screen.getByText('24,000 credits', { exact: true }).first()).toBeVisible()
    await expect.element(screen.getByText('Plan credits')).toBeVisible()
    await expect.element(screen.getByText('40 credits', { exact: true })).toBeVisible()
    const badge = document.querySelector('.payg-balance-badge') as HTMLElement
    expect(badge.textContent).not.toContain('$')
  })

  it("with billing: 'none' asks nothing of /billing, and links where apiAccessUrl says", async () => {
    const { screen, billingRequests } = await renderLeonardoOnly(
      <>
        <BalanceBadge />
        <TopUpForm />
      </>,
      { billing: 'none', apiAccessUrl: 'https://example.test/billing' },
    )
    const link = screen.getByRole('link', { name: 'Open API Access' })
    await expect.element(link).toHaveAttribute('href', 'https://example.test/billing')
    await expect
      .element(screen.getByText(wholeCents(mock.state.balance()), { exact: true }))
      .toBeVisible()
    expect(billingRequests).toEqual([])
  })
})

describe('with the billing extension', () => {
  it('renders the widgets themselves', async () => {
    started ??= worker.start({ quiet: true, onUnhandledRequest: 'error' })
    await started
    worker.resetHandlers()
    mock.reset('healthy')
    const screen = await render(
      <PaygProvider client={createPaygClient({ retry: false })} queryClient={new QueryClient()}>
        <BillingWidgets />
      </PaygProvider>,
    )
    await expect.element(screen.getByRole('radio', { name: '$25' })).toBeVisible()
    expect(notices()).toHaveLength(0)
  })

  it('shows the widget itself when the probe fails for another reason than 404', async () => {
    started ??= worker.start({ quiet: true, onUnhandledRequest: 'error' })
    await started
    worker.resetHandlers()
    mock.reset('healthy')
    mock.failNext('getBalance', { status: 500 })
    const screen = await render(
      <PaygProvider
        client={createPaygClient({ retry: false })}
        queryClient={new QueryClient({ defaultOptions: { queries: { retry: false } } })}
      >
        <SpendChart days={7} />
      </PaygProvider>,
    )
    await expect.element(screen.getByRole('heading', { name: 'Spend by service' })).toBeVisible()
    expect(notices()).toHaveLength(0)
  })
})
