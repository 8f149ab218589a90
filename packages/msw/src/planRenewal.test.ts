// A legacy plan's monthly renewal on the mock: every answer and `state` read after the clock
// passes the renewal date sees a full month of credits and the next date, by core's
// `planRenewal`; the synthetic history counts its past renewals by the same month arithmetic.
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createPaygMock } from './createPaygMock'
import type { Scenario } from './scenarios'
import { lightning4 } from './test/generations'
import type { Schemas } from './types'

const BASE = 'https://cloud.leonardo.ai/api/rest/v1'
const server = setupServer()

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

async function get<T>(path: string): Promise<T> {
  return (await (await fetch(`${BASE}${path}`)).json()) as T
}

/** An account on a plan of 25,000 credits a month, renewing in `renewsInDays` days. */
function onPlan(renewsInDays: number, usageDays = 0): Scenario {
  return {
    description: 'A legacy plan that renews.',
    account: {
      billingModel: 'SUBSCRIPTION',
      freeCredit: 0,
      usageDays,
      plan: {
        name: 'API Standard',
        monthlyPrice: '49',
        creditsPerMonth: 25_000,
        creditsRemaining: 10_000,
        renewsInDays,
      },
    },
  }
}

describe('a legacy plan renews as the clock passes its renewal date', () => {
  it('keeps its credits until the date, then every answer reads a full month and the next date', async () => {
    // Renews on January 31 at noon (UTC).
    const mock = createPaygMock({ scenario: onPlan(11), now: '2027-01-20T12:00:00Z' })
    server.use(...mock.handlers)
    const generate = () =>
      fetch(`${BASE}/generations`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(lightning4),
      })
    expect((await generate()).status).toBe(200)
    expect(mock.state.credits()).toBe(9_960)

    mock.clock.set('2027-01-31T11:59:59.999Z')
    const before = await get<Schemas['Subscription']>('/billing/subscription')
    expect(before.plan).toMatchObject({
      creditsRemaining: 9_960,
      renewalDate: '2027-01-31T12:00:00.000Z',
    })

    // At the date: the 9,960 left do not roll over, and February has no 31st.
    mock.clock.set('2027-01-31T12:00:00Z')
    expect(mock.state.credits()).toBe(25_000)
    expect((await get<Schemas['Subscription']>('/billing/subscription')).plan).toEqual({
      name: 'API Standard',
      monthlyPrice: '49',
      creditsPerMonth: 25_000,
      creditsRemaining: 25_000,
      renewalDate: '2027-02-28T12:00:00.000Z',
    })
    expect(await get<Schemas['Balance']>('/billing/balance')).toMatchObject({
      billingModel: 'SUBSCRIPTION',
      credits: 25_000,
      state: 'OK',
    })
    const me = await get<Schemas['GetUserSelfResponse']>('/me')
    expect(me.user_details[0]).toMatchObject({
      apiSubscriptionTokens: 25_000,
      apiPlanTokenRenewalDate: '2027-02-28T12:00:00.000Z',
    })
    // No entry records a renewal: the one charge is the plan's only transaction.
    expect(mock.state.transactions()).toHaveLength(1)

    // A charge after the renewal is taken from the new month's credits.
    expect((await generate()).status).toBe(200)
    expect(mock.state.transactions()[0]).toMatchObject({ amount: '-40', balanceAfter: '24960' })

    // Back on the 31st in March, then several months in one move: the first date after now.
    mock.clock.set('2027-02-28T12:00:00Z')
    expect(mock.ledger.plan?.renewalDate.toISOString()).toBe('2027-03-31T12:00:00.000Z')
    expect(mock.state.credits()).toBe(25_000)
    mock.state.setCredits(7)
    mock.clock.advance({ days: 100 }) // June 8
    const later = await get<Schemas['Subscription']>('/billing/subscription')
    expect(later.plan).toMatchObject({
      creditsRemaining: 25_000,
      renewalDate: '2027-06-30T12:00:00.000Z',
    })
    // The migration preview converts the renewed credits.
    expect(
      await get<Schemas['MigrationPreview']>('/billing/subscription/migration-preview'),
    ).toMatchObject({ creditsRemaining: 25_000, convertedAmount: '30' })
  })

  it('renews a clock that follows a function on the next request, as it notices a new month', async () => {
    let wall = Date.parse('2026-04-01T00:00:00Z')
    const mock = createPaygMock({ scenario: onPlan(3), now: () => new Date(wall) })
    server.use(...mock.handlers)
    mock.state.setCredits(12)
    wall = Date.parse('2026-04-04T00:00:00Z')
    expect((await get<Schemas['Balance']>('/billing/balance')).credits).toBe(25_000)
    expect(mock.ledger.plan?.renewalDate.toISOString()).toBe('2026-05-04T00:00:00.000Z')
    // Renewed once: a second read at the same time changes nothing.
    mock.state.setCredits(12)
    expect(mock.state.credits()).toBe(12)
  })

  it("counts the history's past renewals by the same months: the 31st, then February's 28th", () => {
    // Renews on March 31 at noon; 75 days of history go back to January 4.
    const mock = createPaygMock({ scenario: onPlan(11, 75), now: '2027-03-20T12:00:00Z' })
    const renewals = ['2027-01-31T12:00:00.000Z', '2027-02-28T12:00:00.000Z'].map(Date.parse)
    const entries = mock.ledger.creditEntries
    expect(entries.length).toBeGreaterThan(100)
    expect(entries.at(-1)?.balanceAfter).toBe(10_000n)
    let restarts = 0
    for (let i = 1; i < entries.length; i++) {
      const previous = entries[i - 1]
      const entry = entries[i]
      if (!previous || !entry) continue
      const renewed = renewals.find(
        (time) => previous.createdAt.getTime() < time && time <= entry.createdAt.getTime(),
      )
      if (renewed === undefined) {
        // Within a period, each charge takes its credits from what the last one left.
        expect(entry.balanceAfter).toBe(previous.balanceAfter + entry.amount)
      } else if (renewed === renewals[0]) {
        // A past period starts from a full month of credits.
        expect(entry.balanceAfter).toBe(25_000n + entry.amount)
        restarts++
      } else restarts++
    }
    expect(restarts).toBe(2)
  })
})
