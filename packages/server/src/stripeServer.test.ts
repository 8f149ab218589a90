import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createStripePayments } from './stripe'
import { accountId, databases, migratedDatabase } from './test/databases'
import { type FakeStripe, STRIPE_TEST_CARDS, startFakeStripe } from './test/fakeStripe'
import { autoTopUpThrough, closeBillingServers, serveBilling } from './test/http'

const NOW = new Date('2026-03-01T12:00:00.000Z')
const SECRET = 'whsec_payg_test_secret'

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
    const stripe = fake.client({ maxNetworkRetries: 0 })
    const payments = createStripePayments({
      stripe,
      database: db(),
      now: () => NOW,
      webhookSecret: SECRET,
      // As the README wires it: each verified event is acted on by the billing server.
      onEvent: (event) => served.billing.handlePaymentEvent(event),
    })
    const saveCard = async (number: string) => {
      const { setupIntentId } = await payments.setupCard(a)
      fake.confirmSetup(setupIntentId, number)
      return (await payments.completeSetup(a, setupIntentId)) as string
    }
    const paymentMethodId = await saveCard(card)
    const served = await serveBilling(
      { ta: a },
      { database: db(), payments, now: () => NOW, newAccountCredit: '1' },
    )
    /** Stripe's delivery of an event to the adapter's endpoint, signed as Stripe signs it. */
    const deliver = async (payload: string) => {
      const signature = stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET })
      const response = await payments.webhook(
        new Request('http://127.0.0.1/stripe/webhook', {
          method: 'POST',
          body: payload,
          headers: { 'content-type': 'application/json', 'stripe-signature': signature },
        }),
      )
      return response.status
    }
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
    const autoTopUp = (settings?: unknown) => autoTopUpThrough(served, 'ta', settings)
    return {
      ...served,
      a,
      stripe,
      payments,
      paymentMethodId,
      saveCard,
      deliver,
      topUp,
      intents,
      autoTopUp,
    }
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

  it('credits a 3-D Secure top-up when Stripe reports it paid, once however often the event comes', async () => {
    const { a, billing, topUp, intents, deliver } = await setup(
      STRIPE_TEST_CARDS.authenticateAlways,
    )
    expect((await topUp(30, 'tu-3ds-hook')).status).toBe(402)
    const [intent] = intents()
    const paid = fake.event(
      'payment_intent.succeeded',
      fake.authenticate(intent?.id as string, 'succeed'),
    )
    expect(await deliver(paid)).toBe(200)
    expect((await billing.ledger.balance(a)).amount).toBe('31')
    expect(await deliver(paid)).toBe(200)
    expect((await billing.ledger.balance(a)).amount).toBe('31')
    expect((await topUp(30, 'tu-3ds-hook')).status).toBe(201)
    expect((await billing.ledger.balance(a)).amount).toBe('31')
  })

  it('turns auto top-up off when Stripe detaches the saved card, and a redelivery changes nothing more', async () => {
    const { a, billing, stripe, payments, paymentMethodId, saveCard, deliver, intents, autoTopUp } =
      await setup(STRIPE_TEST_CARDS.visa)
    const settings = { enabled: true, threshold: 1, amount: 10 }
    expect((await autoTopUp(settings)).autoTopUp).toMatchObject({
      enabled: true,
      disabledReason: null,
    })
    expect(await autoTopUp()).toMatchObject({ enabled: true, threshold: 1, amount: 10 })
    // The cardholder removes the card (the dashboard, a customer portal): Stripe detaches it.
    const detached = fake.event(
      'payment_method.detached',
      (await stripe.paymentMethods.detach(paymentMethodId)) as unknown as Record<string, unknown>,
      { customer: await payments.customerId(a) },
    )
    expect(await deliver(detached)).toBe(200)
    const off = await autoTopUp()
    expect(off).toMatchObject({
      enabled: false,
      disabledReason: 'NO_PAYMENT_METHOD',
      threshold: 1,
      amount: 10,
    })
    // Below the threshold now, nothing is charged.
    await billing.ledger.charge(a, '0.5', 'job-1')
    expect(intents()).toEqual([])
    expect(await deliver(detached)).toBe(200)
    expect(await autoTopUp()).toEqual(off)

    // A newer card, auto top-up on again: Stripe sending the old detach once more keeps both.
    const newer = await saveCard(STRIPE_TEST_CARDS.visa)
    expect((await autoTopUp(settings)).autoTopUp).toMatchObject({
      enabled: true,
      disabledReason: null,
    })
    expect(await deliver(detached)).toBe(200)
    expect(await autoTopUp()).toMatchObject({ enabled: true, disabledReason: null })
    // Saved below the threshold ($0.50 left), it tops up at once, with the newer card.
    expect((await billing.ledger.balance(a)).amount).toBe('10.5')
    expect(intents()).toEqual([expect.objectContaining({ payment_method: newer, amount: 1000 })])
  })
})
