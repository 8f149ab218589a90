// What is wrong with one present value, as the API's 422 answer words it. Small pure checks
// shared by the validator and the calculator's rules.
import type { FieldLimit } from './FieldLimit'

/** What is wrong with a value: its code and message. */
export type Problem = readonly [code: string, message: string]

/** The bounds of a number: an integer or any finite number, inclusive bounds, a step. */
export interface NumberRule {
  integer?: boolean
  min?: number
  max?: number
  multipleOf?: number
}

const range = (min: number | undefined, max: number | undefined) =>
  min !== undefined && max !== undefined
    ? `between ${min} and ${max}`
    : min !== undefined
      ? `at least ${min}`
      : `at most ${max}`

/** A number within its rule, or what is wrong with it. */
export function checkNumber(value: unknown, rule: NumberRule): Problem | undefined {
  const { min, max, multipleOf } = rule
  if (typeof value !== 'number' || !(rule.integer ? Number.isInteger : Number.isFinite)(value)) {
    return ['INVALID_TYPE', rule.integer ? 'Must be an integer.' : 'Must be a number.']
  }
  if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
    const step = multipleOf ? ` and a multiple of ${multipleOf}` : ''
    return ['OUT_OF_RANGE', `Must be ${range(min, max)}${step}.`]
  }
  if (multipleOf && value % multipleOf !== 0) {
    return ['NOT_MULTIPLE_OF', `Must be a multiple of ${multipleOf}.`]
  }
  return undefined
}

/** One of the allowed values, or what is wrong with it. */
export function checkOneOf(value: unknown, allowed: readonly unknown[]): Problem | undefined {
  return allowed.includes(value)
    ? undefined
    : ['INVALID_VALUE', `Must be one of ${allowed.join(', ')}.`]
}

/** A value that follows the spec's rule for its field, or what is wrong with it. */
export function checkLimit(value: unknown, limit: FieldLimit): Problem | undefined {
  if (limit.enum) return checkOneOf(value, limit.enum)
  if (limit.type === 'boolean') {
    return typeof value === 'boolean' ? undefined : ['INVALID_TYPE', 'Must be true or false.']
  }
  if (limit.type === 'string') {
    return typeof value === 'string' ? undefined : ['INVALID_TYPE', 'Must be a string.']
  }
  return checkNumber(value, {
    integer: limit.type === 'integer',
    min: limit.minimum,
    max: limit.maximum,
    multipleOf: limit.multipleOf,
  })
}
