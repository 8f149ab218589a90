import { divide, multiply, type Usd } from '@payg-kit/core'

/** What `planAutoTopUp` works out: spend, and auto top-up settings in whole dollars. */
export interface AutoTopUpPlan {
  daily: Usd
  /** 30 days of the daily spend. */
  monthly: Usd
  /** Two days of spend, rounded up to whole dollars; at least $5. */
  threshold: number
  /** Seven days of spend, rounded up to whole dollars; at least $5 and at most $10,000. */
  amount: number
}

// The kit's default top-up bounds (the mock's policy): a suggestion is always a valid top-up.
const MIN_DOLLARS = 5
const MAX_AMOUNT = 10_000

const wholeDollarsUp = (m: Usd) => Number(divide(m, 1, 0, 'ceil').amount)

/**
 * Daily and 30-day spend for `requestsPerDay` requests of `cost`, and auto top-up settings for
 * it: the threshold keeps two days of requests running while a top-up is processed, and each
 * top-up adds a week of spend. Both are whole dollars, at least $5 (the kit's top-up minimum);
 * the amount is at most $10,000 (the kit's top-up maximum). Exact money throughout.
 * @example planAutoTopUp(usd('0.048'), 500) // { daily: $24, monthly: $720, threshold: 48, amount: 168 }
 */
export function planAutoTopUp(cost: Usd, requestsPerDay: number): AutoTopUpPlan {
  const daily = multiply(cost, requestsPerDay)
  return {
    daily,
    monthly: multiply(daily, 30),
    threshold: Math.max(MIN_DOLLARS, wholeDollarsUp(multiply(daily, 2))),
    amount: Math.min(MAX_AMOUNT, Math.max(MIN_DOLLARS, wholeDollarsUp(multiply(daily, 7)))),
  }
}
