import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { InsufficientBalanceError } from '@payg-kit/core'
import { Webhook } from 'standardwebhooks'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createBillingServer } from './createBillingServer'
import { createFakePayments, TEST_CARDS } from './payments'
import { accountId, databases, migratedDatabase } from './test/databases'
import { closeBillingServers, serveBilling } from './test/http'
import type { WebhookOptions } from './webhooks'

const NOW = new Date('2026-03-01T12:00:00.000Z')
const SECRET = `whsec_${Buffer.from('payg-kit webhook test secret, 32b').toString('base64')}`

interface Received {
  headers: IncomingHttpHeaders
  body: string
}

/** A webhook endpoint on 127.0.0.1 that answers each delivery with the next status given. */
async function receiver(statuses: number[] = []) {
  const received: Received[] = []
  const server: Server = createServer((request, response) => {
    let body = ''
    request.setEncoding('utf8')
    request.on('data', (chunk) => {
      body += chunk
    })
    request.on('end', () => {
      received.push({ headers: request.headers, body })
      response.statusCode = statuses.shift() ?? 204
      response.end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  receivers.push(server)
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, received }
}
const receivers: Server[] = []

afterEach(async () => {
  vi.useRealTimers()
  await Promise.all(
    receivers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))),
  )
})

describe.each(databases)('outgoing webhooks on $name', ({ open }) => {
  const db = migratedDatabase(open, closeBillingServers)

  async function setup(webhooks: Partial<WebhookOptions> & { url: WebhookOptions['url'] }) {
    const a = accountId()
    const payments = createFakePayments()
    payments.setCard(a, TEST_CARDS.visa)
    const clock = { now: NOW }
    const options = {
      database: db(),
      payments,
      now: () => clock.now,
      lowBalanceThreshold: 10,
      webhooks: { secret: SECRET, ...webhooks },
    }
    const served = await serveBilling({ ta: a }, options)
    await served.billing.ledger.openAccount(a, { freeCredit: '20' })
    const dispatcher = served.billing.webhooks
    if (!dispatcher) throw new Error('webhooks are configured')
    const topUp = (amount: number, key: string) =>
      served.call('/billing/top-ups', 'ta', {
        method: 'POST',
        body: JSON.stringify({ amount }),
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
      })
    return { ...served, a, clock, dispatcher, options, topUp }
  }

  it('signs each event as Standard Webhooks does, once per change, retried requests included', async () => {
    const hook = await receiver()
    const { a, dispatcher, topUp } = await setup({ url: hook.url })
    expect((await topUp(50, 'tu-1')).status).toBe(201)
    expect((await topUp(50, 'tu-1')).headers.get('idempotent-replayed')).toBe('true')
    expect(await dispatcher.deliverDue()).toEqual({ delivered: 1, retrying: 0, failed: 0 })
    expect(hook.received).toHaveLength(1)
    const [delivery] = hook.received as [Received]
    // The receiver checks the signature with the Standard Webhooks library, at the event's time.
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(NOW)
    const event = new Webhook(SECRET).verify(
      delivery.body,
      delivery.headers as Record<string, string>,
    )
    expect(event).toEqual({
      type: 'top_up.succeeded',
      timestamp: NOW.toISOString(),
      data: {
        accountId: a,
        balance: '70',
        currency: 'USD',
        transaction: { type: 'TOP_UP', amount: '50' },
      },
    })
    expect(() =>
      new Webhook(SECRET).verify(
        delivery.body.replace('70', '700'),
        delivery.headers as Record<string, string>,
      ),
    ).toThrow()
    expect(await dispatcher.deliverDue()).toEqual({ delivered: 0, retrying: 0, failed: 0 })
  })

  it('reports the balance going low once per crossing, and paused at zero; a refused charge reports nothing', async () => {
    const hook = await receiver()
    const { a, billing, dispatcher } = await setup({ url: hook.url })
    await billing.ledger.charge(a, '5', 'job-1') // 20 → 15: above the threshold
    await billing.ledger.charge(a, '6', 'job-2') // 15 → 9: crosses below 10
    await billing.ledger.charge(a, '4', 'job-3') // 9 → 5: still low, no new event
    await expect(billing.ledger.charge(a, '6', 'job-4')).rejects.toBeInstanceOf(
      InsufficientBalanceError,
    )
    await billing.ledger.charge(a, '5', 'job-5') // 5 → 0: paused
    await billing.ledger.charge(a, '5', 'job-5') // a retry: nothing new
    await dispatcher.deliverDue()
    const events = hook.received.map((r) => JSON.parse(r.body))
    expect(events.map((e) => [e.type, e.data.balance])).toEqual([
      ['balance.low', '9'],
      ['balance.paused', '0'],
    ])
    expect(events[0].data.threshold).toBe('10')
    expect(new Set(hook.received.map((r) => r.headers['webhook-id'])).size).toBe(2)
  })

  it('retries a failed delivery on its schedule with the same id, then gives up and can redeliver', async () => {
    const hook = await receiver([500, 503])
    const { a, billing, clock, dispatcher } = await setup({
      url: hook.url,
      maxAttempts: 2,
      backoffMs: () => 60_000,
    })
    await billing.ledger.charge(a, '20', 'job-1')
    expect(await dispatcher.deliverDue()).toEqual({ delivered: 0, retrying: 1, failed: 0 })
    // Not due again before its next attempt.
    expect(await dispatcher.deliverDue()).toEqual({ delivered: 0, retrying: 0, failed: 0 })
    clock.now = new Date(NOW.getTime() + 60_000)
    expect(await dispatcher.deliverDue()).toEqual({ delivered: 0, retrying: 0, failed: 1 })
    clock.now = new Date(NOW.getTime() + 3_600_000)
    expect(await dispatcher.deliverDue()).toEqual({ delivered: 0, retrying: 0, failed: 0 })
    const id = hook.received[0]?.headers['webhook-id'] as string
    expect(await dispatcher.redeliver(id)).toBe(true)
    expect(await dispatcher.redeliver('msg_unknown')).toBe(false)
    expect(await dispatcher.deliverDue()).toEqual({ delivered: 1, retrying: 0, failed: 0 })
    expect(hook.received.map((r) => r.headers['webhook-id'])).toEqual([id, id, id])
  })

  it('loses nothing when a dispatcher dies mid-delivery: another takes over after the lease', async () => {
    const hook = await receiver()
    let release: (() => void) | undefined
    const stuck: typeof fetch = (input, init) =>
      new Promise((resolve, reject) => {
        release = () => reject(new Error('the process died'))
        void input
        void init
        void resolve
      })
    const { a, billing, clock, options } = await setup({ url: hook.url, leaseMs: 30_000 })
    const dying = createBillingServer({
      ...options,
      authenticate: () => null,
      webhooks: { ...options.webhooks, fetch: stuck },
    }).webhooks
    const healthy = createBillingServer({ ...options, authenticate: () => null }).webhooks
    await billing.ledger.charge(a, '20', 'job-1')
    const first = dying?.deliverDue()
    await vi.waitFor(() => expect(release).toBeDefined())
    // While the first delivery holds its lease, nobody else sends the event.
    expect(await healthy?.deliverDue()).toEqual({ delivered: 0, retrying: 0, failed: 0 })
    clock.now = new Date(NOW.getTime() + 30_000)
    expect(await healthy?.deliverDue()).toEqual({ delivered: 1, retrying: 0, failed: 0 })
    // The first delivery fails late: it no longer holds the lease and records nothing.
    release?.()
    expect(await first).toEqual({ delivered: 0, retrying: 0, failed: 0 })
    clock.now = new Date(NOW.getTime() + 86_400_000)
    expect(await healthy?.deliverDue()).toEqual({ delivered: 0, retrying: 0, failed: 0 })
    expect(hook.received.map((r) => JSON.parse(r.body).type)).toEqual(['balance.paused'])
  })

  it('reports automatic top-ups: succeeded, and failed until auto top-up turns itself off', async () => {
    const hook = await receiver()
    const { a, billing, call, dispatcher, options } = await setup({ url: hook.url })
    const save = (token: string, key: string) =>
      call('/billing/auto-top-up', token, {
        method: 'PUT',
        body: JSON.stringify({ enabled: true, threshold: 30, amount: 10, monthlyCap: null }),
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
      })
    // Saved below the threshold with a paying card: one automatic top-up of 10.
    expect((await save('ta', 'auto-1')).body.triggeredTopUp).toMatchObject({ status: 'SUCCEEDED' })
    await dispatcher.deliverDue()
    expect(types(hook.received)).toEqual(['auto_top_up.succeeded'])
    // The card now declines: each run below the threshold fails, the third turns it off.
    options.payments.setCard(a, TEST_CARDS.declined)
    await billing.ledger.charge(a, '1.2', 'job-1')
    await billing.ledger.charge(a, '1.2', 'job-2')
    await billing.ledger.charge(a, '1.2', 'job-3')
    await dispatcher.deliverDue()
    const events = hook.received.map((r) => JSON.parse(r.body))
    // While auto top-up is on, "low" is below its threshold ($30), as the balance reports it.
    expect(events.map((e) => e.type)).toEqual([
      'auto_top_up.succeeded',
      'balance.low',
      'auto_top_up.failed',
      'auto_top_up.failed',
      'auto_top_up.failed',
      'auto_top_up.disabled',
    ])
    expect(events[1].data).toMatchObject({ threshold: '30', balance: '28.8' })
    expect(events[4].data).toMatchObject({ code: 'PAYMENT_DECLINED', consecutiveFailures: 3 })
    expect(events[5].data).toMatchObject({ reason: 'PAYMENT_DECLINED', accountId: a })
  })

  it('reports auto top-up turning off when the card is removed, once however often that is told', async () => {
    const hook = await receiver()
    const { a, billing, call, dispatcher, options } = await setup({ url: hook.url })
    const saved = await call('/billing/auto-top-up', 'ta', {
      method: 'PUT',
      body: JSON.stringify({ enabled: true, threshold: 5, amount: 10 }),
      headers: { 'content-type': 'application/json' },
    })
    expect(saved.body.autoTopUp).toMatchObject({ enabled: true })
    options.payments.setCard(a, null)
    const removed = { type: 'CARD_REMOVED', accountId: a, paymentMethodId: 'pm_card_4242' } as const
    await billing.handlePaymentEvent(removed)
    await billing.handlePaymentEvent(removed)
    await dispatcher.deliverDue()
    const events = hook.received.map((r) => JSON.parse(r.body))
    expect(events).toEqual([
      expect.objectContaining({
        type: 'auto_top_up.disabled',
        data: { accountId: a, balance: '20', currency: 'USD', reason: 'NO_PAYMENT_METHOD' },
      }),
    ])
  })

  it("sends each account's events only to its own endpoint, and only the events asked for", async () => {
    const mine = await receiver()
    const b = accountId()
    const { a, billing, dispatcher, topUp } = await setup({
      url: (account) => (account === b ? null : mine.url),
      events: ['top_up.succeeded'],
    })
    await billing.ledger.openAccount(b, { freeCredit: '20' })
    await billing.ledger.charge(b, '20', 'job-b')
    await billing.ledger.charge(a, '15', 'job-a')
    await topUp(5, 'tu-a')
    await dispatcher.deliverDue()
    expect(hook(mine.received)).toEqual([['top_up.succeeded', a]])
  })
})

function types(received: Received[]) {
  return received.map((r) => JSON.parse(r.body).type)
}

function hook(received: Received[]) {
  return received.map((r) => {
    const event = JSON.parse(r.body)
    return [event.type, event.data.accountId]
  })
}
