import {
  add,
  type components,
  type DecimalInput,
  IdempotencyConflictError,
  InsufficientBalanceError,
  isNegative,
  PaygError,
  type Usd,
  usd,
  ValidationError,
} from '@payg-kit/core'
import {
  DOLLARS_PER_CREDIT,
  migrationCredit,
  planRenewal,
  shiftRenewalDate,
} from '@payg-kit/core/rules'
import { withMessage } from './apiError'
import type { Database, Queryable } from './database'
import type { Entry, LedgerWrite } from './ledger'

type SubscriptionPlan = components['schemas']['SubscriptionPlan']

/** A legacy monthly API plan, as a platform puts an account on it. */
export interface LegacyPlan {
  /** Plan name, e.g. `API Standard`. */
  name: string
  /** Monthly price in dollars. */
  monthlyPrice: DecimalInput | Usd
  creditsPerMonth: number
  creditsRemaining: number
  /**
   * When the credits renew next. From then on they are renewed when read or charged: back to
   * `creditsPerMonth` (unused ones do not roll over), the date a calendar month (UTC) on.
   */
  renewalDate: Date | string
  /**
   * The day of the month the plan renews on, 1 to 31 (default: `renewalDate`'s day, UTC). In a
   * shorter month it renews on the last day: give 31 for a plan of the 31st whose next renewal
   * is April 30, so that it renews on May 31 and not May 30.
   */
  renewalDay?: number
}

/** The account's billing model: its legacy plan, or null on PAYG, and when it migrated. */
export interface PlanState {
  plan: SubscriptionPlan | null
  /** When the account moved from a plan to PAYG (its `MIGRATION_CREDIT` entry), or null. */
  migratedAt: string | null
}

/** The ledger's calls for legacy monthly plans and the move to PAYG. */
export interface LegacyPlans {
  /**
   * Puts the account on a legacy plan (opening the account without credit if it is new), or
   * updates its plan (credits left, renewal); refused with 409 `ALREADY_ON_PAYG` once migrated.
   */
  setLegacyPlan(accountId: string, plan: LegacyPlan): Promise<void>
  /** The account's plan and migration, as `GET /billing/subscription` reports them. */
  plan(accountId: string): Promise<PlanState>
  /**
   * Takes `credits` plan credits for one request, once per key (a repeat answers the first
   * result); `paygCost` is what it would have cost on PAYG. 402 when too few are left.
   */
  chargeCredits(
    accountId: string,
    credits: number,
    idempotencyKey: string,
    details: {
      paygCost: DecimalInput | Usd
      service?: string | null
      generationId?: string | null
    },
  ): Promise<{ creditsRemaining: number; replayed: boolean }>
  /** What migrating would do now (the spec's `MigrationPreview`); 409 `ALREADY_ON_PAYG` on PAYG. */
  migrationPreview(accountId: string): Promise<components['schemas']['MigrationPreview']>
  /**
   * Cancels the plan: its credits become a non-expiring dollar balance by core's
   * `migrationCredit`, as one `MIGRATION_CREDIT` entry, exactly once. Without a key a repeat is
   * a 409 `ALREADY_ON_PAYG`; with one it replays the first answer.
   */
  migrateToPayg(accountId: string, idempotencyKey?: string | null): Promise<LedgerWrite>
}

interface PlanRow {
  name: string
  monthly_price: string
  credits_per_month: number
  credits_remaining: number
  renewal_date: Date | string
  renewal_day: number
}

const PLAN_COLUMNS = `name, monthly_price::text AS monthly_price, credits_per_month,
  credits_remaining, renewal_date, renewal_day`

function toPlan(row: PlanRow): SubscriptionPlan {
  return {
    name: row.name,
    monthlyPrice: usd(row.monthly_price).amount,
    creditsPerMonth: row.credits_per_month,
    creditsRemaining: row.credits_remaining,
    renewalDate: new Date(row.renewal_date).toISOString(),
  }
}

function fieldError(field: string, message: string): ValidationError {
  return withMessage(
    new ValidationError({
      status: 422,
      message,
      fieldErrors: [{ field, code: 'INVALID_VALUE', message }],
    }),
    message,
  )
}

function alreadyOnPayg(): PaygError {
  const message = 'This account is already on pay-as-you-go billing.'
  return withMessage(
    new PaygError('ALREADY_ON_PAYG', 'It has no plan to migrate.', { status: 409, message }),
    message,
  )
}

/** The largest count a plan stores (a PostgreSQL `integer`). */
const MAX_CREDITS = 2_147_483_647

function count(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 0 || value > MAX_CREDITS) {
    throw fieldError(field, `${field} must be a whole number from 0 to ${MAX_CREDITS}.`)
  }
  return value
}

function amountOf(value: DecimalInput | Usd, field: string): Usd {
  let amount: Usd
  try {
    amount = typeof value === 'object' ? usd(value.amount) : usd(value)
  } catch {
    throw fieldError(field, `${field} must be a decimal amount.`)
  }
  if (isNegative(amount)) throw fieldError(field, `${field} must not be negative.`)
  return amount
}

/** The plan's renewal day: the date falls on it, or on the last day of a month without it. */
function renewalDayOf(plan: LegacyPlan, renewal: Date): number {
  const day = plan.renewalDay ?? renewal.getUTCDate()
  const fits =
    Number.isInteger(day) &&
    day >= 1 &&
    day <= 31 &&
    shiftRenewalDate(renewal, 0, day).getTime() === renewal.getTime()
  if (!fits) {
    throw fieldError(
      'renewalDay',
      "renewalDay must be a whole number from 1 to 31, the day of renewalDate (or a later one when that is its month's last day).",
    )
  }
  return day
}

const DAY_MS = 86_400_000

/** The legacy plan calls on the ledger engine's database, clock and idempotent write. */
export function legacyPlans(engine: {
  database: Database
  start(): Promise<unknown>
  now(): Date
  /** Refuses a malformed idempotency key with 400. */
  checkKey(key: string): void
  write(
    accountId: string,
    idempotencyKey: string,
    request: Record<string, unknown>,
    decide: (tx: Queryable) => Promise<Entry>,
  ): Promise<LedgerWrite>
}): LegacyPlans {
  const { database, now, write } = engine

  async function migratedAt(db: Queryable, accountId: string): Promise<string | null> {
    const [row] = await db.query<{ created_at: Date | string }>(
      `SELECT created_at FROM payg_ledger WHERE account_id = $1 AND type = 'MIGRATION_CREDIT'
       ORDER BY seq DESC LIMIT 1`,
      [accountId],
    )
    return row ? new Date(row.created_at).toISOString() : null
  }

  async function currentPlan(db: Queryable, accountId: string, lock = false) {
    const [row] = await db.query<PlanRow>(
      `SELECT ${PLAN_COLUMNS} FROM payg_plans WHERE account_id = $1${lock ? ' FOR UPDATE' : ''}`,
      [accountId],
    )
    return row
  }

  /**
   * Locks the account's plan row in `tx` and renews it if its renewal date has passed, by core's
   * `planRenewal` (the mock's rule too): the credits back to a full month's, the date on to the
   * first renewal after now. The clock is read once the row is locked: a second request waiting
   * on the lock finds the plan renewed and renews nothing, and a charge is counted in the period
   * of the time it is made at (returned as `at`).
   */
  async function renewedPlan(tx: Queryable, accountId: string) {
    const row = await currentPlan(tx, accountId, true)
    const at = now()
    if (!row) return { row, at }
    const renewal = planRenewal(
      {
        renewalDate: new Date(row.renewal_date),
        renewalDay: row.renewal_day,
        creditsPerMonth: row.credits_per_month,
        creditsRemaining: row.credits_remaining,
      },
      at,
    )
    if (renewal.renewals === 0) return { row, at }
    const [renewed] = await tx.query<PlanRow>(
      `UPDATE payg_plans SET credits_remaining = $2, renewal_date = $3::timestamptz
       WHERE account_id = $1 RETURNING ${PLAN_COLUMNS}`,
      [accountId, renewal.creditsRemaining, renewal.renewalDate.toISOString()],
    )
    return { row: renewed, at }
  }

  /** The account's plan for a read: renewed first (in a transaction) if its date has passed. */
  async function readPlan(accountId: string): Promise<PlanRow | undefined> {
    const row = await currentPlan(database, accountId)
    if (!row || new Date(row.renewal_date).getTime() > now().getTime()) return row
    return database.transaction(async (tx) => (await renewedPlan(tx, accountId)).row)
  }

  return {
    async setLegacyPlan(accountId, plan) {
      if (typeof accountId !== 'string' || accountId.length === 0) {
        throw fieldError('accountId', 'accountId must be a non-empty string.')
      }
      if (typeof plan.name !== 'string' || plan.name.length === 0) {
        throw fieldError('name', 'name must be a non-empty string.')
      }
      const renewal = new Date(plan.renewalDate)
      if (Number.isNaN(renewal.getTime()))
        throw fieldError('renewalDate', 'renewalDate is not a date.')
      const values = [
        accountId,
        plan.name,
        amountOf(plan.monthlyPrice, 'monthlyPrice').amount,
        count(plan.creditsPerMonth, 'creditsPerMonth'),
        count(plan.creditsRemaining, 'creditsRemaining'),
        renewal.toISOString(),
        renewalDayOf(plan, renewal),
      ]
      await engine.start()
      await database.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO payg_accounts (id, balance, created_at) VALUES ($1, 0, $2::timestamptz)
           ON CONFLICT (id) DO NOTHING`,
          [accountId, now().toISOString()],
        )
        await tx.query('SELECT 1 FROM payg_accounts WHERE id = $1 FOR UPDATE', [accountId])
        if (await migratedAt(tx, accountId)) throw alreadyOnPayg()
        await tx.query(
          `INSERT INTO payg_plans (account_id, name, monthly_price, credits_per_month, credits_remaining, renewal_date, renewal_day)
           VALUES ($1, $2, $3::numeric, $4, $5, $6::timestamptz, $7)
           ON CONFLICT (account_id) DO UPDATE SET name = EXCLUDED.name,
             monthly_price = EXCLUDED.monthly_price, credits_per_month = EXCLUDED.credits_per_month,
             credits_remaining = EXCLUDED.credits_remaining, renewal_date = EXCLUDED.renewal_date,
             renewal_day = EXCLUDED.renewal_day`,
          values,
        )
      })
    },

    async plan(accountId) {
      await engine.start()
      const row = await readPlan(accountId)
      return { plan: row ? toPlan(row) : null, migratedAt: await migratedAt(database, accountId) }
    },

    async chargeCredits(accountId, credits, idempotencyKey, details) {
      if (!Number.isInteger(credits) || credits < 1 || credits > MAX_CREDITS) {
        throw fieldError('credits', `credits must be a whole number from 1 to ${MAX_CREDITS}.`)
      }
      engine.checkKey(idempotencyKey)
      const paygCost = amountOf(details.paygCost, 'paygCost')
      const service = details.service ?? null
      const generationId = details.generationId ?? null
      await engine.start()
      return database.transaction(async (tx) => {
        const [account] = await tx.query<{ balance: string }>(
          'SELECT balance::text AS balance FROM payg_accounts WHERE id = $1 FOR UPDATE',
          [accountId],
        )
        // Renewed first when due: a charge at or after the renewal takes the new month's credits.
        const { row: plan, at } = await renewedPlan(tx, accountId)
        const [seen] = await tx.query<{
          credits: number
          payg_cost: string
          service: string | null
          generation_id: string | null
        }>(
          `SELECT credits, payg_cost::text AS payg_cost, service, generation_id FROM payg_plan_usage
           WHERE account_id = $1 AND idempotency_key = $2`,
          [accountId, idempotencyKey],
        )
        if (seen) {
          const same =
            seen.credits === credits &&
            usd(seen.payg_cost).amount === paygCost.amount &&
            seen.service === service &&
            seen.generation_id === generationId
          if (!same) {
            const message = 'This Idempotency-Key was already used with a different request body.'
            throw withMessage(
              new IdempotencyConflictError({ status: 409, message, idempotencyKey }),
              message,
            )
          }
          return { creditsRemaining: plan?.credits_remaining ?? 0, replayed: true }
        }
        if (!account || !plan) throw alreadyOnPayg()
        if (plan.credits_remaining < credits) {
          const message = 'Your plan has too few credits left for this request.'
          throw withMessage(
            new InsufficientBalanceError({
              status: 402,
              message,
              details: {
                balance: usd(account.balance).amount,
                required: paygCost.amount,
                currency: 'USD',
                creditsRemaining: plan.credits_remaining,
                creditsRequired: credits,
              },
            }),
            message,
          )
        }
        await tx.query(
          `INSERT INTO payg_plan_usage (account_id, idempotency_key, credits, payg_cost, service, generation_id, created_at)
           VALUES ($1, $2, $3, $4::numeric, $5, $6, $7::timestamptz)`,
          [
            accountId,
            idempotencyKey,
            credits,
            paygCost.amount,
            service,
            generationId,
            at.toISOString(),
          ],
        )
        const [left] = await tx.query<{ credits_remaining: number }>(
          `UPDATE payg_plans SET credits_remaining = credits_remaining - $2 WHERE account_id = $1
           RETURNING credits_remaining`,
          [accountId, credits],
        )
        return { creditsRemaining: left?.credits_remaining ?? 0, replayed: false }
      })
    },

    async migrationPreview(accountId) {
      await engine.start()
      const row = await readPlan(accountId)
      if (!row) throw alreadyOnPayg()
      const [account] = await database.query<{ balance: string }>(
        'SELECT balance::text AS balance FROM payg_accounts WHERE id = $1',
        [accountId],
      )
      const [recent] = await database.query<{ credits: number; requests: number; cost: string }>(
        `SELECT coalesce(sum(credits), 0)::int AS credits, count(*)::int AS requests,
                coalesce(sum(payg_cost), 0)::text AS cost
         FROM payg_plan_usage WHERE account_id = $1 AND created_at >= $2::timestamptz`,
        [accountId, new Date(now().getTime() - 30 * DAY_MS).toISOString()],
      )
      const converted = migrationCredit(row.credits_remaining)
      return {
        creditsRemaining: row.credits_remaining,
        dollarsPerCredit: DOLLARS_PER_CREDIT,
        convertedAmount: converted.amount,
        balanceAfter: add(usd(account?.balance ?? '0'), converted).amount,
        planMonthlyPrice: usd(row.monthly_price).amount,
        last30Days: {
          credits: recent?.credits ?? 0,
          requests: recent?.requests ?? 0,
          paygCost: usd(recent?.cost ?? '0').amount,
        },
      }
    },

    async migrateToPayg(accountId, idempotencyKey) {
      // Without a key every call is its own intent: a second one finds no plan (409).
      const key = idempotencyKey ?? `migration-${crypto.randomUUID()}`
      return write(accountId, key, { op: 'migrateToPayg' }, async (tx) => {
        // A renewal due now is made first: the renewed credits are what convert.
        const { row } = await renewedPlan(tx, accountId)
        if (!row) throw alreadyOnPayg()
        await tx.query('DELETE FROM payg_plans WHERE account_id = $1', [accountId])
        const credits = row.credits_remaining
        return {
          type: 'MIGRATION_CREDIT',
          amount: migrationCredit(credits),
          description: `${credits.toLocaleString('en-US')} plan credits converted from ${row.name}`,
        }
      })
    },
  }
}

/** The spec's `Subscription` for an account's plan state. */
export function toSubscription(
  state: PlanState,
  customPricing: boolean,
): components['schemas']['Subscription'] {
  return {
    billingModel: state.plan ? 'SUBSCRIPTION' : 'PAYG',
    customPricing,
    plan: state.plan,
    migratedAt: state.migratedAt,
  }
}
