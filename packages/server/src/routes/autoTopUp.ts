import {
  type components,
  type FieldError,
  isPaygError,
  PaymentDeclinedError,
  ServerError,
  ValidationError,
} from '@payg-kit/core'
import {
  type AutoTopUpUpdateInput,
  checkAutoTopUpPolicy,
  readAutoTopUpUpdate,
} from '@payg-kit/core/rules'
import { toApiError, withMessage } from '../apiError'
import { type AttemptRow, toTopUp } from '../autoTopUp'
import type { Queryable } from '../database'
import { idempotencyKey, json, readJson } from '../http'
import { clientKey } from '../ledger'
import { DEFAULT_TOP_UP_POLICY } from '../topUpPolicy'
import type { Routes, ServerContext } from './types'

type AutoTopUpResult = components['schemas']['AutoTopUpResult']

/** An answer an idempotency key stores and replays: a success or a payment refusal. */
interface Answer {
  status: number
  body: unknown
}

function invalidSettings(fieldErrors: FieldError[]): ValidationError {
  const message = 'The auto top-up settings are invalid.'
  return withMessage(new ValidationError({ status: 422, message, fieldErrors }), message)
}

function refusal(code: 'PAYMENT_DECLINED' | 'NO_PAYMENT_METHOD', message: string) {
  return withMessage(new PaymentDeclinedError({ status: 402, code, message }), message)
}

/** The body of `PUT /billing/auto-top-up`, checked by the rule shared with the mock. */
function readUpdate(body: unknown): AutoTopUpUpdateInput {
  const read = readAutoTopUpUpdate(body)
  if (!read.ok) throw invalidSettings(read.errors)
  return read.update
}

/**
 * `GET/PUT/DELETE /billing/auto-top-up`: the settings, saving them (which runs the rule at once
 * when the balance is below the threshold) and turning auto top-up off.
 */
export function autoTopUpRoutes(context: ServerContext): Routes {
  const { engine, autoTopUp, options } = context
  const { topUpLimits = DEFAULT_TOP_UP_POLICY } = options

  /** The policy and cap rules, on the saved cap when the body omits it. */
  function checkSettings(amount: number, cap: number | null) {
    const errors = checkAutoTopUpPolicy(amount, cap, topUpLimits)
    if (errors.length > 0) throw invalidSettings(errors)
  }

  async function result(accountId: string, triggered: AttemptRow | null): Promise<Answer> {
    const { balance, updatedAt } = await context.ledger.account(accountId)
    const body: AutoTopUpResult = {
      autoTopUp: await autoTopUp.view(accountId),
      balance: await context.balanceBody(accountId, balance, updatedAt),
      triggeredTopUp: triggered ? toTopUp(triggered) : null,
    }
    return { status: 200, body }
  }

  async function update(accountId: string, input: AutoTopUpUpdateInput): Promise<Answer> {
    const saved = await autoTopUp.settings(options.database, accountId)
    const capOf = (row: typeof saved) =>
      input.monthlyCap === undefined ? (row?.monthly_cap ?? null) : input.monthlyCap
    checkSettings(input.amount, capOf(saved))
    if (input.enabled) {
      const method = options.payments?.paymentMethod
        ? await options.payments.paymentMethod(accountId)
        : options.payments
          ? undefined
          : null
      if (method === null) {
        throw refusal('NO_PAYMENT_METHOD', 'Add a payment method before turning on auto top-up.')
      }
      if (
        saved?.disabled_reason === 'PAYMENT_DECLINED' &&
        method !== undefined &&
        method.id === saved.declined_payment_method_id
      ) {
        throw refusal(
          'PAYMENT_DECLINED',
          'Auto top-up was turned off after repeated declines. Update your payment method first.',
        )
      }
    }
    const attemptId = await options.database.transaction(async (tx) => {
      const balance = await engine.lockAccount(tx, accountId)
      const previous = await autoTopUp.settings(tx, accountId)
      const cap = capOf(previous)
      checkSettings(input.amount, cap)
      const failures =
        input.enabled && !previous?.enabled ? 0 : (previous?.consecutive_failures ?? 0)
      const at = engine.now()
      await save(tx, accountId, at, {
        enabled: input.enabled,
        threshold: input.threshold,
        amount: input.amount,
        cap,
        failures,
        reason: input.enabled ? null : 'USER',
      })
      return autoTopUp.runRule(tx, accountId, balance, at)
    })
    let triggered: AttemptRow | null = null
    if (attemptId !== null) {
      const { row } = await autoTopUp.drive(attemptId, true)
      if (!row || row.status === 'PENDING') {
        const message =
          'The settings are saved; the automatic top-up could not be confirmed and is retried.'
        throw withMessage(new ServerError({ status: 503, message }), message)
      }
      triggered = row
    }
    return result(accountId, triggered)
  }

  async function save(
    tx: Queryable,
    accountId: string,
    at: Date,
    s: {
      enabled: boolean
      threshold: number
      amount: number
      cap: number | null
      failures: number
      reason: 'USER' | null
    },
  ) {
    await tx.query(
      `INSERT INTO payg_auto_top_up
         (account_id, enabled, threshold, amount, monthly_cap, consecutive_failures, disabled_reason,
          rule_month, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::timestamptz)
       ON CONFLICT (account_id) DO UPDATE
         SET enabled = EXCLUDED.enabled, threshold = EXCLUDED.threshold, amount = EXCLUDED.amount,
             monthly_cap = EXCLUDED.monthly_cap,
             consecutive_failures = EXCLUDED.consecutive_failures,
             disabled_reason = EXCLUDED.disabled_reason, updated_at = EXCLUDED.updated_at`,
      [
        accountId,
        s.enabled,
        s.threshold,
        s.amount,
        s.cap,
        s.failures,
        s.reason,
        at.toISOString().slice(0, 7),
        at.toISOString(),
      ],
    )
  }

  async function disable(accountId: string): Promise<Answer> {
    await options.database.transaction(async (tx) => {
      await engine.lockAccount(tx, accountId)
      const at = engine.now()
      await tx.query(
        `INSERT INTO payg_auto_top_up (account_id, enabled, disabled_reason, rule_month, updated_at)
         VALUES ($1, false, 'USER', $2, $3::timestamptz)
         ON CONFLICT (account_id) DO UPDATE
           SET enabled = false, disabled_reason = 'USER', updated_at = EXCLUDED.updated_at`,
        [accountId, at.toISOString().slice(0, 7), at.toISOString()],
      )
    })
    return result(accountId, null)
  }

  /**
   * Runs a write under the optional `Idempotency-Key`: the same key and body replay the first
   * answer (a success or a payment refusal) with `Idempotent-Replayed: true`; another body is 409.
   */
  async function idempotent(
    accountId: string,
    key: string | null,
    intent: Record<string, unknown>,
    run: () => Promise<Answer>,
  ): Promise<Response> {
    await context.account(accountId)
    if (key === null) {
      const answer = await run()
      return json(answer.status, answer.body)
    }
    const stored = clientKey(key)
    // Claimed before it runs: the same key racing with another body is a 409, never a second run.
    const seen = await engine.claim<Answer>(accountId, stored, intent)
    if (seen.state === 'conflict') engine.conflict(key)
    if (seen.state === 'replay') {
      return json(seen.response.status, seen.response.body, { 'idempotent-replayed': 'true' })
    }
    let answer: Answer
    try {
      answer = await run()
    } catch (error) {
      if (!isPaygError(error) || error.status !== 402) {
        // Nothing to replay: the key is free again for a retry (with any body).
        await engine.release(accountId, stored, intent)
        throw error
      }
      answer = { status: 402, body: toApiError(error).body }
    }
    await options.database.transaction((tx) =>
      engine.remember(tx, accountId, stored, intent, answer, engine.now()),
    )
    return json(answer.status, answer.body)
  }

  return {
    '/billing/auto-top-up': {
      GET: async ({ accountId }) => {
        await context.account(accountId)
        return json(200, await autoTopUp.view(accountId))
      },
      PUT: async ({ accountId, request }) => {
        // The header first, then the body (as the mock): only a valid AutoTopUpUpdate (four
        // flat fields) is ever hashed or stored under the key.
        const key = idempotencyKey(request)
        const body = await readJson(request)
        const input = readUpdate(body)
        return idempotent(accountId, key, { op: 'updateAutoTopUp', body }, () =>
          update(accountId, input),
        )
      },
      DELETE: async ({ accountId, request }) => {
        const key = idempotencyKey(request)
        return idempotent(accountId, key, { op: 'disableAutoTopUp' }, () => disable(accountId))
      },
    },
  }
}
