import { describe, expect, it } from 'vitest'
import { createFakePayments, type FakePayments, TEST_CARDS } from './payments'
import { accountId, databases, migratedDatabase } from './test/databases'
import { closeBillingServers, serveBilling } from './test/http'

const NOW = new Date('2026-03-01T12:00:00.000Z')

describe.each(databases)('POST /billing/top-ups on $name', ({ open }) => {
  // One migrated database per suite; after every test each balance equals the sum of its entries.
  const db = migratedDatabase(open, closeBillingServers)

  async function setup(card: string | null = TEST_CARDS.visa) {
    const a = accountId()
    const b = accountId()
    const payments = createFakePayments()
    payments.setCard(a, card)
    const clock = { now: NOW }
    const served = await serveBilling(
      { ta: a, tb: b },
      {
        database: db(),
        payments,
        now: () => clock.now,
        newAccountCredit: '1',
        lowBalanceThreshold: 10,
      },
    )
    const topUp = (body: unknown, key: string | null = 'intent-1', token = 'ta') =>
      served.call('/billing/top-ups', token, {
        method: 'POST',
        body: typeof body === 'string' ? body : JSON.stringify(body),
        headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
      })
    return { ...served, a, b, clock, payments, topUp }
  }

  function succeeded(payments: FakePayments) {
    return payments.payments.filter((p) => p.outcome.status === 'SUCCEEDED')
  }

  it('takes the payment and credits the balance at once, in the spec shape', async () => {
    const { a, billing, payments, topUp, call } = await setup()
    const answer = await topUp({ amount: 50 })
    expect(answer.status).toBe(201)
    expect(answer.headers.get('idempotent-replayed')).toBeNull()
    expect(answer.body).toEqual({
      topUp: {
        id: expect.stringMatching(/^tu_/),
        amount: '50',
        kind: 'MANUAL',
        status: 'SUCCEEDED',
        paymentMethodId: 'pm_card_4242',
        createdAt: NOW.toISOString(),
      },
      balance: {
        balance: '51',
        currency: 'USD',
        billingModel: 'PAYG',
        credits: null,
        state: 'OK',
        lowBalanceThreshold: 10,
        autoTopUpEnabled: false,
        updatedAt: NOW.toISOString(),
      },
    })
    expect(payments.payments).toMatchObject([{ accountId: a, amount: '50' }])
    const [entry] = (await billing.ledger.transactions(a, { type: 'TOP_UP' })).data
    expect(entry).toMatchObject({
      type: 'TOP_UP',
      amount: '50',
      balanceAfter: '51',
      topUpId: answer.body.topUp.id,
    })
    expect((await call('/billing/balance', 'ta')).body.balance).toBe('51')
  })

  it('replays a resubmitted top-up without paying again, and refuses another body with 409', async () => {
    const { a, billing, payments, topUp } = await setup()
    const first = await topUp({ amount: 25 })
    const again = await topUp({ amount: 25 })
    expect(again.status).toBe(201)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(again.body).toEqual(first.body)
    const other = await topUp({ amount: 30 })
    expect(other).toMatchObject({ status: 409, body: { code: 'IDEMPOTENCY_CONFLICT' } })
    expect(payments.payments).toHaveLength(1)
    expect((await billing.ledger.balance(a)).amount).toBe('26')
  })

  it('never credits one payment twice, even after the key is forgotten', async () => {
    const { a, billing, clock, payments, topUp } = await setup()
    expect((await topUp({ amount: 40 }, 'old-key')).status).toBe(201)
    clock.now = new Date(NOW.getTime() + 25 * 60 * 60 * 1000)
    // The ledger forgot the key; the provider answers the first payment again.
    const late = await topUp({ amount: 40 }, 'old-key')
    expect(late).toMatchObject({ status: 409, body: { code: 'IDEMPOTENCY_CONFLICT' } })
    expect(payments.payments).toHaveLength(1)
    expect((await billing.ledger.balance(a)).amount).toBe('41')
  })

  it('pays and credits once when the same top-up arrives many times at once', async () => {
    const { a, billing, payments, topUp } = await setup()
    const answers = await Promise.all(Array.from({ length: 10 }, () => topUp({ amount: 100 })))
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(201))
    expect(new Set(answers.map((r) => r.body.topUp.id)).size).toBe(1)
    expect(succeeded(payments)).toHaveLength(1)
    expect((await billing.ledger.transactions(a, { type: 'TOP_UP' })).data).toHaveLength(1)
    expect((await billing.ledger.balance(a)).amount).toBe('101')
  })

  it('answers a declined card and a missing card with 402, the balance unchanged', async () => {
    for (const [card, code, declineCode] of [
      [TEST_CARDS.declined, 'PAYMENT_DECLINED', 'generic_decline'],
      [TEST_CARDS.insufficientFunds, 'PAYMENT_DECLINED', 'insufficient_funds'],
      [null, 'NO_PAYMENT_METHOD', undefined],
    ] as const) {
      const { a, billing, topUp } = await setup(card)
      const answer = await topUp({ amount: 20 })
      expect(answer.status).toBe(402)
      expect(answer.body).toEqual({
        code,
        message: expect.any(String),
        ...(declineCode ? { details: { declineCode } } : {}),
      })
      expect((await billing.ledger.balance(a)).amount).toBe('1')
      expect((await billing.ledger.transactions(a, { type: 'TOP_UP' })).data).toEqual([])
    }
  })

  it('refuses malformed top-ups before any payment', async () => {
    const { payments, topUp } = await setup()
    expect(await topUp({ amount: 50 }, null)).toMatchObject({
      status: 400,
      body: { code: 'BAD_REQUEST' },
    })
    expect(await topUp({ amount: 50 }, '.dot')).toMatchObject({ status: 400 })
    expect(await topUp('{"amount": ', 'k1')).toMatchObject({ status: 400 })
    for (const [body, code] of [
      [{ amount: 4 }, 'TOO_SMALL'],
      [{ amount: 10_001 }, 'TOO_LARGE'],
      [{ amount: 5.5 }, 'INVALID_TYPE'],
      [{ amount: '50' }, 'INVALID_TYPE'],
      [{}, 'REQUIRED'],
      [[50], 'REQUIRED'],
    ] as const) {
      const answer = await topUp(body, 'k2')
      expect(answer).toMatchObject({
        status: 422,
        body: { code: 'VALIDATION_FAILED', fieldErrors: [{ field: 'amount', code }] },
      })
    }
    expect(payments.payments).toEqual([])
  })

  it('tops up only the caller’s account, whatever the body names', async () => {
    const { a, b, billing, payments, topUp, call } = await setup()
    await call('/billing/balance', 'tb')
    const named = await topUp({ amount: 50, accountId: b }, 'k-named')
    expect(named).toMatchObject({ status: 422, body: { fieldErrors: [{ field: 'accountId' }] } })
    // B has no card: B's top-up with A's key is B's own intent, and declines, charging nobody.
    await topUp({ amount: 50 }, 'same-key')
    expect(await topUp({ amount: 50 }, 'same-key', 'tb')).toMatchObject({
      status: 402,
      body: { code: 'NO_PAYMENT_METHOD' },
    })
    expect((await billing.ledger.balance(a)).amount).toBe('51')
    expect((await billing.ledger.balance(b)).amount).toBe('1')
    expect(succeeded(payments).map((p) => p.accountId)).toEqual([a])
  })

  it('is not served without a payment provider', async () => {
    const { call } = await serveBilling({ ta: accountId() }, { database: db() })
    const answer = await call('/billing/top-ups', 'ta', {
      method: 'POST',
      body: '{"amount":50}',
      headers: { 'idempotency-key': 'k' },
    })
    expect(answer).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } })
  })
})
