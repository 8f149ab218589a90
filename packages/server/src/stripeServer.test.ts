import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createStripePayments } from './stripe'
import { accountId, databases, migratedDatabase } from './test/databases'
import { type FakeStripe, STRIPE_TEST_CARDS, startFakeStripe } from './test/fakeStripe'
import { closeBillingServers, serveBilling } from './test/http'

const NOW = new Date('2026-03-01T12:00:00.000Z')

describe.each(databases)('top-ups paid through Stripe, over HTTP, on $name', ({ open }) => {
  const db = migratedDatabase(open, closeBillingServers)
  let fake: FakeStripe
  beforeAll(async () => {
    fake = await startFakeStripe({ now: () => NOW })
  })
  afterAll(async () => {
    await fake.close()
  })

  async function setup(card: string) {
    const a = accountId()
    const payments = createStripePayments({
      stripe: fake.client({ maxNetworkRetries: 0 }),
      database: db(),
      now: () => NOW,
    })
    const { setupIntentId } = await payments.setupCard(a)
    fake.confirmSetup(setupIntentId, card)
    await payments.completeSetup(a, setupIntentId)
    const served = await serveBilling(
      { ta: a },
      { database: db(), payments, now: () => NOW, newAccountCredit: '1' },
    )
    const topUp = (amount: number, key: string) =>
      served.call('/billing/top-ups', 'ta', {
        method: 'POST',
        body: JSON.stringify({ amount }),
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
      })
    const intents = () =>
      fake
        .paymentIntents()
        .filter((pi) => (pi.metadata as Record<string, string>).payg_account_id === a)
    return { ...served, a, topUp, intents }
  }

  it('tops up once, however the request is retried', async () => {
    const { a, billing, topUp, intents } = await setup(STRIPE_TEST_CARDS.visa)
    const first = await topUp(50, 'tu-1')
    expect(first.status).toBe(201)
    expect(first.body.topUp).toMatchObject({ amount: '50', status: 'SUCCEEDED' })
    const again = await topUp(50, 'tu-1')
    expect(again.status).toBe(201)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(again.body).toEqual(first.body)
    const racing = await Promise.all(Array.from({ length: 5 }, () => topUp(20, 'tu-2')))
    expect(racing.map((r) => r.status)).toEqual(Array(5).fill(201))
    expect(intents().map((pi) => [pi.amount, pi.status])).toEqual([
      [5000, 'succeeded'],
      [2000, 'succeeded'],
    ])
    expect((await billing.ledger.balance(a)).amount).toBe('71')
  })

  it('credits a payment whose answer was lost once, when the top-up is sent again', async () => {
    const { a, billing, topUp, intents } = await setup(STRIPE_TEST_CARDS.visa)
    fake.dropResponses(2)
    const lost = await topUp(40, 'tu-lost')
    expect(lost).toMatchObject({ status: 503, body: { code: 'SERVICE_UNAVAILABLE' } })
    expect((await billing.ledger.balance(a)).amount).toBe('1')
    const retried = await topUp(40, 'tu-lost')
    expect(retried.status).toBe(201)
    expect(intents()).toHaveLength(1)
    expect((await billing.ledger.balance(a)).amount).toBe('41')
  })

  it('answers a declined card with the spec’s 402, the balance unchanged', async () => {
    const { a, billing, topUp } = await setup(STRIPE_TEST_CARDS.insufficientFunds)
    const answer = await topUp(20, 'tu-declined')
    expect(answer.status).toBe(402)
    expect(answer.body).toEqual({
      code: 'PAYMENT_DECLINED',
      message: expect.any(String),
      details: { declineCode: 'insufficient_funds' },
    })
    expect((await billing.ledger.balance(a)).amount).toBe('1')
    expect((await billing.ledger.transactions(a, { type: 'TOP_UP' })).data).toEqual([])
  })

  it('answers a card that asks for 3-D Secure with 402, and credits once the cardholder authenticates', async () => {
    const { a, billing, topUp, intents } = await setup(STRIPE_TEST_CARDS.authenticateAlways)
    const asked = await topUp(30, 'tu-3ds')
    expect(asked.status).toBe(402)
    expect(asked.body).toEqual({
      code: 'PAYMENT_DECLINED',
      message: expect.any(String),
      details: {
        declineCode: 'authentication_required',
        clientSecret: expect.stringMatching(/_secret_/),
      },
    })
    expect((await billing.ledger.balance(a)).amount).toBe('1')
    const [intent] = intents()
    fake.authenticate(intent?.id as string, 'succeed')
    const paid = await topUp(30, 'tu-3ds')
    expect(paid.status).toBe(201)
    expect((await billing.ledger.balance(a)).amount).toBe('31')
    expect(intents()).toHaveLength(1)
  })
})
