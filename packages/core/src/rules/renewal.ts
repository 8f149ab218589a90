// Legacy plans: when a monthly plan's credits renew, one copy for the mock and the server.
// Months are calendar months in UTC; a renewal keeps the time of day of the plan's date.

/** What the renewal rule reads of a legacy plan. */
export interface PlanRenewalInput {
  /** When the credits renew next, as last stored (the spec's `SubscriptionPlan.renewalDate`). */
  renewalDate: Date
  /**
   * The day of the month the plan renews on, 1 to 31. In a month without that day the plan
   * renews on the month's last day, and back on this day the month after. Default: the day
   * (UTC) of `renewalDate`; pass it for a plan whose `renewalDate` is such a last day (a plan of
   * the 31st that renews next on April 30), else it would renew on the 30th from then on.
   */
  renewalDay?: number
  creditsPerMonth: number
  creditsRemaining: number
}

/** What the renewal rule decides. */
export interface PlanRenewal {
  /** How many renewals have passed by `now`: 0 when `renewalDate` is still after it. */
  renewals: number
  /** The first renewal after `now` (`renewalDate` itself when none has passed). */
  renewalDate: Date
  /**
   * `creditsPerMonth` once at least one renewal has passed (unused credits do not roll over),
   * else `creditsRemaining` unchanged.
   */
  creditsRemaining: number
}

/** The last day (1-based) of the UTC month `date` is in. */
function lastDayOfMonth(date: Date): number {
  const last = new Date(date)
  last.setUTCDate(1)
  last.setUTCMonth(last.getUTCMonth() + 1, 0)
  return last.getUTCDate()
}

function checkDay(day: number): number {
  if (!Number.isInteger(day) || day < 1 || day > 31) {
    throw new RangeError(`[payg-kit] A renewal day is a whole number from 1 to 31, not ${day}.`)
  }
  return day
}

function checkDate(date: Date, what: string): number {
  // Not `instanceof Date`: a Date from another realm (an iframe, a VM context) is one too.
  const time = typeof date?.getTime === 'function' ? date.getTime() : Number.NaN
  if (Number.isNaN(time)) throw new RangeError(`[payg-kit] ${what} is not a valid date.`)
  return time
}

/**
 * The renewal `months` calendar months (UTC) from `renewalDate` (negative: before it): on
 * `renewalDay` (default `renewalDate`'s day), or on the month's last day when the month is too
 * short, at `renewalDate`'s time of day. Counting from the stored date with the plan's own day
 * is what keeps a plan of the 31st on the 31st: January 31, February 28 (29 in a leap year),
 * March 31, April 30, and so on, never drifting earlier month after month.
 */
export function shiftRenewalDate(renewalDate: Date, months: number, renewalDay?: number): Date {
  checkDate(renewalDate, 'renewalDate')
  if (!Number.isSafeInteger(months)) {
    throw new RangeError(`[payg-kit] A renewal moves by whole months, not ${months}.`)
  }
  const day = checkDay(renewalDay ?? renewalDate.getUTCDate())
  const date = new Date(renewalDate)
  // The 1st first, so that moving the month never spills into the next one (Jan 31 + 1 month).
  date.setUTCDate(1)
  date.setUTCMonth(date.getUTCMonth() + months)
  date.setUTCDate(Math.min(day, lastDayOfMonth(date)))
  return date
}

/**
 * The monthly renewal of a legacy plan's credits, in one place for the server and the mock:
 * every renewal date at or before `now` has passed. Once one has, the credits are a full
 * `creditsPerMonth` again (what was left does not roll over; no ledger entry records it), and
 * the renewal date is the first one after `now`, a calendar month (UTC) after the last one that
 * passed. Several months without a read pass at once.
 */
export function planRenewal(plan: PlanRenewalInput, now: Date): PlanRenewal {
  const due = checkDate(plan.renewalDate, 'renewalDate')
  const at = checkDate(now, 'now')
  const day = checkDay(plan.renewalDay ?? plan.renewalDate.getUTCDate())
  if (due > at) {
    return { renewals: 0, renewalDate: new Date(due), creditsRemaining: plan.creditsRemaining }
  }
  // The renewal in `now`'s month is the last that passed or the next one: the count of months
  // between the two dates, plus one when that renewal is not after `now` either.
  const from = plan.renewalDate
  let renewals = Math.max(
    1,
    (now.getUTCFullYear() - from.getUTCFullYear()) * 12 + now.getUTCMonth() - from.getUTCMonth(),
  )
  let next = shiftRenewalDate(from, renewals, day)
  if (next.getTime() <= at) {
    renewals += 1
    next = shiftRenewalDate(from, renewals, day)
  }
  return { renewals, renewalDate: next, creditsRemaining: plan.creditsPerMonth }
}
