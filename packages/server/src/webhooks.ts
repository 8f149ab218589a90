import { compare, isZero, subtract, type Usd } from '@payg-kit/core'
import { Webhook } from 'standardwebhooks'
import type { Database, Queryable } from './database'
import type { Entry } from './ledger'

/** The events the billing server sends, as Standard Webhooks `type`s. */
export const WEBHOOK_EVENT_TYPES = [
  'balance.low',
  'balance.paused',
  'top_up.succeeded',
  'auto_top_up.succeeded',
  'auto_top_up.failed',
  'auto_top_up.disabled',
] as const

/** One kind of event the billing server sends. */
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number]

/** The body of one delivery, in the Standard Webhooks shape. */
export interface WebhookEvent {
  type: WebhookEventType
  /** When the event happened (ISO 8601). */
  timestamp: string
  data: { accountId: string; balance: string; currency: 'USD' } & Record<string, unknown>
}

/** Where and how events are delivered. */
export interface WebhookOptions {
  /** The endpoint for an account's events (or one for all); null sends none for that account. */
  url: string | ((accountId: string) => string | null)
  /** The signing secret, `whsec_` followed by base64, as Standard Webhooks defines it. */
  secret: string
  /** Which events to send (default all). */
  events?: readonly WebhookEventType[]
  /** Attempts before an event is marked failed (default 8). */
  maxAttempts?: number
  /** Delay before attempt `n + 1`, in milliseconds (default 5 s, 5 min, 30 min, 2 h, 5 h, 10 h …). */
  backoffMs?: (attempt: number) => number
  /** How long one delivery may take before another dispatcher takes it over (default 30 s). */
  leaseMs?: number
  /** The fetch that delivers (default the global one). */
  fetch?: typeof fetch
}

/** What one `deliverDue()` did. */
export interface DeliveryReport {
  delivered: number
  /** Attempts that failed and will be retried. */
  retrying: number
  /** Events that ran out of attempts. */
  failed: number
}

/** Delivers the outbox: call `deliverDue()` on a timer or after writes, from any process. */
export interface WebhookDispatcher {
  /** Delivers every event that is due, each at most once at a time across processes. */
  deliverDue(options?: { limit?: number }): Promise<DeliveryReport>
  /** Calls `deliverDue()` every `intervalMs` (default 5 s) until the returned function is called. */
  start(intervalMs?: number): () => void
  /** Sends a failed event again (its attempts start over). */
  redeliver(eventId: string): Promise<boolean>
}

const SCHEDULE_MS = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000]

/** The balance crossings and entries that make events, from one ledger append. */
export function eventsOf(
  entry: Entry,
  after: Usd,
  lowThreshold: Usd | null,
): { type: WebhookEventType; data: Record<string, unknown> }[] {
  const before = subtract(after, entry.amount)
  const events: { type: WebhookEventType; data: Record<string, unknown> }[] = []
  const transaction = { type: entry.type, amount: entry.amount.amount }
  if (entry.type === 'TOP_UP') events.push({ type: 'top_up.succeeded', data: { transaction } })
  if (entry.type === 'AUTO_TOP_UP') {
    events.push({ type: 'auto_top_up.succeeded', data: { transaction } })
  }
  if (isZero(after) && !isZero(before)) events.push({ type: 'balance.paused', data: {} })
  else if (
    lowThreshold !== null &&
    !isZero(after) &&
    compare(after, lowThreshold) < 0 &&
    compare(before, lowThreshold) >= 0
  ) {
    events.push({ type: 'balance.low', data: { threshold: lowThreshold.amount } })
  }
  return events
}

/**
 * Writes events into the outbox inside the caller's transaction: they are committed, or rolled
 * back, with the change they report.
 */
export async function enqueueEvents(
  tx: Queryable,
  accountId: string,
  balance: Usd,
  at: Date,
  events: readonly { type: WebhookEventType; data: Record<string, unknown> }[],
  options: Pick<WebhookOptions, 'events'>,
): Promise<void> {
  for (const { type, data } of events) {
    if (options.events && !options.events.includes(type)) continue
    const payload: WebhookEvent = {
      type,
      timestamp: at.toISOString(),
      data: { accountId, balance: balance.amount, currency: 'USD', ...data },
    }
    await tx.query(
      `INSERT INTO payg_webhook_outbox (id, account_id, type, payload, created_at, next_attempt_at)
       VALUES ($1, $2, $3, $4::jsonb, $5::timestamptz, $5::timestamptz)`,
      [`msg_${crypto.randomUUID()}`, accountId, type, JSON.stringify(payload), at.toISOString()],
    )
  }
}

interface OutboxRow {
  seq: string
  lease: string
  id: string
  account_id: string
  payload: WebhookEvent
  attempts: number
}

/** The dispatcher for `database`'s outbox, signing with `options.secret`. */
export function createWebhookDispatcher(
  database: Database,
  options: WebhookOptions,
  now: () => Date = () => new Date(),
  ready: () => Promise<unknown> = async () => undefined,
): WebhookDispatcher {
  const signer = new Webhook(options.secret)
  const maxAttempts = options.maxAttempts ?? 8
  const leaseMs = options.leaseMs ?? 30_000
  const backoff =
    options.backoffMs ?? ((n: number) => SCHEDULE_MS[Math.min(n - 1, SCHEDULE_MS.length - 1)] ?? 0)
  const send = options.fetch ?? fetch

  async function claim(limit: number): Promise<OutboxRow[]> {
    const at = now()
    const rows = await database.transaction((tx) =>
      tx.query<OutboxRow>(
        `UPDATE payg_webhook_outbox
         SET leased_until = $2::timestamptz, lease = $4, attempts = attempts + 1
         WHERE seq IN (
           SELECT seq FROM payg_webhook_outbox
           WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $1::timestamptz
             AND (leased_until IS NULL OR leased_until <= $1::timestamptz)
           ORDER BY seq LIMIT $3 FOR UPDATE SKIP LOCKED)
         RETURNING seq::text AS seq, lease, id, account_id, payload, attempts`,
        [
          at.toISOString(),
          new Date(at.getTime() + leaseMs).toISOString(),
          limit,
          crypto.randomUUID(),
        ],
      ),
    )
    // UPDATE ... RETURNING keeps no order: deliver in the order the events happened.
    return rows.sort((a, b) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : 1))
  }

  async function deliver(row: OutboxRow): Promise<string | null> {
    let url: string | null
    try {
      url = typeof options.url === 'function' ? options.url(row.account_id) : options.url
    } catch (error) {
      return error instanceof Error ? error.message : String(error)
    }
    if (url === null) return null
    const body = JSON.stringify(row.payload)
    const at = now()
    const signal = AbortSignal.timeout(leaseMs / 2)
    try {
      const response = await send(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': row.id,
          'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
          'webhook-signature': signer.sign(row.id, at, body),
        },
        body,
        signal,
        redirect: 'manual',
      })
      await response.body?.cancel()
      return response.status >= 200 && response.status < 300 ? null : `HTTP ${response.status}`
    } catch (error) {
      return error instanceof Error ? error.message : String(error)
    }
  }

  const dispatcher: WebhookDispatcher = {
    async deliverDue({ limit = 100 } = {}) {
      await ready()
      const report: DeliveryReport = { delivered: 0, retrying: 0, failed: 0 }
      for (const row of await claim(limit)) {
        const failure = await deliver(row)
        const at = now()
        // Only the delivery that still holds the lease records its outcome: one that outlived
        // its lease (and was taken over) changes nothing.
        const record = async (set: string, params: unknown[]) => {
          const rows = await database.query(
            `UPDATE payg_webhook_outbox SET ${set}, leased_until = NULL, lease = NULL
             WHERE id = $1 AND lease = $2 RETURNING id`,
            [row.id, row.lease, ...params],
          )
          return rows.length > 0
        }
        const error = failure?.slice(0, 500)
        if (failure === null) {
          const set = 'delivered_at = $3::timestamptz, last_error = NULL'
          if (await record(set, [at.toISOString()])) report.delivered += 1
        } else if (row.attempts >= maxAttempts) {
          const set = 'failed_at = $3::timestamptz, last_error = $4'
          if (await record(set, [at.toISOString(), error])) report.failed += 1
        } else {
          const next = new Date(at.getTime() + backoff(row.attempts)).toISOString()
          const set = 'next_attempt_at = $3::timestamptz, last_error = $4'
          if (await record(set, [next, error])) report.retrying += 1
        }
      }
      return report
    },
    start(intervalMs = 5_000) {
      let running = false
      const timer = setInterval(() => {
        if (running) return
        running = true
        dispatcher
          .deliverDue()
          .catch(() => undefined)
          .finally(() => {
            running = false
          })
      }, intervalMs)
      return () => clearInterval(timer)
    },
    async redeliver(eventId) {
      await ready()
      const rows = await database.query(
        `UPDATE payg_webhook_outbox SET failed_at = NULL, attempts = 0, leased_until = NULL,
           lease = NULL, next_attempt_at = $2::timestamptz WHERE id = $1 AND failed_at IS NOT NULL RETURNING id`,
        [eventId, now().toISOString()],
      )
      return rows.length > 0
    },
  }
  return dispatcher
}
