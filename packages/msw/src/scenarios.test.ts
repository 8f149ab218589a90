import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { TEST_NOW as NOW } from '../../../test/clock'
import { createPaygMock } from './createPaygMock'
import { SCENARIO_NAMES, scenarios } from './scenarios'
import type { Schemas } from './types'

const BASE = 'https://cloud.leonardo.ai/api/rest/v1'
const mock = createPaygMock({ scenario: 'newAccount', now: () => NOW })
const server = setupServer(...mock.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  mock.reset('newAccount')
})
afterAll(() => server.close())

async function get<T>(path: string): Promise<T> {
  const response = await fetch(`${BASE}${path}`)
  expect(response.status).toBe(200)
  return (await response.json()) as T
}

describe('scenarios', () => {
  it('lists every scenario by name, each with a description', () => {
    expect(Object.keys(scenarios).sort()).toEqual([...SCENARIO_NAMES].sort())
    for (const name of SCENARIO_NAMES)
      expect(scenarios[name].description.length).toBeGreaterThan(20)
  })

  it('every scenario keeps the ledger consistent', () => {
    for (const name of SCENARIO_NAMES) {
      mock.reset(name)
      const entries = mock.ledger.entries
      let running = 0n
      for (const entry of entries) {
        running += entry.amount
        expect(entry.balanceAfter, name).toBe(running)
        expect(entry.balanceAfter >= 0n, name).toBe(true)
      }
      expect(running, name).toBe(mock.ledger.balance)
      const times = entries.map((entry) => entry.createdAt.getTime())
      expect(times, name).toEqual([...times].sort((a, b) => a - b))
    }
  })

  it('newAccount: $5 of free credit as one FREE_CREDIT entry, a saved card, state OK', async () => {
    mock.reset('newAccount')
    const balance = await get<Schemas['Balance']>('/billing/balance')
    expect(balance).toMatchObject({
      balance: '5',
      state: 'OK',
      billingModel: 'PAYG',
      credits: null,
    })
    const transactions = await get<Schemas['TransactionList']>('/billing/transactions')
    expect(transactions.data).toEqual([
      expect.objectContaining({ type: 'FREE_CREDIT', amount: '5', balanceAfter: '5' }),
    ])
    expect(
      (await get<Schemas['PaymentMethodResponse']>('/billing/payment-method')).paymentMethod?.last4,
    ).toBe('4242')
  })

  it('healthy: about $100 after a $100 top-up and a month of usage, state OK', async () => {
    mock.reset('healthy')
    const balance = await get<Schemas['Balance']>('/billing/balance')
    expect(balance.state).toBe('OK')
    expect(Number(balance.balance)).toBeGreaterThan(95)
    expect(Number(balance.balance)).toBeLessThan(105)
    expect(balance.lowBalanceThreshold).toBe(10)
    const usage = await get<Schemas['UsageReport']>('/billing/usage')
    expect(usage.buckets.filter((bucket) => bucket.requests > 0).length).toBeGreaterThan(20)
  })

  it('lowBalance: exactly $2.4567, below the $10 level: LOW', async () => {
    mock.reset('lowBalance')
    expect(await get<Schemas['Balance']>('/billing/balance')).toMatchObject({
      balance: '2.4567',
      state: 'LOW',
      lowBalanceThreshold: 10,
    })
  })

  it('zeroBalance: exactly $0, PAUSED, and a generation is refused with 402', async () => {
    mock.reset('zeroBalance')
    expect(await get<Schemas['Balance']>('/billing/balance')).toMatchObject({
      balance: '0',
      state: 'PAUSED',
    })
    const response = await fetch(`${BASE}/generations`, {
      method: 'POST',
      body: JSON.stringify({ prompt: 'x' }),
    })
    expect(response.status).toBe(402)
  })

  it('autoTopUpOn: on with threshold $10, amount $50 and a $500 cap; the history shows automatic top-ups', async () => {
    mock.reset('autoTopUpOn')
    const settings = await get<Schemas['AutoTopUp']>('/billing/auto-top-up')
    expect(settings).toMatchObject({
      enabled: true,
      threshold: 10,
      amount: 50,
      monthlyCap: 500,
      disabledReason: null,
    })
    expect(settings.lastAttempt?.status).toBe('SUCCEEDED')
    const balance = await get<Schemas['Balance']>('/billing/balance')
    expect(balance).toMatchObject({ autoTopUpEnabled: true, lowBalanceThreshold: 10 })
    expect(Number(balance.balance)).toBeGreaterThanOrEqual(10)
    const automatic = await get<Schemas['TransactionList']>(
      '/billing/transactions?type=AUTO_TOP_UP',
    )
    expect(automatic.data.length).toBeGreaterThan(0)
    expect(settings.spentThisMonth).toBe('50')
  })

  // The instants at which a calendar shows its seams, in UTC.
  const EDGES = [
    '2026-12-01T00:00:00.000Z', // the first minute of a month
    '2026-11-30T23:59:59.000Z', // the last second of a month
    '2028-02-29T12:00:00.000Z', // a leap day
    '2027-01-01T00:00:30.000Z', // the first minute of a year
    '2026-03-08T10:30:00.000Z', // the US DST change
    '2026-10-25T01:30:00.000Z', // the EU DST change
  ]

  it('every scenario reads the same whatever day the clock starts on', () => {
    const read = (name: (typeof SCENARIO_NAMES)[number], now: string) => {
      const at = createPaygMock({ scenario: name, now })
      const settings = at.state.autoTopUp()
      const info = at.state.balanceInfo()
      return {
        balance: at.state.balance(),
        credits: at.state.credits(),
        state: info.state,
        spentThisMonth: settings.spentThisMonth,
        lastAttempt: settings.lastAttempt?.status ?? null,
        consecutiveFailures: settings.consecutiveFailures,
        topUps: at.state.topUps().map((topUp) => `${topUp.kind} ${topUp.status} ${topUp.amount}`),
        // Where in the month an event falls moves with the clock; what happened does not.
        entryTypes: at.state
          .transactions()
          .map((entry) => entry.type)
          .sort(),
      }
    }
    for (const name of SCENARIO_NAMES) {
      const expected = read(name, NOW.toISOString())
      for (const now of EDGES) expect(read(name, now), `${name} at ${now}`).toEqual(expected)
    }
  })

  it('lays every date out relative to the clock, never in its future', () => {
    for (const name of SCENARIO_NAMES) {
      for (const now of EDGES) {
        const at = createPaygMock({ scenario: name, now })
        for (const entry of at.state.transactions()) {
          expect(Date.parse(entry.createdAt), `${name} at ${now}`).toBeLessThanOrEqual(
            Date.parse(now),
          )
        }
        const attempt = at.state.autoTopUp().lastAttempt
        if (attempt) expect(Date.parse(attempt.at)).toBeLessThanOrEqual(Date.parse(now))
      }
    }
  })

  it('paymentDeclined: the card declines, auto top-up is off after 3 declines, $4.20 is LOW', async () => {
    mock.reset('paymentDeclined')
    expect(await get<Schemas['AutoTopUp']>('/billing/auto-top-up')).toMatchObject({
      enabled: false,
      disabledReason: 'PAYMENT_DECLINED',
      consecutiveFailures: 3,
      lastAttempt: { status: 'DECLINED' },
    })
    expect(await get<Schemas['Balance']>('/billing/balance')).toMatchObject({
      balance: '4.2',
      state: 'LOW',
    })
    const topUps = await get<Schemas['TopUpList']>('/billing/top-ups')
    expect(topUps.data.slice(0, 3).map((topUp) => topUp.status)).toEqual([
      'DECLINED',
      'DECLINED',
      'DECLINED',
    ])
  })

  it('noPaymentMethod: $5 of free credit and no saved card', async () => {
    mock.reset('noPaymentMethod')
    expect(
      (await get<Schemas['PaymentMethodResponse']>('/billing/payment-method')).paymentMethod,
    ).toBeNull()
    expect((await get<Schemas['Balance']>('/billing/balance')).balance).toBe('5')
  })

  it('legacySubscription: a plan with 24,000 credits, no dollar balance, state OK', async () => {
    mock.reset('legacySubscription')
    expect(await get<Schemas['Balance']>('/billing/balance')).toMatchObject({
      balance: '0',
      billingModel: 'SUBSCRIPTION',
      credits: 24_000,
      state: 'OK',
    })
    const subscription = await get<Schemas['Subscription']>('/billing/subscription')
    expect(subscription.plan).toMatchObject({
      name: 'API Standard',
      monthlyPrice: '49',
      creditsPerMonth: 25_000,
    })
    expect(subscription.plan?.renewalDate).toBe(
      new Date(NOW.getTime() + 27 * 86_400_000).toISOString(),
    )
  })

  it('customDiscounts: custom pricing with PHOENIX 20% and FLUX_DEV 15%', async () => {
    mock.reset('customDiscounts')
    const pricing = await get<Schemas['Pricing']>('/billing/pricing')
    expect(pricing.customPricing).toBe(true)
    const discounts = Object.fromEntries(
      pricing.models.map((model) => [model.key, model.discountPercent]),
    )
    expect(discounts).toMatchObject({ PHOENIX: 20, FLUX_DEV: 15, SDXL: 0 })
    expect((await get<Schemas['Subscription']>('/billing/subscription')).customPricing).toBe(true)
  })

  it('rateLimited and flaky: the healthy account behind a rate limit or a flaky network', () => {
    expect(scenarios.rateLimited.account).toBe(scenarios.healthy.account)
    expect(scenarios.rateLimited.transport?.rateLimit?.requests).toBe(3)
    expect(scenarios.flaky.account).toBe(scenarios.healthy.account)
    expect(scenarios.flaky.transport).toMatchObject({ errorRate: 0.25, latency: [50, 400] })
  })
})
