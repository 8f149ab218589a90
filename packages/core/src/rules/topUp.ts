// A top-up against the platform's policy (whole dollars): the body of `POST /billing/top-ups`,
// the amount's bounds and the auto top-up settings that must fit them. One copy for the mock
// and the server, so both answer a refused amount alike (and the form can show the bounds).
import { createValidator, type FieldError, isRecord } from './createValidator'

/** A platform's top-up policy: the least and the most one payment may be, in whole dollars. */
export interface TopUpPolicy {
  min: number
  max: number
}

/** The message of a 422 for an amount outside the policy. */
export const TOP_UP_RANGE_MESSAGE = 'The top-up amount is outside the allowed range.'

/** The `details` of that 422: the policy's bounds, which a form shows in its own words. */
export const topUpRangeDetails = (policy: TopUpPolicy) => ({
  minimum: policy.min,
  maximum: policy.max,
})

/** What is wrong with a top-up `amount` under `policy` (a whole number of dollars), if anything. */
export function checkTopUpAmount(
  field: string,
  amount: number,
  policy: TopUpPolicy,
): FieldError | undefined {
  if (!Number.isInteger(amount)) {
    return { field, code: 'INVALID_TYPE', message: 'Must be a whole number of dollars.' }
  }
  if (amount < policy.min) {
    return { field, code: 'TOO_SMALL', message: `The minimum top-up is $${policy.min}.` }
  }
  if (amount > policy.max) {
    const max = policy.max.toLocaleString('en-US')
    return { field, code: 'TOO_LARGE', message: `The maximum top-up is $${max}.` }
  }
  return undefined
}

/**
 * Reads a `POST /billing/top-ups` body: `amount`, an integer, and no other field. The policy's
 * bounds are checked where the top-up is made (`checkTopUpAmount`). Gives the amount, or every
 * problem for a 422.
 */
export function readTopUpRequest(
  body: unknown,
): { ok: true; amount: number } | { ok: false; errors: FieldError[] } {
  const v = createValidator()
  const source = isRecord(body) ? body : {}
  v.noOtherKeys(source, ['amount'])
  const amount = v.int(source, 'amount', { required: true })
  return amount === undefined || v.errors.length > 0
    ? { ok: false, errors: v.errors }
    : { ok: true, amount }
}

/**
 * The auto top-up settings against the policy: the amount within it, and a monthly cap (the
 * saved one when the update leaves it out) at least the amount. Every problem, or none.
 */
export function checkAutoTopUpPolicy(
  amount: number,
  monthlyCap: number | null,
  policy: TopUpPolicy,
): FieldError[] {
  const errors: FieldError[] = []
  const problem = checkTopUpAmount('amount', amount, policy)
  if (problem) errors.push(problem)
  if (monthlyCap !== null && monthlyCap < amount) {
    errors.push({
      field: 'monthlyCap',
      code: 'TOO_SMALL',
      message: 'The monthly cap must be at least the top-up amount.',
    })
  }
  return errors
}
