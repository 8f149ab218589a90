import { describe, expect, it } from 'vitest'
import type { BillingServerOptions } from './createBillingServer'
import { accountId, databases, migratedDatabase } from './test/databases'
import { closeBillingServers, serveBilling } from './test/http'

const NOW = new Date('2026-03-01T12:00:00.000Z')

describe.each(databases)('billing over HTTP on $name', ({ open }) => {
  // One migrated database per suite; after every test each balance equals the sum of its entries.
  const db = migratedDatabase(open, closeBillingServers)

  function serve(tokens: Record<string, string>, options: Partial<BillingServerOptions> = {}) {
    return serveBilling(tokens, { database: db(), now: () => NOW, ...options })
  }

  it('answers 401 without an account, and a 500 that reveals nothing when auth fails', async () => {
    const { call } = await serve({ good: accountId() })
    for (const token of [undefined, 'wrong']) {
      expect(await call('/billing/balance', token)).toMatchObject({
        status: 401,
        body: { code: 'UNAUTHORIZED', message: expect.any(String) },
      })
    }
    const broken = await serve(
      {},
      {
        authenticate: () => {
          throw new Error('connection to session store failed: password=hunter2')
        },
      },
    )
    const failed = await broken.call('/billing/balance', 'any')
    expect(failed).toEqual({
      status: 500,
      headers: expect.anything(),
      body: { code: 'INTERNAL_ERROR', message: expect.any(String) },
    })
    expect(JSON.stringify(failed.body)).not.toContain('hunter2')
  })

  it('serves the balance in the spec shape, LOW below the threshold, PAUSED at zero', async () => {
    const a = accountId()
    const { billing, call } = await serve(
      { ta: a },
      { newAccountCredit: '5', lowBalanceThreshold: 10 },
    )
    const first = await call('/billing/balance', 'ta')
    expect(first.status).toBe(200)
    expect(first.headers.get('content-type')).toBe('application/json')
    expect(first.body).toEqual({
      balance: '5',
      currency: 'USD',
      billingModel: 'PAYG',
      credits: null,
      state: 'LOW',
      lowBalanceThreshold: 10,
      autoTopUpEnabled: false,
      updatedAt: NOW.toISOString(),
    })
    // Seen again, the account is not opened twice.
    await call('/billing/balance', 'ta')
    await billing.ledger.grant(a, '20.0125', 'promo')
    expect((await call('/billing/balance', 'ta')).body).toMatchObject({
      balance: '25.0125',
      state: 'OK',
    })
    await billing.ledger.charge(a, '25.0125', 'job')
    expect((await call('/billing/balance', 'ta')).body).toMatchObject({
      balance: '0',
      state: 'PAUSED',
    })
  })

  it('pages the ledger through cursors and filters it by type', async () => {
    const a = accountId()
    const { billing, call } = await serve({ ta: a }, { newAccountCredit: '1' })
    await call('/billing/balance', 'ta')
    for (let i = 1; i <= 4; i++) await billing.ledger.charge(a, '0.1', `job-${i}`)
    const pages = []
    let next: string | null = '/billing/transactions?limit=2'
    while (next) {
      const page = await call(next, 'ta')
      expect(page.status).toBe(200)
      pages.push(page.body.data.map((t: { balanceAfter: string }) => t.balanceAfter))
      next = page.body.nextCursor
        ? `/billing/transactions?limit=2&cursor=${encodeURIComponent(page.body.nextCursor)}`
        : null
    }
    expect(pages).toEqual([['0.6', '0.7'], ['0.8', '0.9'], ['1']])
    const usage = await call('/billing/transactions?type=USAGE&limit=100', 'ta')
    expect(usage.body.data).toHaveLength(4)
    expect(usage.body.data[0]).toEqual({
      id: expect.stringMatching(/^txn_/),
      type: 'USAGE',
      amount: '-0.1',
      balanceAfter: '0.6',
      description: 'Usage',
      service: null,
      generationId: null,
      topUpId: null,
      createdAt: NOW.toISOString(),
    })
    expect(usage.body.nextCursor).toBeNull()
    expect((await call('/billing/transactions', 'ta')).body.data).toHaveLength(5)
  })

  it('answers bad paging parameters in the spec error shape', async () => {
    const { call } = await serve({ ta: accountId() })
    expect(await call('/billing/transactions?cursor=%25%25', 'ta')).toMatchObject({
      status: 400,
      body: { code: 'BAD_REQUEST', message: expect.any(String) },
    })
    expect(await call('/billing/transactions?cursor=', 'ta')).toMatchObject({ status: 400 })
    for (const limit of ['0', '101', '2.5', 'ten']) {
      expect(await call(`/billing/transactions?limit=${limit}`, 'ta')).toMatchObject({
        status: 422,
        body: {
          code: 'VALIDATION_FAILED',
          fieldErrors: [{ field: 'limit', code: 'OUT_OF_RANGE' }],
        },
      })
    }
    expect(await call('/billing/transactions?type=BOGUS', 'ta')).toMatchObject({
      status: 422,
      body: { fieldErrors: [{ field: 'type' }] },
    })
  })

  it('scopes every read to the authenticated account, whatever ids a request sends', async () => {
    const a = accountId()
    const b = accountId()
    const { billing, call } = await serve({ ta: a, tb: b }, { newAccountCredit: '1' })
    await call('/billing/balance', 'ta')
    await call('/billing/balance', 'tb')
    const secret = await billing.ledger.charge(b, '0.75', 'b-job', { generationId: 'b-secret' })
    // The balance takes no query and reads none; a list refuses a parameter it does not take.
    const tries = [
      [`/billing/balance?accountId=${b}`, 200],
      [`/billing/balance?account=${b}&account_id=${b}`, 200],
      [`/billing/transactions?limit=100`, 200],
      [`/billing/transactions?accountId=${b}&limit=100`, 422],
    ] as const
    for (const [path, status] of tries) {
      const seen = await call(path, 'ta', { headers: { 'x-account-id': b } })
      expect(seen.status).toBe(status)
      expect(JSON.stringify(seen.body)).not.toContain('b-secret')
      expect(JSON.stringify(seen.body)).not.toContain(secret.transaction.id)
      expect(JSON.stringify(seen.body)).not.toContain('0.25')
    }
    expect((await call(`/billing/balance/${b}`, 'ta')).status).toBe(404)
    // A cursor is no key to another account's entries either.
    const bPage = await call('/billing/transactions?limit=1', 'tb')
    const crossed = await call(
      `/billing/transactions?cursor=${encodeURIComponent(bPage.body.nextCursor)}`,
      'ta',
    )
    expect(JSON.stringify(crossed.body)).not.toContain(b)
    expect(crossed.body.data.every((t: { id: string }) => t.id !== secret.transaction.id)).toBe(
      true,
    )
  })

  it('offers no way to charge, grant or adjust over HTTP, so no account can move another’s money', async () => {
    const a = accountId()
    const b = accountId()
    const { billing, call } = await serve({ ta: a, tb: b }, { newAccountCredit: '1' })
    await call('/billing/balance', 'tb')
    const body = JSON.stringify({ accountId: b, amount: '1', cost: '1' })
    for (const path of [
      '/billing/charges',
      '/billing/charge',
      '/billing/grants',
      '/billing/adjustments',
      '/billing/refunds',
      `/billing/accounts/${b}/charges`,
    ]) {
      const answer = await call(path, 'ta', {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', 'idempotency-key': 'k' },
      })
      expect(answer).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } })
    }
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const answer = await call('/billing/balance', 'ta', { method, body })
      expect(answer.status).toBe(405)
      expect(answer.headers.get('allow')).toBe('GET')
    }
    expect((await billing.ledger.balance(b)).amount).toBe('1')
  })

  it('mounts under a base path', async () => {
    const { call } = await serve({ ta: accountId() }, { basePath: '/api' })
    expect((await call('/api/billing/balance', 'ta')).status).toBe(200)
    expect((await call('/billing/balance', 'ta')).status).toBe(404)
  })
})
