import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { toNodeListener } from '@payg-kit/core/proxy'
import type Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PaymentEvent } from './payments'
import { createStripePayments, type StripePayments } from './stripe'
import { accountId, databases, migratedDatabase } from './test/databases'
import { type FakeStripe, STRIPE_TEST_CARDS, startFakeStripe } from './test/fakeStripe'

const NOW = new Date('2026-03-01T12:00:00.000Z')
const SECRET = 'whsec_payg_test_secret'

describe.each(databases)('the Stripe adapter on $name', ({ open }) => {
  const db = migratedDatabase(open)
  let fake: FakeStripe
  beforeAll(async () => {
    fake = await startFakeStripe({ now: () => NOW })
  })
  afterAll(async () => {
    await fake.close()
  })

  function adapter(options: { onEvent?: (event: PaymentEvent) => void; retries?: number } = {}) {
    const events: PaymentEvent[] = []
    const stripe = fake.client({ maxNetworkRetries: options.retries ?? 0 })
    const payments = createStripePayments({
      stripe,
      database: db(),
      webhookSecret: SECRET,
      now: () => NOW,
      onEvent: options.onEvent ?? ((event) => void events.push(event)),
    })
    return { payments, stripe, events }
  }

  /** An account with `card` saved through a SetupIntent, as a browser would save it. */
  async function withCard(payments: StripePayments, card: string) {
    const account = accountId()
    return { account, paymentMethodId: await withCardOf(payments, account, card) }
  }

  /** Saves `card` for `account` through a SetupIntent; its payment method id. */
  async function withCardOf(payments: StripePayments, account: string, card: string) {
    const { setupIntentId } = await payments.setupCard(account)
    fake.confirmSetup(setupIntentId, card)
    return payments.completeSetup(account, setupIntentId)
  }

  function intentRequests(key: string) {
    return fake.requests.filter(
      (r) => r.method === 'POST' && r.path === '/v1/payment_intents' && r.idempotencyKey === key,
    )
  }

  function intentsOf(key: string) {
    return fake
      .paymentIntents()
      .filter((pi) => (pi.metadata as Record<string, string>).payg_idempotency_key === key)
  }

  it("reports the saved card as the spec's PaymentMethod, and null before one is saved", async () => {
    const { payments } = await adapter()
    expect(await payments.paymentMethod?.(accountId())).toBeNull()
    const { account, paymentMethodId } = await withCard(payments, '4242424242424242')
    expect(await payments.paymentMethod?.(account)).toEqual({
      id: paymentMethodId,
      brand: 'visa',
      last4: '4242',
      expMonth: 12,
      expYear: 2030,
    })
  })

  it('talks to a loopback Stripe that keeps Stripe’s idempotency rules', async () => {
    const { stripe } = adapter()
    const create = (metadata: Record<string, string>, idempotencyKey: string) =>
      stripe.customers.create({ metadata }, { idempotencyKey })
    const first = await create({ n: '1' }, 'idem-1')
    const again = await create({ n: '1' }, 'idem-1')
    expect(again.id).toBe(first.id)
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true')
    await expect(create({ n: '2' }, 'idem-1')).rejects.toMatchObject({
      type: 'StripeIdempotencyError',
      message: expect.stringMatching(/same parameters/),
    })
    await expect(
      stripe.paymentIntents.create({ amount: 100, currency: 'usd' }, { idempotencyKey: 'idem-1' }),
    ).rejects.toMatchObject({ type: 'StripeIdempotencyError' })
    // A request refused for its parameters saves nothing: fixed, the same key runs.
    const intent = { amount: 100, currency: 'usd', customer: 'cus_missing' }
    await expect(
      stripe.paymentIntents.create(intent, { idempotencyKey: 'idem-2' }),
    ).rejects.toMatchObject({ type: 'StripeInvalidRequestError' })
    await expect(
      stripe.paymentIntents.create({ ...intent, customer: first.id }, { idempotencyKey: 'idem-2' }),
    ).rejects.toMatchObject({ type: 'StripeInvalidRequestError', param: 'payment_method' })
    await expect(
      fake.client().customers.retrieve(first.id, {}, { apiKey: 'sk_test_wrong' }),
    ).rejects.toMatchObject({ type: 'StripeAuthenticationError' })
  })

  it('keeps one Stripe customer per account, however many calls race to create it', async () => {
    const { payments } = adapter()
    const account = accountId()
    const ids = await Promise.all(Array.from({ length: 5 }, () => payments.customerId(account)))
    expect(new Set(ids).size).toBe(1)
    expect(ids[0]).toMatch(/^cus_/)
    expect(await payments.customerId(account)).toBe(ids[0])
    expect(await payments.customerId(accountId())).not.toBe(ids[0])
  })

  it('saves a card through a SetupIntent of the account’s customer, and only a succeeded one', async () => {
    const { payments, stripe } = adapter()
    const account = accountId()
    const setup = await payments.setupCard(account)
    expect(setup.clientSecret).toMatch(/^seti_.+_secret_/)
    const intent = await stripe.setupIntents.retrieve(setup.setupIntentId)
    expect(intent).toMatchObject({
      customer: await payments.customerId(account),
      usage: 'off_session',
      metadata: { payg_account_id: account },
    })
    expect(await payments.completeSetup(account, setup.setupIntentId)).toBeNull()
    fake.confirmSetup(setup.setupIntentId, STRIPE_TEST_CARDS.visa)
    // Another account cannot claim this account's card.
    const other = accountId()
    await payments.customerId(other)
    expect(await payments.completeSetup(other, setup.setupIntentId)).toBeNull()
    expect(await payments.charge({ accountId: other, amount: '5', idempotencyKey: 'o-1' })).toEqual(
      { status: 'DECLINED', code: 'NO_PAYMENT_METHOD', paymentMethodId: null },
    )
    const saved = await payments.completeSetup(account, setup.setupIntentId)
    expect(saved).toMatch(/^pm_/)
    expect(
      await payments.charge({ accountId: account, amount: '5', idempotencyKey: 'a-1' }),
    ).toMatchObject({ status: 'SUCCEEDED', paymentMethodId: saved })
  })

  it('charges off-session with the kit’s key as Stripe’s Idempotency-Key, once however often retried', async () => {
    const { payments } = adapter()
    const { account, paymentMethodId } = await withCard(payments, STRIPE_TEST_CARDS.visa)
    const key = `key-${account}`
    const first = await payments.charge({ accountId: account, amount: '50', idempotencyKey: key })
    expect(first).toEqual({
      status: 'SUCCEEDED',
      paymentId: expect.stringMatching(/^pi_/),
      paymentMethodId,
    })
    const again = await payments.charge({ accountId: account, amount: '50', idempotencyKey: key })
    expect(again).toEqual(first)
    const sent = intentRequests(key)
    expect(sent.map((r) => r.replayed)).toEqual([false, true])
    expect(sent[0]?.params).toMatchObject({
      amount: '5000',
      currency: 'usd',
      confirm: 'true',
      off_session: 'true',
      payment_method: paymentMethodId,
      metadata: { payg_account_id: account, payg_idempotency_key: key },
    })
    expect(intentsOf(key)).toHaveLength(1)
  })

  it('charges exact cents and refuses a fraction of a cent', async () => {
    const { payments } = adapter()
    const { account } = await withCard(payments, STRIPE_TEST_CARDS.visa)
    for (const [amount, cents] of [
      ['19.99', 1999],
      ['0.1', 10],
      ['7.500', 750],
    ] as const) {
      const key = `cents-${amount}-${account}`
      await payments.charge({ accountId: account, amount, idempotencyKey: key })
      expect(intentsOf(key).map((pi) => pi.amount)).toEqual([cents])
    }
    await expect(
      payments.charge({ accountId: account, amount: '1.005', idempotencyKey: `c-${account}` }),
    ).rejects.toThrow(/whole cents/)
  })

  it('refuses the same key with another amount with Stripe’s idempotency error, charging nothing more', async () => {
    const { payments } = adapter()
    const { account } = await withCard(payments, STRIPE_TEST_CARDS.visa)
    const key = `reuse-${account}`
    await payments.charge({ accountId: account, amount: '50', idempotencyKey: key })
    await expect(
      payments.charge({ accountId: account, amount: '60', idempotencyKey: key }),
    ).rejects.toMatchObject({ type: 'StripeIdempotencyError', statusCode: 400 })
    expect(intentsOf(key).map((pi) => pi.amount)).toEqual([5000])
  })

  it('maps declines to PAYMENT_DECLINED with the issuer’s decline code, and no card to NO_PAYMENT_METHOD', async () => {
    const { payments } = adapter()
    for (const [card, declineCode] of [
      [STRIPE_TEST_CARDS.declined, 'generic_decline'],
      [STRIPE_TEST_CARDS.insufficientFunds, 'insufficient_funds'],
    ] as const) {
      const { account, paymentMethodId } = await withCard(payments, card)
      const key = `decline-${account}`
      const outcome = { status: 'DECLINED', code: 'PAYMENT_DECLINED', declineCode, paymentMethodId }
      expect(
        await payments.charge({ accountId: account, amount: '20', idempotencyKey: key }),
      ).toEqual(outcome)
      expect(await payments.lookup({ accountId: account, idempotencyKey: key })).toEqual(outcome)
    }
    const bare = accountId()
    await payments.customerId(bare)
    const key = `none-${bare}`
    expect(await payments.charge({ accountId: bare, amount: '20', idempotencyKey: key })).toEqual({
      status: 'DECLINED',
      code: 'NO_PAYMENT_METHOD',
      paymentMethodId: null,
    })
    expect(intentRequests(key)).toEqual([])
  })

  it('answers REQUIRES_ACTION for a card that asks for 3-D Secure, and the completed payment afterwards', async () => {
    const { payments } = adapter()
    const { account, paymentMethodId } = await withCard(
      payments,
      STRIPE_TEST_CARDS.authenticateAlways,
    )
    const key = `3ds-${account}`
    const asked = await payments.charge({ accountId: account, amount: '30', idempotencyKey: key })
    const [intent] = intentsOf(key)
    expect(asked).toEqual({
      status: 'REQUIRES_ACTION',
      clientSecret: intent?.client_secret,
      paymentMethodId,
    })
    expect(await payments.lookup({ accountId: account, idempotencyKey: key })).toEqual(asked)
    fake.authenticate(intent?.id as string, 'succeed')
    const paid = { status: 'SUCCEEDED', paymentId: intent?.id, paymentMethodId }
    expect(
      await payments.charge({ accountId: account, amount: '30', idempotencyKey: key }),
    ).toEqual(paid)
    expect(await payments.lookup({ accountId: account, idempotencyKey: key })).toEqual(paid)
    expect(intentsOf(key)).toHaveLength(1)

    const failedKey = `3ds-fail-${account}`
    await payments.charge({ accountId: account, amount: '30', idempotencyKey: failedKey })
    fake.authenticate(intentsOf(failedKey)[0]?.id as string, 'fail')
    expect(await payments.lookup({ accountId: account, idempotencyKey: failedKey })).toEqual({
      status: 'DECLINED',
      code: 'PAYMENT_DECLINED',
      declineCode: 'payment_intent_authentication_failure',
      paymentMethodId,
    })

    // 4000002500003155 asks only when it was not set up for off-session use; here it was.
    const setUp = await withCard(payments, STRIPE_TEST_CARDS.authenticateUnlessSetUp)
    expect(
      await payments.charge({ accountId: setUp.account, amount: '30', idempotencyKey: 'su-1' }),
    ).toMatchObject({ status: 'SUCCEEDED' })
  })

  it('looks a payment up by its key after its answer was lost, and a retry never charges twice', async () => {
    const { payments } = adapter()
    const { account } = await withCard(payments, STRIPE_TEST_CARDS.visa)
    const key = `lost-${account}`
    expect(await payments.lookup({ accountId: account, idempotencyKey: key })).toBeNull()
    // Stripe took the payment but both answers (and the client's one retry) were lost.
    fake.dropResponses(2)
    await expect(
      payments.charge({ accountId: account, amount: '40', idempotencyKey: key }),
    ).rejects.toMatchObject({ type: 'StripeConnectionError' })
    const found = await payments.lookup({ accountId: account, idempotencyKey: key })
    expect(found).toMatchObject({ status: 'SUCCEEDED', paymentId: intentsOf(key)[0]?.id })
    expect(
      await payments.charge({ accountId: account, amount: '40', idempotencyKey: key }),
    ).toEqual(found)
    expect(intentsOf(key)).toHaveLength(1)
    // Another account asking for this key finds nothing: keys are per account.
    const other = await withCard(payments, STRIPE_TEST_CARDS.visa)
    expect(await payments.lookup({ accountId: other.account, idempotencyKey: key })).toBeNull()
    expect(await payments.lookup({ accountId: accountId(), idempotencyKey: key })).toBeNull()
  })

  it('finds a payment behind more than one page of the customer’s payments', async () => {
    const { payments } = adapter()
    const { account } = await withCard(payments, STRIPE_TEST_CARDS.visa)
    const first = await payments.charge({ accountId: account, amount: '5', idempotencyKey: 'p-0' })
    for (let i = 1; i <= 100; i++) {
      await payments.charge({ accountId: account, amount: '5', idempotencyKey: `p-${i}` })
    }
    expect(await payments.lookup({ accountId: account, idempotencyKey: 'p-0' })).toEqual(first)
    const pages = fake.requests.filter(
      (r) => r.method === 'GET' && r.path === '/v1/payment_intents',
    )
    expect(pages.at(-1)?.params.starting_after).toMatch(/^pi_/)
  })

  it('a charge after the card was removed still answers the payment its key already made', async () => {
    const { payments } = adapter()
    const { account } = await withCard(payments, STRIPE_TEST_CARDS.visa)
    const key = `removed-${account}`
    const paid = await payments.charge({ accountId: account, amount: '10', idempotencyKey: key })
    await db().query(
      'UPDATE payg_stripe_customers SET payment_method_id = NULL WHERE account_id = $1',
      [account],
    )
    expect(
      await payments.charge({ accountId: account, amount: '10', idempotencyKey: key }),
    ).toEqual(paid)
    expect(
      await payments.charge({ accountId: account, amount: '10', idempotencyKey: `${key}-new` }),
    ).toEqual({ status: 'DECLINED', code: 'NO_PAYMENT_METHOD', paymentMethodId: null })
  })

  describe('webhooks', () => {
    /** Signs a payload as Stripe signs the events it sends to the endpoint. */
    const signer = (stripe: Stripe) => (payload: string) =>
      stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET })

    async function deliver(
      payments: StripePayments,
      payload: string,
      signature: string | null,
    ): Promise<Response> {
      return payments.webhook(
        new Request('http://127.0.0.1/stripe/webhook', {
          method: 'POST',
          body: payload,
          headers: {
            'content-type': 'application/json',
            ...(signature === null ? {} : { 'stripe-signature': signature }),
          },
        }),
      )
    }

    /** Detaches the PaymentMethod at Stripe; the `payment_method.detached` Stripe then sends. */
    async function detach(stripe: Stripe, paymentMethodId: string, customer: string) {
      const method = await stripe.paymentMethods.detach(paymentMethodId)
      return fake.event('payment_method.detached', method as unknown as Record<string, unknown>, {
        customer,
      })
    }

    it('reports verified payment and card events, signed as Stripe signs them', async () => {
      const { payments, stripe, events } = adapter()
      const account = accountId()
      const { setupIntentId } = await payments.setupCard(account)
      const setupIntent = fake.confirmSetup(setupIntentId, STRIPE_TEST_CARDS.authenticateAlways)
      const saved = fake.event('setup_intent.succeeded', setupIntent)
      const sign = signer(stripe)
      const answer = await deliver(payments, saved, sign(saved))
      expect(answer.status).toBe(200)
      const paymentMethodId = setupIntent.payment_method as string
      expect(events).toEqual([{ type: 'CARD_SAVED', accountId: account, paymentMethodId }])

      // The saved card is the one charged; it asks for 3-D Secure, then the cardholder completes it.
      const key = `hook-${account}`
      expect(
        await payments.charge({ accountId: account, amount: '25', idempotencyKey: key }),
      ).toMatchObject({ status: 'REQUIRES_ACTION', paymentMethodId })
      const [intent] = intentsOf(key)
      const failed = fake.event('payment_intent.payment_failed', intent as Record<string, unknown>)
      expect((await deliver(payments, failed, sign(failed))).status).toBe(200)
      const succeeded = fake.event(
        'payment_intent.succeeded',
        fake.authenticate(intent?.id as string, 'succeed'),
      )
      expect((await deliver(payments, succeeded, sign(succeeded))).status).toBe(200)
      expect(events.slice(1)).toEqual([
        {
          type: 'PAYMENT_FAILED',
          accountId: account,
          idempotencyKey: key,
          outcome: {
            status: 'REQUIRES_ACTION',
            clientSecret: intent?.client_secret,
            paymentMethodId,
          },
        },
        {
          type: 'PAYMENT_SUCCEEDED',
          accountId: account,
          idempotencyKey: key,
          outcome: { status: 'SUCCEEDED', paymentId: intent?.id, paymentMethodId },
        },
      ])

      // Events the kit did not cause, or does not use, are acknowledged and not reported.
      const foreign = fake.event('payment_intent.succeeded', {
        ...intent,
        status: 'succeeded',
        metadata: {},
      })
      const other = fake.event('customer.created', { id: 'cus_x', object: 'customer' })
      expect((await deliver(payments, foreign, sign(foreign))).status).toBe(200)
      expect((await deliver(payments, other, sign(other))).status).toBe(200)
      expect(events).toHaveLength(3)
    })

    it('clears a detached saved card and reports CARD_REMOVED; a detach of another card, nothing', async () => {
      const { payments, stripe, events } = adapter()
      const sign = signer(stripe)
      const { account, paymentMethodId } = await withCard(payments, STRIPE_TEST_CARDS.visa)
      const saved = paymentMethodId as string
      const customer = await payments.customerId(account)
      // Another card of the same customer, never saved for the account, is removed first.
      const { setupIntentId } = await payments.setupCard(account)
      const other = fake.confirmSetup(setupIntentId, STRIPE_TEST_CARDS.declined)
      const otherGone = await detach(stripe, other.payment_method as string, customer)
      expect((await deliver(payments, otherGone, sign(otherGone))).status).toBe(200)
      expect(events).toEqual([])
      expect(await payments.paymentMethod?.(account)).toMatchObject({ id: saved })

      // Unverified, a detach of the saved card is refused and changes nothing.
      const savedGone = await detach(stripe, saved, customer)
      const forged = stripe.webhooks.generateTestHeaderString({
        payload: savedGone,
        secret: 'whsec_other',
      })
      expect((await deliver(payments, savedGone, forged)).status).toBe(400)
      expect(await payments.paymentMethod?.(account)).toMatchObject({ id: saved })

      expect((await deliver(payments, savedGone, sign(savedGone))).status).toBe(200)
      expect(events).toEqual([{ type: 'CARD_REMOVED', accountId: account, paymentMethodId: saved }])
      expect(await payments.paymentMethod?.(account)).toBeNull()
      const key = `after-detach-${account}`
      expect(
        await payments.charge({ accountId: account, amount: '5', idempotencyKey: key }),
      ).toEqual({ status: 'DECLINED', code: 'NO_PAYMENT_METHOD', paymentMethodId: null })

      // Sent again once a newer card is saved, the old detach keeps that card and reports nothing.
      const newer = await withCardOf(payments, account, STRIPE_TEST_CARDS.visa)
      expect((await deliver(payments, savedGone, sign(savedGone))).status).toBe(200)
      expect(events).toHaveLength(1)
      expect(await payments.paymentMethod?.(account)).toMatchObject({ id: newer })
    })

    it("forgets a detached saved card but reports nothing while the customer's default pays, on every delivery", async () => {
      const { payments, stripe, events } = adapter()
      const sign = signer(stripe)
      const { account, paymentMethodId } = await withCard(payments, STRIPE_TEST_CARDS.visa)
      const saved = paymentMethodId as string
      const customer = await payments.customerId(account)
      // Another card of the customer is its default at Stripe: without the saved one, it pays.
      const { setupIntentId } = await payments.setupCard(account)
      const fallback = fake.confirmSetup(setupIntentId, STRIPE_TEST_CARDS.visa)
        .payment_method as string
      await stripe.customers.update(customer, {
        invoice_settings: { default_payment_method: fallback },
      })
      const savedGone = await detach(stripe, saved, customer)
      for (let delivery = 0; delivery < 2; delivery++) {
        expect((await deliver(payments, savedGone, sign(savedGone))).status).toBe(200)
        expect(events).toEqual([])
        expect(await payments.paymentMethod?.(account)).toMatchObject({ id: fallback })
      }
    })

    it("reports the detach of the customer's default card when the account saved none", async () => {
      const { payments, stripe, events } = adapter()
      const sign = signer(stripe)
      const account = accountId()
      const customer = await payments.customerId(account)
      // Cards attached at Stripe, not saved through the kit: it charges the customer's default.
      const attach = async () => {
        const { setupIntentId } = await payments.setupCard(account)
        return fake.confirmSetup(setupIntentId, STRIPE_TEST_CARDS.visa).payment_method as string
      }
      const setDefault = (id: string) =>
        stripe.customers.update(customer, { invoice_settings: { default_payment_method: id } })
      const [first, second] = [await attach(), await attach()]
      await setDefault(first)
      expect(await payments.paymentMethod?.(account)).toMatchObject({ id: first })

      const notDefault = await detach(stripe, second, customer)
      expect((await deliver(payments, notDefault, sign(notDefault))).status).toBe(200)
      expect(events).toEqual([])
      const theDefault = await detach(stripe, first, customer)
      expect((await deliver(payments, theDefault, sign(theDefault))).status).toBe(200)
      expect(events).toEqual([{ type: 'CARD_REMOVED', accountId: account, paymentMethodId: first }])

      // An event that arrives while the customer's default still names the card counts too.
      const third = await attach()
      await setDefault(third)
      const early = fake.event(
        'payment_method.detached',
        { id: third, object: 'payment_method', customer: null },
        { customer },
      )
      expect((await deliver(payments, early, sign(early))).status).toBe(200)
      expect(events.at(-1)).toEqual({
        type: 'CARD_REMOVED',
        accountId: account,
        paymentMethodId: third,
      })
    })

    it('refuses an unverified event with 400 and reports nothing from it', async () => {
      const { payments, stripe, events } = adapter()
      const account = accountId()
      const forged = fake.event('payment_intent.succeeded', {
        id: 'pi_forged',
        object: 'payment_intent',
        status: 'succeeded',
        amount: 100_000,
        metadata: { payg_account_id: account, payg_idempotency_key: 'forged' },
      })
      const genuine = stripe.webhooks.generateTestHeaderString({ payload: forged, secret: SECRET })
      for (const [payload, signature] of [
        [
          forged,
          stripe.webhooks.generateTestHeaderString({ payload: forged, secret: 'whsec_other' }),
        ],
        [forged.replace('100000', '200000'), genuine],
        [forged, null],
        [forged, 't=1,v1=deadbeef'],
        // Signed with the right secret, but an hour ago: a replayed delivery.
        [
          forged,
          stripe.webhooks.generateTestHeaderString({
            payload: forged,
            secret: SECRET,
            timestamp: Math.floor(Date.now() / 1000) - 3600,
          }),
        ],
      ] as const) {
        const answer = await deliver(payments, payload, signature)
        expect(answer.status).toBe(400)
        expect(await answer.json()).toEqual({ code: 'BAD_REQUEST', message: expect.any(String) })
      }
      expect(events).toEqual([])
    })

    it('answers 500 when the server could not handle a verified event, so Stripe sends it again', async () => {
      const { payments, stripe } = adapter({
        onEvent: () => {
          throw new Error('database down')
        },
      })
      const payload = fake.event('payment_intent.succeeded', {
        id: 'pi_x',
        object: 'payment_intent',
        status: 'succeeded',
        metadata: { payg_account_id: accountId(), payg_idempotency_key: 'k' },
      })
      const signature = stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET })
      expect((await deliver(payments, payload, signature)).status).toBe(500)
    })

    it('refuses a payload over 1 MiB with 413 before reading it whole, over HTTP', async () => {
      // The endpoint is public: its body is read before any signature is checked.
      const { payments, stripe, events } = adapter()
      const server = createServer(toNodeListener(payments.webhook))
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      try {
        const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/stripe/webhook`
        const account = accountId()
        const { setupIntentId } = await payments.setupCard(account)
        const event = JSON.parse(
          fake.event(
            'setup_intent.succeeded',
            fake.confirmSetup(setupIntentId, STRIPE_TEST_CARDS.visa),
          ),
        )
        // Genuinely signed, and still refused for its size alone.
        const payload = JSON.stringify({ ...event, padding: 'x'.repeat(1024 * 1024) })
        const answer = await fetch(url, {
          method: 'POST',
          body: payload,
          headers: {
            'content-type': 'application/json',
            'stripe-signature': signer(stripe)(payload),
          },
        })
        expect(answer.status).toBe(413)
        expect(await answer.json()).toEqual({
          code: 'BAD_REQUEST',
          message: 'The request body is over 1048576 bytes.',
        })
        expect(events).toEqual([])
      } finally {
        await new Promise<void>((resolve) => server.close(() => resolve()))
      }
    })
  })
})
