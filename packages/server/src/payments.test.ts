import { describe, expect, it } from 'vitest'
import { createFakePayments, type PaymentEvent, TEST_CARDS } from './payments'
import { accountId, databases, migratedDatabase } from './test/databases'
import { autoTopUpThrough, closeBillingServers, serveBilling } from './test/http'

describe('createFakePayments', () => {
  it('looks a payment up by its key, per account, without charging', async () => {
    const payments = createFakePayments()
    payments.setCard('a', TEST_CARDS.visa)
    expect(await payments.lookup({ accountId: 'a', idempotencyKey: 'k' })).toBeNull()
    const paid = await payments.charge({ accountId: 'a', amount: '10', idempotencyKey: 'k' })
    expect(paid).toMatchObject({ status: 'SUCCEEDED', paymentId: expect.stringMatching(/^pay_/) })
    expect(await payments.lookup({ accountId: 'a', idempotencyKey: 'k' })).toEqual(paid)
    expect(await payments.lookup({ accountId: 'b', idempotencyKey: 'k' })).toBeNull()
    expect(payments.payments).toHaveLength(1)
  })

  it('reports a removed card to onEvent, and nothing when no card was saved', async () => {
    const events: PaymentEvent[] = []
    const payments = createFakePayments({ onEvent: (event) => void events.push(event) })
    await payments.setCard('a', null)
    await payments.setCard('a', TEST_CARDS.visa)
    await payments.setCard('a', TEST_CARDS.declined)
    expect(events).toEqual([])
    await payments.setCard('a', null)
    await payments.setCard('a', null)
    expect(events).toEqual([
      { type: 'CARD_REMOVED', accountId: 'a', paymentMethodId: 'pm_card_0002' },
    ])
    expect(await payments.paymentMethod?.('a')).toBeNull()
    // The card changes at once, for callers that do not wait (and without onEvent, as before).
    const plain = createFakePayments()
    void plain.setCard('b', TEST_CARDS.visa)
    expect(await plain.paymentMethod?.('b')).toMatchObject({ id: 'pm_card_4242' })
  })

  it('asks for 3-D Secure on the authentication card until the cardholder completes or fails it', async () => {
    const payments = createFakePayments()
    payments.setCard('a', TEST_CARDS.authenticationRequired)
    const charge = (idempotencyKey: string) =>
      payments.charge({ accountId: 'a', amount: '10', idempotencyKey })
    const asked = await charge('ok')
    expect(asked).toEqual({
      status: 'REQUIRES_ACTION',
      clientSecret: expect.stringMatching(/_secret$/),
      paymentMethodId: 'pm_card_3184',
    })
    expect(await charge('ok')).toEqual(asked)
    const paid = payments.completeAuthentication('ok', 'succeed')
    expect(paid).toMatchObject({ status: 'SUCCEEDED', paymentMethodId: 'pm_card_3184' })
    expect(await charge('ok')).toEqual(paid)
    expect(await payments.lookup({ accountId: 'a', idempotencyKey: 'ok' })).toEqual(paid)
    expect(() => payments.completeAuthentication('ok', 'fail')).toThrow(/No payment waiting/)

    await charge('no')
    expect(payments.completeAuthentication('no', 'fail')).toEqual({
      status: 'DECLINED',
      code: 'PAYMENT_DECLINED',
      declineCode: 'payment_intent_authentication_failure',
      paymentMethodId: 'pm_card_3184',
    })
    expect(await charge('no')).toMatchObject({ status: 'DECLINED' })
    expect(payments.payments.map((p) => p.outcome.status)).toEqual(['SUCCEEDED', 'DECLINED'])
  })

  it('answers a 3-D Secure check by its client secret, for its own account only, once', async () => {
    const payments = createFakePayments()
    payments.setCard('a', TEST_CARDS.authenticationRequired)
    payments.setCard('b', TEST_CARDS.authenticationRequired)
    const asked = await payments.charge({ accountId: 'a', amount: '10', idempotencyKey: 'k' })
    const other = await payments.charge({ accountId: 'b', amount: '10', idempotencyKey: 'k2' })
    if (asked.status !== 'REQUIRES_ACTION' || other.status !== 'REQUIRES_ACTION') {
      throw new Error('expected both to ask for 3-D Secure')
    }
    // Another account's secret, or one never given, answers nothing and changes nothing.
    expect(payments.authenticate('a', other.clientSecret, 'succeed')).toBeNull()
    expect(payments.authenticate('a', 'pay_forged_secret', 'succeed')).toBeNull()
    expect(await payments.lookup({ accountId: 'b', idempotencyKey: 'k2' })).toEqual(other)
    expect(payments.authenticate('a', asked.clientSecret, 'succeed')).toMatchObject({
      status: 'SUCCEEDED',
    })
    // Answered once: the secret no longer waits.
    expect(payments.authenticate('a', asked.clientSecret, 'fail')).toBeNull()
    expect(await payments.lookup({ accountId: 'a', idempotencyKey: 'k' })).toMatchObject({
      status: 'SUCCEEDED',
    })
  })
})

describe.each(databases)('a top-up that asks for 3-D Secure, on $name', ({ open }) => {
  const db = migratedDatabase(open, closeBillingServers)

  it('is the spec’s 402 with nothing credited, and is credited once after authentication', async () => {
    const a = accountId()
    const payments = createFakePayments()
    payments.setCard(a, TEST_CARDS.authenticationRequired)
    const { billing, call } = await serveBilling(
      { ta: a },
      { database: db(), payments, now: () => new Date('2026-03-01T12:00:00.000Z') },
    )
    const topUp = () =>
      call('/billing/top-ups', 'ta', {
        method: 'POST',
        body: JSON.stringify({ amount: 25 }),
        headers: { 'content-type': 'application/json', 'idempotency-key': 'tu-3ds' },
      })
    const asked = await topUp()
    const [pending] = payments.payments
    const secret = pending?.outcome.status === 'REQUIRES_ACTION' ? pending.outcome.clientSecret : ''
    expect(secret).not.toBe('')
    // The browser gets the payment's client secret to complete 3-D Secure with.
    expect(asked).toMatchObject({
      status: 402,
      body: {
        code: 'PAYMENT_DECLINED',
        details: { declineCode: 'authentication_required', clientSecret: secret },
      },
    })
    expect((await billing.ledger.balance(a)).amount).toBe('0')
    payments.completeAuthentication(pending?.idempotencyKey as string, 'succeed')
    expect((await topUp()).status).toBe(201)
    expect((await topUp()).headers.get('idempotent-replayed')).toBe('true')
    expect((await billing.ledger.balance(a)).amount).toBe('25')
  })

  it('declines a top-up left unauthenticated for a day, and never credits it afterwards', async () => {
    const a = accountId()
    const payments = createFakePayments()
    payments.setCard(a, TEST_CARDS.authenticationRequired)
    const clock = { now: new Date('2026-03-01T12:00:00.000Z') }
    const { billing, call } = await serveBilling(
      { ta: a },
      { database: db(), payments, now: () => clock.now },
    )
    const topUp = () =>
      call('/billing/top-ups', 'ta', {
        method: 'POST',
        body: JSON.stringify({ amount: 25 }),
        headers: { 'content-type': 'application/json', 'idempotency-key': 'tu-3ds-late' },
      })
    expect((await topUp()).status).toBe(402)
    clock.now = new Date('2026-03-02T12:00:01.000Z')
    const late = await topUp()
    expect(late).toMatchObject({ status: 402, body: { code: 'PAYMENT_DECLINED' } })
    expect(late.body.details?.clientSecret).toBeUndefined()
    // Authenticating now changes nothing: the top-up is settled as declined.
    const [pending] = payments.payments
    payments.completeAuthentication(pending?.idempotencyKey as string, 'succeed')
    expect((await topUp()).status).toBe(402)
    await billing.resumePending()
    expect((await billing.ledger.balance(a)).amount).toBe('0')
    const list = await call('/billing/top-ups', 'ta')
    expect(list.body.data).toEqual([expect.objectContaining({ status: 'DECLINED', amount: '25' })])
  })
})

describe.each(databases)('a card removed from the fake provider, on $name', ({ open }) => {
  const db = migratedDatabase(open, closeBillingServers)

  it('turns an enabled auto top-up off through the billing server, and nothing else', async () => {
    const a = accountId()
    const payments = createFakePayments({
      onEvent: (event) => served.billing.handlePaymentEvent(event),
    })
    payments.setCard(a, TEST_CARDS.visa)
    const served = await serveBilling(
      { ta: a },
      { database: db(), payments, now: () => new Date('2026-03-01T12:00:00.000Z') },
    )
    const autoTopUp = (settings?: unknown) => autoTopUpThrough(served, 'ta', settings)
    await served.billing.ledger.openAccount(a, { freeCredit: '20' })
    const on = await autoTopUp({ enabled: true, threshold: 5, amount: 10 })
    expect(on.autoTopUp).toMatchObject({ enabled: true })
    await payments.setCard(a, null)
    const off = await autoTopUp()
    expect(off).toMatchObject({ enabled: false, disabledReason: 'NO_PAYMENT_METHOD' })
    // Nothing is charged below the threshold now; the account still spends its balance.
    await served.billing.ledger.charge(a, '16', 'job-1')
    expect(payments.payments).toEqual([])
    expect((await served.billing.ledger.balance(a)).amount).toBe('4')
    // A card saved again does not turn it back on: the user does.
    await payments.setCard(a, TEST_CARDS.visa)
    expect(await autoTopUp()).toEqual(off)
  })
})
