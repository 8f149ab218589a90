import { type components, type Usd, usd } from '@payg-kit/core'
import { afterAutoTopUpDecline, planAutoTopUp } from '@payg-kit/core/rules'
import type { Database, Queryable } from './database'
import { clientKey, type createLedgerEngine } from './ledger'
import type { PaymentOutcome, PaymentProvider } from './payments'

type AutoTopUp = components['schemas']['AutoTopUp']
type AutoTopUpAttempt = components['schemas']['AutoTopUpAttempt']
type TopUp = components['schemas']['TopUp']

/**
 * A named step of a top-up payment (manual or automatic), in order: the attempt is recorded,
 * the provider took the payment, the credit is written but not committed, the credit committed.
 */
export type PaymentStep =
  | 'attempt.recorded'
  | 'payment.taken'
  | 'credit.beforeCommit'
  | 'credit.committed'

/** The attempt a `PaymentStep` is about. */
export interface PaymentStepInfo {
  attemptId: string
  accountId: string
  kind: 'MANUAL' | 'AUTOMATIC'
}

/** What `resumePending` did: attempts settled each way, and those still pending. */
export interface ResumeResult {
  succeeded: number
  declined: number
  pending: number
}

/** One row of `payg_top_up_attempts`, as read. */
export interface AttemptRow {
  id: string
  account_id: string
  kind: 'MANUAL' | 'AUTOMATIC'
  amount: string
  description: string
  status: 'PENDING' | 'SUCCEEDED' | 'DECLINED' | 'CANCELLED'
  /** How many times it was sent to the provider (set by the claim). */
  tries?: number
  provider_key: string
  request_key: string | null
  message: string | null
  payment_id: string | null
  payment_method_id: string | null
  failure_code: 'PAYMENT_DECLINED' | 'NO_PAYMENT_METHOD' | null
  decline_code: string | null
  created_at: Date | string
}

interface SettingsRow {
  enabled: boolean
  threshold: number | null
  amount: number | null
  monthly_cap: number | null
  consecutive_failures: number
  disabled_reason: AutoTopUp['disabledReason']
  declined_payment_method_id: string | null
  last_attempt: AutoTopUpAttempt | null
  rule_month: string
}

/** How long a top-up may wait for 3-D Secure, or for its lost answer, before it is declined. */
const AUTHENTICATION_TTL_MS = 24 * 60 * 60 * 1000

const ATTEMPT_COLUMNS = `id, account_id, kind, amount::text AS amount, description, status, provider_key,
  request_key, message, payment_id, payment_method_id, failure_code, decline_code, created_at, tries`

const SETTINGS_COLUMNS = `enabled, threshold, amount, monthly_cap, consecutive_failures, disabled_reason,
  declined_payment_method_id, last_attempt, rule_month`

/** The calendar month (UTC) of a date, e.g. `2026-12`. */
function monthOf(date: Date): string {
  return date.toISOString().slice(0, 7)
}

function iso(value: Date | string): string {
  return new Date(value).toISOString()
}

/** The spec's `TopUp` of a settled attempt. */
export function toTopUp(row: AttemptRow): TopUp {
  return {
    id: row.id,
    amount: row.amount,
    kind: row.kind,
    status: row.status === 'SUCCEEDED' ? 'SUCCEEDED' : 'DECLINED',
    paymentMethodId: row.payment_method_id,
    createdAt: iso(row.created_at),
  }
}

/** Options of the auto top-up engine (from the billing server's options). */
export interface AutoTopUpEngineOptions {
  database: Database
  engine: ReturnType<typeof createLedgerEngine>
  payments?: PaymentProvider
  topUpLimits: { min: number; max: number }
  /** How long one process may drive an attempt before another may take it over. */
  leaseMs: number
  onStep?: (step: PaymentStep, attempt: PaymentStepInfo) => void | Promise<void>
  /** Reports a declined automatic top-up, or auto top-up turning off, in that transaction. */
  declined?: (
    tx: Queryable,
    accountId: string,
    at: Date,
    events: {
      type: 'auto_top_up.failed' | 'auto_top_up.disabled'
      data: Record<string, unknown>
    }[],
  ) => Promise<void>
}

/**
 * Auto top-up and the outbox of top-up attempts: the rule runs inside the transaction that
 * moved the balance (the account row locked) and records at most one open automatic attempt per
 * account; after commit the attempt is driven: the provider is charged with the attempt's key,
 * then one transaction credits the ledger and closes the attempt (or records the decline).
 */
export function createAutoTopUpEngine(options: AutoTopUpEngineOptions) {
  const { database, engine, payments, topUpLimits, leaseMs, onStep } = options
  const now = engine.now

  async function step(name: PaymentStep, row: AttemptRow) {
    await onStep?.(name, { attemptId: row.id, accountId: row.account_id, kind: row.kind })
  }

  async function settings(q: Queryable, accountId: string): Promise<SettingsRow | undefined> {
    const [row] = await q.query<SettingsRow>(
      `SELECT ${SETTINGS_COLUMNS} FROM payg_auto_top_up WHERE account_id = $1`,
      [accountId],
    )
    return row
  }

  /** Automatic top-ups that succeeded in the calendar month (UTC) of `at`, in dollars. */
  async function spentThisMonth(q: Queryable, accountId: string, at: Date): Promise<string> {
    const start = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth()))
    const end = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1))
    const [row] = await q.query<{ spent: string }>(
      `SELECT coalesce(sum(amount), 0)::text AS spent FROM payg_top_up_attempts
       WHERE account_id = $1 AND kind = 'AUTOMATIC' AND status = 'SUCCEEDED'
         AND created_at >= $2::timestamptz AND created_at < $3::timestamptz`,
      [accountId, start.toISOString(), end.toISOString()],
    )
    return usd(row?.spent ?? '0').amount
  }

  async function setLastAttempt(tx: Queryable, accountId: string, attempt: AutoTopUpAttempt) {
    await tx.query('UPDATE payg_auto_top_up SET last_attempt = $2::jsonb WHERE account_id = $1', [
      accountId,
      JSON.stringify(attempt),
    ])
  }

  /**
   * The rule, in the transaction that holds the account's row lock, at `balance`: records one
   * pending automatic attempt when a top-up is due and none is open (the partial unique index
   * backs that), or a `CAP_REACHED` attempt. Returns the new attempt's id, or null.
   */
  async function runRule(
    tx: Queryable,
    accountId: string,
    balance: Usd,
    at: Date,
  ): Promise<string | null> {
    const row = await settings(tx, accountId)
    if (!row) return null
    const month = monthOf(at)
    if (row.rule_month !== month) {
      await tx.query('UPDATE payg_auto_top_up SET rule_month = $2 WHERE account_id = $1', [
        accountId,
        month,
      ])
    }
    if (!row.enabled) return null
    const open = await tx.query(
      `SELECT 1 FROM payg_top_up_attempts
       WHERE account_id = $1 AND kind = 'AUTOMATIC' AND status = 'PENDING'`,
      [accountId],
    )
    if (open.length > 0) return null
    const plan = planAutoTopUp({
      balance,
      settings: {
        enabled: row.enabled,
        threshold: row.threshold,
        amount: row.amount,
        monthlyCap: row.monthly_cap,
      },
      spentThisMonth: await spentThisMonth(tx, accountId, at),
      limits: topUpLimits,
    })
    if (plan.action === 'NONE') return null
    if (plan.action === 'CAP_REACHED') {
      await setLastAttempt(tx, accountId, {
        at: at.toISOString(),
        status: 'CAP_REACHED',
        amount: plan.amount,
        topUpId: null,
        message: plan.message,
      })
      return null
    }
    const id = `tu_${crypto.randomUUID()}`
    const inserted = await tx.query<{ id: string }>(
      `INSERT INTO payg_top_up_attempts
         (id, account_id, kind, amount, description, provider_key, message, created_at)
       VALUES ($1, $2, 'AUTOMATIC', $3::numeric, $4, $1, $5, $6::timestamptz)
       ON CONFLICT DO NOTHING RETURNING id`,
      [id, accountId, plan.amount, plan.description, plan.message, at.toISOString()],
    )
    return inserted[0]?.id ?? null
  }

  async function read(id: string): Promise<AttemptRow | undefined> {
    const [row] = await database.query<AttemptRow>(
      `SELECT ${ATTEMPT_COLUMNS} FROM payg_top_up_attempts WHERE id = $1`,
      [id],
    )
    return row
  }

  /** Records settling `row` with `outcome` in `tx`; returns a follow-up automatic attempt's id. */
  async function settle(
    tx: Queryable,
    row: AttemptRow,
    outcome: Exclude<PaymentOutcome, { status: 'REQUIRES_ACTION' }>,
    at: Date,
  ): Promise<string | null> {
    const accountId = row.account_id
    if (outcome.status === 'SUCCEEDED') {
      // payg_ledger.payment_id is unique: one payment is credited once, whatever races here.
      const written = await engine.append(
        tx,
        accountId,
        {
          type: row.kind === 'AUTOMATIC' ? 'AUTO_TOP_UP' : 'TOP_UP',
          amount: usd(row.amount),
          description: row.description,
          topUpId: row.id,
          paymentId: outcome.paymentId,
        },
        at,
      )
      await tx.query(
        `UPDATE payg_top_up_attempts
         SET status = 'SUCCEEDED', payment_id = $2, payment_method_id = $3, settled_at = $4::timestamptz,
             claimed_until = NULL
         WHERE id = $1`,
        [row.id, outcome.paymentId, outcome.paymentMethodId, at.toISOString()],
      )
      const settled: AttemptRow = {
        ...row,
        status: 'SUCCEEDED',
        payment_id: outcome.paymentId,
        payment_method_id: outcome.paymentMethodId,
      }
      if (row.kind === 'AUTOMATIC') {
        await tx.query(
          `UPDATE payg_auto_top_up SET consecutive_failures = 0, last_attempt = $2::jsonb
           WHERE account_id = $1`,
          [
            accountId,
            JSON.stringify({
              at: iso(row.created_at),
              status: 'SUCCEEDED',
              amount: row.amount,
              topUpId: row.id,
              message: row.message,
            } satisfies AutoTopUpAttempt),
          ],
        )
        return null
      }
      // A manual top-up's answer is stored with its key in the same transaction, and it runs
      // the rule (a top-up that leaves the balance below the threshold starts one).
      if (row.request_key !== null) {
        await engine.remember(
          tx,
          accountId,
          clientKey(row.request_key),
          { op: 'topUp', amount: row.amount },
          { ...written, replayed: false, topUp: toTopUp(settled) },
          at,
        )
      }
      return runRule(tx, accountId, usd(written.balance), at)
    }
    await tx.query(
      `UPDATE payg_top_up_attempts
       SET status = 'DECLINED', failure_code = $2, decline_code = $3, payment_method_id = $4,
           settled_at = $5::timestamptz, claimed_until = NULL
       WHERE id = $1`,
      [
        row.id,
        outcome.code,
        outcome.declineCode ?? null,
        outcome.paymentMethodId,
        at.toISOString(),
      ],
    )
    if (row.kind === 'AUTOMATIC') {
      const current = await settings(tx, accountId)
      const noCard = outcome.code === 'NO_PAYMENT_METHOD'
      const next = noCard
        ? { consecutiveFailures: current?.consecutive_failures ?? 0, turnOff: true }
        : afterAutoTopUpDecline(current?.consecutive_failures ?? 0)
      await tx.query(
        `UPDATE payg_auto_top_up
         SET consecutive_failures = $2, last_attempt = $3::jsonb,
             enabled = CASE WHEN $4 THEN false ELSE enabled END,
             disabled_reason = CASE WHEN $4 THEN $5 ELSE disabled_reason END,
             declined_payment_method_id = CASE WHEN $4 THEN $6 ELSE declined_payment_method_id END
         WHERE account_id = $1`,
        [
          accountId,
          next.consecutiveFailures,
          JSON.stringify({
            at: iso(row.created_at),
            status: 'DECLINED',
            amount: row.amount,
            topUpId: row.id,
            message: noCard ? 'No payment method is saved.' : 'Your card was declined.',
          } satisfies AutoTopUpAttempt),
          next.turnOff,
          noCard ? 'NO_PAYMENT_METHOD' : 'PAYMENT_DECLINED',
          outcome.paymentMethodId,
        ],
      )
      const reason = noCard ? 'NO_PAYMENT_METHOD' : 'PAYMENT_DECLINED'
      await options.declined?.(tx, accountId, at, [
        {
          type: 'auto_top_up.failed',
          data: {
            topUpId: row.id,
            amount: row.amount,
            code: outcome.code,
            declineCode: outcome.declineCode ?? null,
            consecutiveFailures: next.consecutiveFailures,
          },
        },
        ...(next.turnOff ? [{ type: 'auto_top_up.disabled' as const, data: { reason } }] : []),
      ])
    }
    return null
  }

  /**
   * Drives one attempt: claims it (unless another process holds a live claim, or `force`),
   * charges the provider with the attempt's own key, then credits and closes it in one
   * transaction. No row lock is held across the provider call. An unknown outcome (the provider
   * threw) leaves it pending, to be tried again with the same key. `credited` says whether this
   * call wrote the credit.
   */
  async function drive(
    id: string,
    force: boolean,
  ): Promise<{
    row: AttemptRow | undefined
    credited: boolean
    requiresAction?: boolean
    clientSecret?: string
  }> {
    const at = now()
    const [claimed] = await database.query<AttemptRow>(
      `UPDATE payg_top_up_attempts SET claimed_until = $3::timestamptz, tries = tries + 1
       WHERE id = $1 AND status = 'PENDING'
         AND ($2::boolean OR claimed_until IS NULL OR claimed_until <= $4::timestamptz)
       RETURNING ${ATTEMPT_COLUMNS}`,
      [id, force, new Date(at.getTime() + leaseMs).toISOString(), at.toISOString()],
    )
    if (!claimed) return { row: await read(id), credited: false }
    await step('attempt.recorded', claimed)
    const age = at.getTime() - new Date(claimed.created_at).getTime()
    let outcome: PaymentOutcome
    try {
      // A try after the first may follow one whose answer was lost: ask the provider what
      // became of it before charging, so a payment taken then is settled as it is.
      const retried = payments !== undefined && (claimed.tries ?? 0) > 1
      const earlier = retried
        ? await payments.lookup({
            accountId: claimed.account_id,
            idempotencyKey: claimed.provider_key,
          })
        : null
      if (earlier) outcome = earlier
      else if (retried && age >= AUTHENTICATION_TTL_MS) {
        // No payment a day after the attempt began: it gives up rather than charge now, when
        // nobody waits for it any more and the provider may have forgotten its key.
        outcome = {
          status: 'DECLINED',
          code: 'PAYMENT_DECLINED',
          declineCode: 'expired',
          paymentMethodId: null,
        }
      } else {
        outcome = payments
          ? await payments.charge({
              accountId: claimed.account_id,
              amount: claimed.amount,
              idempotencyKey: claimed.provider_key,
            })
          : { status: 'DECLINED', code: 'NO_PAYMENT_METHOD', paymentMethodId: null }
      }
    } catch {
      // The outcome is unknown: the attempt stays pending and is asked again with the same key.
      await database.query(
        `UPDATE payg_top_up_attempts SET claimed_until = NULL WHERE id = $1 AND status = 'PENDING'`,
        [id],
      )
      return { row: claimed, credited: false }
    }
    if (outcome.status === 'REQUIRES_ACTION') {
      if (claimed.kind === 'MANUAL' && age < AUTHENTICATION_TTL_MS) {
        // The cardholder must authenticate (3-D Secure): the attempt stays pending, and the same
        // key, sent again once they have, reaches the payment and credits it. Until then the
        // account's requests leave it alone for a lease, rather than asking on each of them.
        await database.query(
          `UPDATE payg_top_up_attempts SET claimed_until = $2::timestamptz
           WHERE id = $1 AND status = 'PENDING'`,
          [id, new Date(now().getTime() + leaseMs).toISOString()],
        )
        return {
          row: claimed,
          credited: false,
          requiresAction: true,
          clientSecret: outcome.clientSecret,
        }
      }
      // An automatic top-up runs off-session: nobody is there to authenticate, so it is a decline;
      // so is a manual one the cardholder left unauthenticated for a day.
      outcome = {
        status: 'DECLINED',
        code: 'PAYMENT_DECLINED',
        declineCode: 'authentication_required',
        paymentMethodId: outcome.paymentMethodId,
      }
    }
    const settled: Exclude<PaymentOutcome, { status: 'REQUIRES_ACTION' }> = outcome
    await step('payment.taken', claimed)
    const done = await database.transaction(async (tx) => {
      await engine.lockAccount(tx, claimed.account_id)
      const [row] = await tx.query<AttemptRow>(
        `SELECT ${ATTEMPT_COLUMNS} FROM payg_top_up_attempts WHERE id = $1 FOR UPDATE`,
        [id],
      )
      if (row?.status !== 'PENDING') return { row, credited: false, followUp: null }
      const followUp = await settle(tx, row, settled, now())
      await step('credit.beforeCommit', row)
      return { row: undefined, credited: outcome.status === 'SUCCEEDED', followUp }
    })
    await step('credit.committed', claimed)
    if (done.followUp) await drive(done.followUp, false)
    return { row: done.row ?? (await read(id)), credited: done.credited }
  }

  /** Drives the account's (or every account's) pending attempts, oldest first. */
  async function resume(accountId: string | null, force: boolean): Promise<ResumeResult> {
    const pending = await database.query<{ id: string }>(
      `SELECT id FROM payg_top_up_attempts
       WHERE status = 'PENDING' AND ($1::text IS NULL OR account_id = $1)
       ORDER BY created_at, id`,
      [accountId],
    )
    return driveAll(
      pending.map((row) => row.id),
      force,
    )
  }

  async function driveAll(ids: readonly string[], force: boolean): Promise<ResumeResult> {
    const result: ResumeResult = { succeeded: 0, declined: 0, pending: 0 }
    for (const id of ids) {
      const { row } = await drive(id, force)
      if (row?.status === 'SUCCEEDED') result.succeeded++
      else if (row?.status === 'DECLINED') result.declined++
      else result.pending++
    }
    return result
  }

  /**
   * What runs whenever an account is touched: a new calendar month runs the rule again (a fresh
   * cap), and pending attempts nobody is driving are driven.
   */
  async function touch(accountId: string): Promise<void> {
    await engine.start()
    // One round trip in the common case: is a new month due, and which attempts are pending?
    const [state] = await database.query<{ new_month: boolean | null; pending: string[] }>(
      `SELECT (SELECT enabled AND rule_month <> $2 FROM payg_auto_top_up WHERE account_id = $1)
                AS new_month,
              ARRAY(SELECT id FROM payg_top_up_attempts WHERE account_id = $1 AND status = 'PENDING'
                    ORDER BY created_at, id) AS pending`,
      [accountId, monthOf(now())],
    )
    let pending = state?.pending ?? []
    if (state?.new_month) {
      const started = await database.transaction(async (tx) => {
        const balance = await engine.lockAccount(tx, accountId)
        return runRule(tx, accountId, balance, now())
      })
      if (started !== null) pending = [...pending, started]
    }
    await driveAll(pending, false)
  }

  /** The spec's `AutoTopUp` for the account. */
  // The top-up policy, so a form can check amounts before sending them.
  const limits = { minimum: topUpLimits.min, maximum: topUpLimits.max }

  async function view(accountId: string): Promise<AutoTopUp> {
    const row = await settings(database, accountId)
    const spent = await spentThisMonth(database, accountId, now())
    if (!row) {
      return {
        enabled: false,
        threshold: null,
        amount: null,
        monthlyCap: null,
        spentThisMonth: spent,
        consecutiveFailures: 0,
        disabledReason: null,
        lastAttempt: null,
        topUpLimits: limits,
      }
    }
    return {
      enabled: row.enabled,
      threshold: row.threshold,
      amount: row.amount,
      monthlyCap: row.monthly_cap,
      spentThisMonth: spent,
      consecutiveFailures: row.consecutive_failures,
      disabledReason: row.disabled_reason,
      lastAttempt: row.last_attempt,
      topUpLimits: limits,
    }
  }

  /** A manual top-up's attempt for `requestKey`, recorded before any payment (or the earlier one). */
  async function recordManual(
    accountId: string,
    requestKey: string,
    providerKey: string,
    amount: string,
  ): Promise<AttemptRow> {
    // Under the account's lock, taken first as every other writer of attempts takes it (a
    // lookup cancelling this key, a credit): an insert that locked the key's index entry and
    // then waited on the account row for its foreign key would deadlock with a lookup that
    // holds the row and waits on the key.
    return database.transaction(async (tx) => {
      await engine.lockAccount(tx, accountId)
      await tx.query(
        `INSERT INTO payg_top_up_attempts
           (id, account_id, kind, amount, description, provider_key, request_key, created_at)
         VALUES ($1, $2, 'MANUAL', $3::numeric, 'Manual top-up', $4, $5, $6::timestamptz)
         ON CONFLICT DO NOTHING`,
        [
          `tu_${crypto.randomUUID()}`,
          accountId,
          amount,
          providerKey,
          requestKey,
          now().toISOString(),
        ],
      )
      const [row] = await tx.query<AttemptRow>(
        `SELECT ${ATTEMPT_COLUMNS} FROM payg_top_up_attempts WHERE account_id = $1 AND request_key = $2`,
        [accountId, requestKey],
      )
      if (!row) throw new Error('[payg-kit] The top-up attempt was not recorded.')
      return row
    })
  }

  /**
   * Turns an enabled auto top-up off (`NO_PAYMENT_METHOD`) when the saved card is removed, and
   * reports it (`auto_top_up.disabled`) in the same transaction; an off one is left as it is.
   */
  async function paymentMethodRemoved(accountId: string): Promise<void> {
    await engine.start()
    await database.transaction(async (tx) => {
      const at = now()
      const turnedOff = await tx.query(
        `UPDATE payg_auto_top_up
         SET enabled = false, disabled_reason = 'NO_PAYMENT_METHOD', updated_at = $2::timestamptz
         WHERE account_id = $1 AND enabled RETURNING account_id`,
        [accountId, at.toISOString()],
      )
      if (turnedOff.length === 0) return
      await options.declined?.(tx, accountId, at, [
        { type: 'auto_top_up.disabled', data: { reason: 'NO_PAYMENT_METHOD' } },
      ])
    })
  }

  return {
    runRule,
    drive,
    resume,
    touch,
    view,
    settings,
    read,
    recordManual,
    paymentMethodRemoved,
  }
}

/** The auto top-up engine a billing server runs (not public API). */
export type AutoTopUpEngine = ReturnType<typeof createAutoTopUpEngine>
