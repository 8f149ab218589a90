import { describe, expect, it } from 'vitest'
import type { PaymentStep } from './autoTopUp'
import { createFakePayments, type PaymentProvider, TEST_CARDS } from './payments'
import { accountId, databases, migratedDatabase } from './test/databases'
import { closeBillingServers, serveBilling } from './test/http'

const NOW = new Date('2026-03-14T12:00:00.000Z')
const STEPS: PaymentStep[] = [
  'attempt.recorded',
  'payment.taken',
  'credit.beforeCommit',
  'credit.committed',
]

/** What a crash looks like from outside: the process stops in the middle of the work. */
class Crash extends Error {}

describe.each(databases)('crash safety on $name', ({ open }) => {
  const db = migratedDatabase(open, closeBillingServers)

  /**
   * One account and one payment provider (outside the process: it survives every restart).
   * `start(crashAt)` starts a server process on the shared database that stops at that step.
   */
  async function world(card: string = TEST_CARDS.visa) {
    const a = accountId()
    const fake = createFakePayments()
    fake.setCard(a, card)
    const clock = { now: NOW }
    /**
     * `loseAnswers`: the provider takes the payment but its answer is lost (a timeout), and it
     * cannot be asked about it either; `loseChargeAnswers`: only the charge's answer is lost.
     */
    const provider = { loseAnswers: false, loseChargeAnswers: false }
    const payments: PaymentProvider = {
      paymentMethod: (id) => fake.paymentMethod?.(id) ?? Promise.resolve(null),
      async lookup(payment) {
        if (provider.loseAnswers) throw new Error('socket hang up')
        return fake.lookup(payment)
      },
      async charge(payment) {
        const outcome = await fake.charge(payment)
        if (provider.loseAnswers || provider.loseChargeAnswers) throw new Error('socket hang up')
        return outcome
      },
    }
    const start = (crashAt?: PaymentStep) =>
      serveBilling(
        { ta: a },
        {
          database: db(),
          payments,
          now: () => clock.now,
          newAccountCredit: '20',
          onPaymentStep: (step) => {
            if (step === crashAt) throw new Crash(`stopped at ${step}`)
          },
        },
      )
    const topUp = (server: Awaited<ReturnType<typeof start>>, key: string, amount = 50) =>
      server.call('/billing/top-ups', 'ta', {
        method: 'POST',
        body: JSON.stringify({ amount }),
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
      })
    const enable = async (settings: Record<string, unknown>) => {
      const server = await start()
      const saved = await server.call('/billing/auto-top-up', 'ta', {
        method: 'PUT',
        body: JSON.stringify({ enabled: true, ...settings }),
        headers: { 'content-type': 'application/json' },
      })
      expect(saved.status).toBe(200)
      return saved.body
    }
    /** The books after the dust settles: provider, ledger entries, attempts, balance. */
    const books = async () => {
      const server = await start()
      const entries = await db().query<{ type: string; amount: string; payment_id: string }>(
        `SELECT type, amount::text AS amount, payment_id FROM payg_ledger
         WHERE account_id = $1 AND type IN ('TOP_UP', 'AUTO_TOP_UP') ORDER BY seq`,
        [a],
      )
      const attempts = await db().query<{ kind: string; status: string }>(
        'SELECT kind, status FROM payg_top_up_attempts WHERE account_id = $1 ORDER BY created_at',
        [a],
      )
      const paid = fake.payments.flatMap((p) =>
        p.outcome.status === 'SUCCEEDED' ? [{ amount: p.amount, id: p.outcome.paymentId }] : [],
      )
      return {
        balance: (await server.billing.ledger.balance(a)).amount,
        entries: entries.map((e) => ({ type: e.type, amount: e.amount, paymentId: e.payment_id })),
        attempts,
        paid,
      }
    }
    return { a, fake, clock, provider, start, topUp, enable, books }
  }

  describe.each(STEPS)('a manual top-up stopped at %s', (step) => {
    it('is completed by resumePending after a restart, and its retry replays it', async () => {
      const { start, topUp, books } = await world()
      const crashed = await start(step)
      await crashed.call('/billing/balance', 'ta')
      expect((await topUp(crashed, 'buy-50')).status).toBe(500)
      const restarted = await start()
      await restarted.billing.resumePending()
      const after = await books()
      expect(after.balance).toBe('70')
      expect(after.paid).toHaveLength(1)
      expect(after.entries).toEqual([
        { type: 'TOP_UP', amount: '50', paymentId: after.paid[0]?.id },
      ])
      expect(after.attempts).toEqual([{ kind: 'MANUAL', status: 'SUCCEEDED' }])
      const retry = await topUp(restarted, 'buy-50')
      expect(retry.status).toBe(201)
      expect(retry.headers.get('idempotent-replayed')).toBe('true')
      expect((await books()).paid).toHaveLength(1)
      expect((await books()).balance).toBe('70')
    })

    it('is completed once by the client’s retry with the same key', async () => {
      const { start, topUp, books } = await world()
      const crashed = await start(step)
      await crashed.call('/billing/balance', 'ta')
      expect((await topUp(crashed, 'buy-50')).status).toBe(500)
      const retry = await topUp(await start(), 'buy-50')
      expect(retry.status).toBe(201)
      expect(retry.body).toMatchObject({ topUp: { amount: '50', status: 'SUCCEEDED' } })
      const after = await books()
      expect(after).toMatchObject({ balance: '70', attempts: [{ status: 'SUCCEEDED' }] })
      expect(after.paid).toHaveLength(1)
      expect(after.entries).toHaveLength(1)
    })
  })

  describe.each(STEPS)('an auto top-up stopped at %s', (step) => {
    it('is completed by resumePending after a restart', async () => {
      const { a, start, enable, books } = await world()
      await enable({ threshold: 10, amount: 50 })
      const crashed = await start(step)
      // The charge commits (and records the attempt); the process dies driving the attempt.
      await expect(crashed.billing.ledger.charge(a, '15', 'job-1')).rejects.toBeInstanceOf(Crash)
      const restarted = await start()
      await restarted.billing.resumePending()
      // The platform retries its job with the same key: replayed, nothing more is charged.
      expect(await restarted.billing.ledger.charge(a, '15', 'job-1')).toMatchObject({
        replayed: true,
      })
      const after = await books()
      expect(after.balance).toBe('55')
      expect(after.paid).toEqual([{ amount: '50', id: expect.any(String) }])
      expect(after.entries).toEqual([
        { type: 'AUTO_TOP_UP', amount: '50', paymentId: after.paid[0]?.id },
      ])
      expect(after.attempts).toEqual([{ kind: 'AUTOMATIC', status: 'SUCCEEDED' }])
      const view = await restarted.call('/billing/auto-top-up', 'ta')
      expect(view.body).toMatchObject({
        spentThisMonth: '50',
        consecutiveFailures: 0,
        lastAttempt: { status: 'SUCCEEDED', amount: '50' },
      })
    })

    it('is resumed by the account’s next request once the crashed claim lapses', async () => {
      const { a, clock, start, enable, books } = await world()
      await enable({ threshold: 10, amount: 50 })
      const crashed = await start(step)
      await expect(crashed.billing.ledger.charge(a, '15', 'job-1')).rejects.toBeInstanceOf(Crash)
      const restarted = await start()
      clock.now = new Date(NOW.getTime() + 61_000)
      const balance = await restarted.call('/billing/balance', 'ta')
      expect(balance.body).toMatchObject({ balance: '55', autoTopUpEnabled: true })
      const after = await books()
      expect(after.paid).toHaveLength(1)
      expect(after.entries).toHaveLength(1)
      expect(after.attempts).toEqual([{ kind: 'AUTOMATIC', status: 'SUCCEEDED' }])
      // Above the threshold again: later charges start nothing.
      await restarted.billing.ledger.charge(a, '1', 'job-2')
      expect((await books()).paid).toHaveLength(1)
    })
  })

  it('an auto top-up saved below the threshold and stopped after the payment is credited once', async () => {
    const { start, books } = await world()
    const crashed = await start('payment.taken')
    const saved = await crashed.call('/billing/auto-top-up', 'ta', {
      method: 'PUT',
      body: JSON.stringify({ enabled: true, threshold: 100, amount: 40 }),
      headers: { 'content-type': 'application/json' },
    })
    expect(saved.status).toBe(500)
    const restarted = await start()
    expect(await restarted.billing.resumePending()).toEqual({
      succeeded: 1,
      declined: 0,
      pending: 0,
    })
    expect(await books()).toMatchObject({
      balance: '100',
      entries: [{ type: 'AUTO_TOP_UP', amount: '80' }],
      paid: [{ amount: '80' }],
    })
  })

  it('never credits a declined payment whose process stopped after the answer', async () => {
    const { a, start, topUp, books } = await world(TEST_CARDS.declined)
    const crashed = await start('payment.taken')
    await crashed.call('/billing/balance', 'ta')
    expect((await topUp(crashed, 'buy-50')).status).toBe(500)
    const restarted = await start()
    expect(await restarted.billing.resumePending(a)).toEqual({
      succeeded: 0,
      declined: 1,
      pending: 0,
    })
    expect(await topUp(restarted, 'buy-50')).toMatchObject({
      status: 402,
      body: { code: 'PAYMENT_DECLINED' },
    })
    expect(await books()).toMatchObject({ balance: '20', entries: [], paid: [] })
  })

  describe('a payment whose answer is lost', () => {
    it('manual: 503, then the retry with the same key credits the one payment', async () => {
      const { provider, start, topUp, books, fake } = await world()
      const server = await start()
      await server.call('/billing/balance', 'ta')
      provider.loseAnswers = true
      expect(await topUp(server, 'buy-50')).toMatchObject({ status: 503 })
      expect(await books()).toMatchObject({
        balance: '20',
        entries: [],
        attempts: [{ status: 'PENDING' }],
      })
      expect(fake.payments).toHaveLength(1)
      // Retried while the provider still loses answers: still pending, never credited blind.
      expect(await topUp(server, 'buy-50')).toMatchObject({ status: 503 })
      provider.loseAnswers = false
      expect(await topUp(server, 'buy-50')).toMatchObject({ status: 201 })
      const after = await books()
      expect(after).toMatchObject({ balance: '70', attempts: [{ status: 'SUCCEEDED' }] })
      expect(after.paid).toHaveLength(1)
      expect(new Set(fake.payments.map((p) => p.idempotencyKey)).size).toBe(1)
    })

    it('manual: the retry asks the provider what became of it, and credits that payment', async () => {
      const { provider, start, topUp, books, fake } = await world()
      const server = await start()
      await server.call('/billing/balance', 'ta')
      // Every charge's answer is lost, but the provider can be asked about a payment.
      provider.loseChargeAnswers = true
      expect(await topUp(server, 'buy-50')).toMatchObject({ status: 503 })
      expect(await topUp(server, 'buy-50')).toMatchObject({ status: 201 })
      const after = await books()
      expect(after).toMatchObject({ balance: '70', attempts: [{ status: 'SUCCEEDED' }] })
      expect(after.paid).toHaveLength(1)
      // Settled from the lookup: charged once, never sent again.
      expect(fake.payments).toHaveLength(1)
    })

    it('auto: stays pending, then the next request asks again with the same key', async () => {
      const { a, provider, start, enable, books, fake } = await world()
      await enable({ threshold: 10, amount: 50 })
      const server = await start()
      provider.loseAnswers = true
      const charged = await server.billing.ledger.charge(a, '15', 'job-1')
      expect(charged.balance).toBe('5')
      expect(await books()).toMatchObject({ balance: '5', attempts: [{ status: 'PENDING' }] })
      // While it is open, more charges below the threshold start no second attempt.
      await server.billing.ledger.charge(a, '1', 'job-2')
      expect(fake.payments).toHaveLength(1)
      expect((await books()).attempts).toHaveLength(1)
      provider.loseAnswers = false
      expect((await server.call('/billing/balance', 'ta')).body.balance).toBe('54')
      const after = await books()
      expect(after.paid).toHaveLength(1)
      expect(after.entries).toEqual([
        { type: 'AUTO_TOP_UP', amount: '50', paymentId: after.paid[0]?.id },
      ])
    })
  })
})
