import { describe, expect, it } from 'vitest'
import { createFakePayments, TEST_CARDS } from './payments'
import { accountId, databases, migratedDatabase } from './test/databases'
import { closeBillingServers, serveBilling } from './test/http'

const NOW = new Date('2026-03-01T12:00:00.000Z')

describe.each(databases)('GET /billing/top-ups and the lookup by key on $name', ({ open }) => {
  const db = migratedDatabase(open, closeBillingServers)

  async function setup() {
    const a = accountId()
    const b = accountId()
    const payments = createFakePayments()
    payments.setCard(a, TEST_CARDS.visa)
    payments.setCard(b, TEST_CARDS.visa)
    const clock = { now: NOW }
    const served = await serveBilling(
      { ta: a, tb: b },
      { database: db(), payments, now: () => clock.now, newAccountCredit: '1' },
    )
    const topUp = (amount: number, key: string, token = 'ta') =>
      served.call('/billing/top-ups', token, {
        method: 'POST',
        body: JSON.stringify({ amount }),
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
      })
    const later = (minutes: number) => {
      clock.now = new Date(NOW.getTime() + minutes * 60_000)
    }
    return { ...served, a, b, clock, later, payments, topUp }
  }

  it('lists succeeded and declined top-ups newest first, a page at a time', async () => {
    const { a, call, later, payments, topUp } = await setup()
    const first = await topUp(10, 'k1')
    later(1)
    payments.setCard(a, TEST_CARDS.declined)
    expect((await topUp(20, 'k2')).status).toBe(402)
    later(2)
    payments.setCard(a, TEST_CARDS.visa)
    const third = await topUp(30, 'k3')
    const page1 = await call('/billing/top-ups?limit=2', 'ta')
    expect(page1.status).toBe(200)
    expect(page1.body.data).toEqual([
      third.body.topUp,
      {
        id: expect.stringMatching(/^tu_/),
        amount: '20',
        kind: 'MANUAL',
        status: 'DECLINED',
        paymentMethodId: 'pm_card_0002',
        createdAt: new Date(NOW.getTime() + 60_000).toISOString(),
      },
    ])
    expect(page1.body.nextCursor).toEqual(expect.any(String))
    const page2 = await call(`/billing/top-ups?limit=2&cursor=${page1.body.nextCursor}`, 'ta')
    expect(page2.body).toEqual({ data: [first.body.topUp], nextCursor: null })
  })

  it('refuses a bad limit with 422 and an unreadable cursor with 400', async () => {
    const { call } = await setup()
    for (const limit of ['0', '101', 'ten', '-1', '2.5']) {
      expect(await call(`/billing/top-ups?limit=${limit}`, 'ta')).toMatchObject({
        status: 422,
        body: { code: 'VALIDATION_FAILED', fieldErrors: [{ field: 'limit' }] },
      })
    }
    expect(await call('/billing/top-ups?cursor=nope', 'ta')).toMatchObject({
      status: 400,
      body: { code: 'BAD_REQUEST' },
    })
    expect(await call('/billing/top-ups', 'ta')).toMatchObject({
      status: 200,
      body: { data: [], nextCursor: null },
    })
  })

  it('finds a top-up by its key, with the balance as it is now', async () => {
    const { a, billing, call, later, payments, topUp } = await setup()
    const made = await topUp(50, 'lost-answer')
    later(5)
    await billing.ledger.charge(a, '0.5', 'job-1')
    const found = await call('/billing/top-ups/lost-answer', 'ta')
    expect(found.status).toBe(200)
    expect(found.body).toEqual({
      topUp: made.body.topUp,
      balance: {
        balance: '50.5',
        currency: 'USD',
        billingModel: 'PAYG',
        credits: null,
        state: 'OK',
        lowBalanceThreshold: null,
        autoTopUpEnabled: false,
        updatedAt: new Date(NOW.getTime() + 5 * 60_000).toISOString(),
      },
    })
    payments.setCard(a, TEST_CARDS.insufficientFunds)
    await topUp(25, 'declined-one')
    expect((await call('/billing/top-ups/declined-one', 'ta')).body.topUp).toMatchObject({
      amount: '25',
      status: 'DECLINED',
    })
    // No card: no payment was attempted, so no top-up is recorded (as the mock answers).
    payments.setCard(a, null)
    expect((await topUp(25, 'no-card')).body.code).toBe('NO_PAYMENT_METHOD')
    expect((await call('/billing/top-ups/no-card', 'ta')).status).toBe(404)
    expect((await call('/billing/top-ups', 'ta')).body.data).toHaveLength(2)
    payments.setCard(a, TEST_CARDS.visa)
    // A lookup that found a top-up changes nothing: the key still replays.
    expect((await topUp(50, 'lost-answer')).headers.get('idempotent-replayed')).toBe('true')
  })

  it('answers 404 for a key with no top-up and cancels it: a late original never charges', async () => {
    const { a, billing, call, payments, topUp } = await setup()
    const missing = await call('/billing/top-ups/never-arrived', 'ta')
    expect(missing).toMatchObject({
      status: 404,
      body: {
        code: 'NOT_FOUND',
        message: 'No top-up was made with this Idempotency-Key.',
        details: { idempotencyKey: 'never-arrived' },
      },
    })
    const late = await topUp(50, 'never-arrived')
    expect(late).toMatchObject({
      status: 409,
      body: {
        code: 'IDEMPOTENCY_CONFLICT',
        details: { idempotencyKey: 'never-arrived', reason: 'CANCELLED_BY_LOOKUP' },
      },
    })
    expect(payments.payments).toEqual([])
    expect((await billing.ledger.balance(a)).amount).toBe('1')
    // Still 404, and a new key works.
    expect((await call('/billing/top-ups/never-arrived', 'ta')).status).toBe(404)
    expect((await topUp(50, 'fresh-key')).status).toBe(201)
  })

  it("forgets a lookup's cancellation with the keys, once their retention has passed", async () => {
    const { a, billing, call, later, payments, topUp } = await setup()
    const cancelled = async () =>
      (
        await db().query<{ n: number }>(
          `SELECT count(*)::int AS n FROM payg_top_up_attempts
           WHERE account_id = $1 AND status = 'CANCELLED'`,
          [a],
        )
      )[0]?.n
    // Made-up keys, looked up one after another: one cancellation each.
    for (const key of ['made-up-1', 'made-up-2', 'made-up-3']) {
      expect((await call(`/billing/top-ups/${key}`, 'ta')).status).toBe(404)
    }
    expect(await cancelled()).toBe(3)
    // Within the retention (24 hours by default), nothing is forgotten and the key stays refused.
    later(24 * 60 - 1)
    await billing.ledger.purgeExpiredKeys()
    expect(await cancelled()).toBe(3)
    expect((await topUp(10, 'made-up-1')).status).toBe(409)
    // After it, the cancellations go as the keys do.
    later(24 * 60)
    expect(await billing.ledger.purgeExpiredKeys()).toBeGreaterThanOrEqual(3)
    expect(await cancelled()).toBe(0)
    expect(payments.payments).toEqual([])
    expect((await billing.ledger.balance(a)).amount).toBe('1')
  })

  it('answers 404 for a key no top-up can have, cancelling nothing', async () => {
    const { call } = await setup()
    for (const key of ['.hidden', 'a%20b', 'x'.repeat(256)]) {
      const answer = await call(`/billing/top-ups/${key}`, 'ta')
      expect(answer).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } })
      expect(answer.body.details.idempotencyKey).toBe(decodeURIComponent(key))
    }
  })

  it('answers 503 while the payment of the looked-up top-up is still being taken', async () => {
    const { a, billing, call, payments } = await setup()
    let release: () => void = () => {}
    const held = new Promise<void>((resolve) => {
      release = resolve
    })
    let reached: () => void = () => {}
    const atProvider = new Promise<void>((resolve) => {
      reached = resolve
    })
    const charge = payments.charge.bind(payments)
    payments.charge = async (payment) => {
      reached()
      await held
      return charge(payment)
    }
    const inFlight = call('/billing/top-ups', 'ta', {
      method: 'POST',
      body: '{"amount":40}',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'slow' },
    })
    await atProvider
    const pending = await call('/billing/top-ups/slow', 'ta')
    expect(pending).toMatchObject({ status: 503, body: { code: 'SERVICE_UNAVAILABLE' } })
    expect(pending.headers.get('retry-after')).toBe('1')
    release()
    expect((await inFlight).status).toBe(201)
    expect((await call('/billing/top-ups/slow', 'ta')).body.topUp.status).toBe('SUCCEEDED')
    expect((await billing.ledger.balance(a)).amount).toBe('41')
  })

  it("never shows another account's top-ups, whatever key or cursor it sends", async () => {
    const { a, b, billing, call, payments, topUp } = await setup()
    await topUp(50, 'a-key')
    const aPage = await call('/billing/top-ups', 'ta')
    expect(aPage.body.data).toHaveLength(1)
    // B sees none of A's top-ups, by list, by A's key or by a cursor made from A's page.
    expect((await call('/billing/top-ups', 'tb')).body).toEqual({ data: [], nextCursor: null })
    expect(await call('/billing/top-ups/a-key', 'tb')).toMatchObject({ status: 404 })
    const aCursor = btoa(JSON.stringify({ before: '999999999', list: 'top-ups' })).replace(
      /=+$/,
      '',
    )
    expect((await call(`/billing/top-ups?cursor=${aCursor}`, 'tb')).body.data).toEqual([])
    // An account named in the query is a parameter the list does not take: refused.
    expect(await call(`/billing/top-ups?accountId=${a}`, 'tb')).toMatchObject({
      status: 422,
      body: { fieldErrors: [{ field: 'accountId', code: 'UNKNOWN_FIELD' }] },
    })
    // B's lookup cancelled B's key only: A's top-up is untouched and A can still replay it.
    expect((await call('/billing/top-ups/a-key', 'ta')).status).toBe(200)
    expect((await topUp(50, 'a-key')).status).toBe(201)
    expect((await topUp(50, 'a-key', 'tb')).status).toBe(409)
    expect((await billing.ledger.balance(a)).amount).toBe('51')
    expect((await billing.ledger.balance(b)).amount).toBe('1')
    expect(payments.payments.map((p) => p.accountId)).toEqual([a])
  })
})
