import { OPERATIONS } from '@payg-kit/msw'
import { describe, expect, it } from 'vitest'
import { illustrativePricing } from './illustrativePricing'
import { createFakePayments } from './payments'
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
})
