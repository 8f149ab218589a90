import { AUTO_TOP_UP_LIMITS } from '../generated/pricingLimits'
import { compare, type DecimalInput, floorDiv, multiply, subtract, usd } from '../money'
import type { Money } from '../types'
import { createValidator, type FieldError, isRecord } from './createValidator'

/** Auto top-up turns itself off after this many declined attempts in a row. */
export const AUTO_TOP_UP_MAX_DECLINES = 3

/** The saved auto top-up settings the rule reads (whole dollars). */
export interface AutoTopUpSettings {
  enabled: boolean
  threshold: number | null
  amount: number | null
  monthlyCap: number | null
}

/** What the auto top-up rule is given: the balance now, the settings, this month's spend, the policy. */
export interface AutoTopUpPlanInput {
  /** The balance in dollars, exactly. */
  balance: DecimalInput | Money<'USD'>
  settings: AutoTopUpSettings
  /** Automatic top-ups that succeeded this calendar month (UTC), in dollars. */
  spentThisMonth: DecimalInput | Money<'USD'>
  /** The top-up policy: the most one payment may be, in whole dollars. */
  limits: { max: number }
}

/** What the auto top-up rule decides. */
export type AutoTopUpPlan =
  | {
      /** Nothing is due: off, never set, or the balance is at or above the threshold. */
      action: 'NONE'
      reason: 'DISABLED' | 'NOT_SET' | 'NOT_BELOW_THRESHOLD'
    }
  | {
      /** The monthly cap allows no whole multiple of `amount`: nothing is charged. */
      action: 'CAP_REACHED'
      /** The auto top-up `amount` the cap no longer allows, a decimal string. */
      amount: string
      message: string
    }
  | {
      /** Charge `amount` (k × the settings' amount) as one payment. */
      action: 'CHARGE'
      /** The whole payment, a decimal string. */
      amount: string
      /** k: how many multiples of the settings' amount the payment is. */
      times: number
      /** The ledger entry's description. */
      description: string
      /** Why the payment stops short of the threshold, or null when it reaches it. */
      shortBy: 'MONTHLY_CAP' | 'TOP_UP_MAX' | null
      /** The attempt's message when it stops short (null when it reaches the threshold). */
      message: string | null
    }

function dollars(value: DecimalInput | Money<'USD'>): Money<'USD'> {
  return typeof value === 'object' ? usd(value.amount) : usd(value)
}

/**
 * The auto top-up rule, in one place for the server and the mock: while it is enabled and the
 * balance is below its threshold, one payment adds the smallest k × `amount` that lifts the
 * balance to the threshold, but no more whole multiples than this month's cap still allows nor
 * than one top-up may be (`limits.max`); none allowed at all is `CAP_REACHED`.
 */
export function planAutoTopUp({
  balance,
  settings,
  spentThisMonth,
  limits,
}: AutoTopUpPlanInput): AutoTopUpPlan {
  const { enabled, threshold, monthlyCap } = settings
  if (!enabled) return { action: 'NONE', reason: 'DISABLED' }
  if (threshold === null || settings.amount === null || settings.amount <= 0) {
    return { action: 'NONE', reason: 'NOT_SET' }
  }
  const gap = subtract(usd(threshold), dollars(balance))
  if (compare(gap, usd(0)) <= 0) return { action: 'NONE', reason: 'NOT_BELOW_THRESHOLD' }
  const unit = usd(settings.amount)
  const whole = floorDiv(gap, unit)
  const needed = compare(multiply(unit, whole), gap) < 0 ? whole + 1 : whole
  let times = needed
  let shortBy: 'MONTHLY_CAP' | 'TOP_UP_MAX' | null = null
  if (monthlyCap !== null) {
    const left = subtract(usd(monthlyCap), dollars(spentThisMonth))
    const allowed = compare(left, usd(0)) > 0 ? floorDiv(left, unit) : 0
    if (allowed < times) {
      times = allowed
      shortBy = 'MONTHLY_CAP'
    }
  }
  const mostPerPayment = Math.floor(limits.max / settings.amount)
  if (mostPerPayment < times) {
    times = mostPerPayment
    shortBy = 'TOP_UP_MAX'
  }
  if (times <= 0) {
    return {
      action: 'CAP_REACHED',
      amount: unit.amount,
      message: `The monthly cap of $${monthlyCap} for automatic top-ups is reached.`,
    }
  }
  const each = times === 1 ? '' : `, ${times} x $${settings.amount}`
  return {
    action: 'CHARGE',
    amount: multiply(unit, times).amount,
    times,
    description: `Automatic top-up (balance below $${threshold}${each})`,
    shortBy,
    message:
      shortBy === 'MONTHLY_CAP'
        ? `The monthly cap of $${monthlyCap} allowed only this much; the balance is still below $${threshold}.`
        : shortBy === 'TOP_UP_MAX'
          ? `One top-up adds at most $${limits.max}; the balance is still below $${threshold}.`
          : null,
  }
}

/** After a declined automatic payment: the failures in a row, and whether auto top-up turns off. */
export function afterAutoTopUpDecline(consecutiveFailures: number): {
  consecutiveFailures: number
  turnOff: boolean
} {
  const failures = consecutiveFailures + 1
  return { consecutiveFailures: failures, turnOff: failures >= AUTO_TOP_UP_MAX_DECLINES }
}

/** The settings of a `PUT /billing/auto-top-up`: `monthlyCap` absent keeps the saved cap, null removes it. */
export interface AutoTopUpUpdateInput {
  enabled: boolean
  threshold: number
  amount: number
  monthlyCap: number | null | undefined
}

/**
 * Reads a `PUT /billing/auto-top-up` body as the spec's `AutoTopUpUpdate` (its bounds, no other
 * field), one copy for the mock and the server. Gives the settings, or every problem for a 422.
 */
export function readAutoTopUpUpdate(
  body: unknown,
): { ok: true; update: AutoTopUpUpdateInput } | { ok: false; errors: FieldError[] } {
  const v = createValidator()
  const source = isRecord(body) ? body : {}
  v.noOtherKeys(source, ['enabled', ...Object.keys(AUTO_TOP_UP_LIMITS)])
  // null counts as absent, so `enabled: null` is missing, not false.
  if (source.enabled == null) v.add('enabled', 'This field is required.', 'REQUIRED')
  const enabled = v.bool(source, 'enabled')
  const int = (field: keyof typeof AUTO_TOP_UP_LIMITS, required: boolean) => {
    const { minimum: min, maximum: max } = AUTO_TOP_UP_LIMITS[field]
    return v.int(source, field, { min, max, required })
  }
  const threshold = int('threshold', true)
  const amount = int('amount', true)
  // Omitted keeps the saved cap; only an explicit null removes it.
  const monthlyCap =
    source.monthlyCap === undefined ? undefined : (int('monthlyCap', false) ?? null)
  if (
    v.errors.length > 0 ||
    enabled === undefined ||
    threshold === undefined ||
    amount === undefined
  ) {
    return { ok: false, errors: v.errors }
  }
  return { ok: true, update: { enabled, threshold, amount, monthlyCap } }
}
