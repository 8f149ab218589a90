import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { balanceFromAccount } from './accountBilling'
import { createPaygClient } from './createPaygClient'

const BASE = 'https://api.test/v1'
const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

/** `GET /me` answering one user with these plan fields (the SDK's `UserDetails`). */
function me(fields: Record<string, unknown>) {
  server.use(
    http.get(`${BASE}/me`, () =>
      HttpResponse.json({
        user_details: [
          {
            user: { id: 'u_1', username: 'studio' },
            apiConcurrencySlots: 10,
            apiSubscriptionTokens: 0,
            apiPaidTokens: 0,
            apiPlanTokenRenewalDate: null,
            ...fields,
          },
        ],
      }),
    ),
  )
  return createPaygClient({ baseUrl: BASE }).getAccount()
}

const AT = '2026-01-15T12:00:00.000Z'

describe('the unit of an account, read from GET /me', () => {
  it('reads a PAYG account (no plan) in dollars', async () => {
    const account = await me({ apiPaidTokens: 12.4567 })
    expect(account).toMatchObject({ billingModel: 'PAYG', unit: 'USD' })
    expect(account.paidBalance).toEqual({ amount: '12.4567', unit: 'USD' })
    expect(balanceFromAccount(account, AT)).toEqual({
      balance: { amount: '12.4567', unit: 'USD' },
      credits: null,
      billingModel: 'PAYG',
      state: 'OK',
      lowBalanceThreshold: null,
      autoTopUpEnabled: false,
      updatedAt: AT,
    })
  })

  it('reads a whole-dollar PAYG balance in dollars too', async () => {
    const account = await me({ apiPaidTokens: 63 })
    expect(account.paidBalance).toEqual({ amount: '63', unit: 'USD' })
  })

  it('reads a legacy plan (it renews) in credits: 63 paid tokens are 63 credits, not $63', async () => {
    const account = await me({
      apiPaidTokens: 63,
      apiSubscriptionTokens: 24000,
      apiPlanTokenRenewalDate: '2026-02-01T00:00:00Z',
    })
    expect(account).toMatchObject({ billingModel: 'SUBSCRIPTION', unit: 'CREDITS' })
    expect(account.paidBalance).toEqual({ amount: '63', unit: 'CREDITS' })
    const balance = balanceFromAccount(account, AT)
    expect(balance.credits).toEqual({ amount: '24063', unit: 'CREDITS' })
    expect(balance.balance).toEqual({ amount: '0', unit: 'USD' })
    expect(balance).toMatchObject({ billingModel: 'SUBSCRIPTION', state: 'OK' })
  })

  it('reads plan credits left without a renewal date as a legacy plan', async () => {
    const account = await me({ apiSubscriptionTokens: 500 })
    expect(account.unit).toBe('CREDITS')
  })

  it('reads a fractional apiPaidTokens as dollars even beside plan fields (credits are whole)', async () => {
    const account = await me({
      apiPaidTokens: 4.5,
      apiSubscriptionTokens: 0,
      apiPlanTokenRenewalDate: '2026-02-01T00:00:00Z',
    })
    expect(account.unit).toBe('USD')
  })

  it('reads an absent apiPaidTokens as zero in the account unit, and zero as paused', async () => {
    const account = await me({ apiPaidTokens: null })
    expect(account.paidBalance).toEqual({ amount: '0', unit: 'USD' })
    expect(balanceFromAccount(account, AT).state).toBe('PAUSED')
    const legacy = await me({
      apiPaidTokens: 0,
      apiSubscriptionTokens: 0,
      apiPlanTokenRenewalDate: '2026-02-01T00:00:00Z',
    })
    expect(balanceFromAccount(legacy, AT)).toMatchObject({
      billingModel: 'SUBSCRIPTION',
      credits: { amount: '0', unit: 'CREDITS' },
      state: 'PAUSED',
    })
  })
})
