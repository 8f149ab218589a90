import { OPERATIONS } from '@payg-kit/msw'
import { describe, expect, it } from 'vitest'
import { illustrativePricing } from './illustrativePricing'
import { createFakePayments, TEST_CARDS } from './payments'
import { accountId, databases, migratedDatabase } from './test/databases'
import { closeBillingServers, serveBilling } from './test/http'

const NOW = new Date('2026-03-01T12:00:00.000Z')
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'] as const

// The spec's /billing operations, with their paths as the server routes them.
const SPEC = OPERATIONS.filter((op) => op.path.startsWith('/billing')).map((op) => ({
  method: op.method.toUpperCase(),
  path: op.path.replace(/:(\w+)/g, 'sample-$1'),
}))

describe.each(databases)('what the billing server answers over HTTP on $name', ({ open }) => {
  const db = migratedDatabase(open, closeBillingServers)

  async function serve() {
    return serveBilling(
      { ta: accountId() },
      {
        database: db(),
        now: () => NOW,
        payments: createFakePayments(),
        pricing: illustrativePricing(),
      },
    )
  }

  it('serves every /billing operation of the spec, and with other methods only 405', async () => {
    const { call } = await serve()
    expect(SPEC.length).toBeGreaterThanOrEqual(15)
    for (const path of new Set(SPEC.map((op) => op.path))) {
      for (const method of METHODS) {
        const inSpec = SPEC.some((op) => op.path === path && op.method === method)
        const answer = await call(path, 'ta', {
          method,
          headers: { 'content-type': 'application/json', 'idempotency-key': `k-${method}` },
          ...(method === 'GET' || method === 'DELETE' ? {} : { body: '{}' }),
        })
        // The router's own 404 (no such operation), not an operation's 404 (no such top-up).
        const unrouted =
          answer.status === 404 && answer.body.message === 'No such billing operation.'
        if (inSpec) {
          expect(unrouted, `${method} ${path}`).toBe(false)
          expect(answer.status, `${method} ${path}`).not.toBe(405)
        } else expect(answer.status, `${method} ${path}`).toBe(405)
      }
    }
  })

  it('has no HTTP route for what only a platform may do: charge, grant, adjust, refund', async () => {
    const { call } = await serve()
    for (const path of [
      '/billing/charges',
      '/billing/charge',
      '/billing/grants',
      '/billing/adjustments',
      '/billing/refunds',
      '/billing/ledger',
      '/billing/accounts/acct_other/balance',
      '/billing/balance/../charges',
    ]) {
      for (const method of ['GET', 'POST'] as const) {
        const answer = await call(path, 'ta', {
          method,
          headers: { 'content-type': 'application/json', 'idempotency-key': 'k-1' },
          ...(method === 'POST' ? { body: JSON.stringify({ amount: '-5' }) } : {}),
        })
        expect(answer.status, `${method} ${path}`).toBe(404)
        expect(answer.body).toEqual({ code: 'NOT_FOUND', message: 'No such billing operation.' })
      }
    }
  })

  it("keeps a client's Idempotency-Keys apart from the platform's: a user cannot block a charge", async () => {
    const a = accountId()
    const payments = createFakePayments()
    payments.setCard(a, TEST_CARDS.visa)
    const { billing, call } = await serveBilling(
      { ta: a },
      { database: db(), now: () => NOW, payments, newAccountCredit: '20' },
    )
    // The user guesses the ids of the platform's next jobs and spends them as their own keys.
    const headers = (key: string) => ({
      'content-type': 'application/json',
      'idempotency-key': key,
    })
    expect(
      (await call('/billing/auto-top-up', 'ta', { method: 'DELETE', headers: headers('job-1') }))
        .status,
    ).toBe(200)
    const topUp = await call('/billing/top-ups', 'ta', {
      method: 'POST',
      headers: headers('job-2'),
      body: JSON.stringify({ amount: 5 }),
    })
    expect(topUp.status).toBe(201)
    // The platform's charges under those ids are charged, once each, not refused as conflicts.
    const first = await billing.ledger.charge(a, '1', 'job-1')
    const second = await billing.ledger.charge(a, '2', 'job-2')
    expect([first.replayed, second.replayed]).toEqual([false, false])
    expect((await billing.ledger.balance(a)).amount).toBe('22')
    // A key of the client namespace is not a platform key.
    await expect(billing.ledger.charge(a, '1', 'client:job-3')).rejects.toMatchObject({
      status: 400,
    })
  })
})
