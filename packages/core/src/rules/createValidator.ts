import type { components } from '../generated/payg'
import { checkLimit, checkNumber, checkOneOf, type Problem } from './checkValue'
import type { FieldLimit, FieldValue } from './FieldLimit'

/** One invalid field of a 422 answer: dotted path, message and code. */
export type FieldError = components['schemas']['FieldError']

/** Reads fields of an untrusted JSON object and collects `fieldErrors` for a 422 answer. */
export interface Validator {
  readonly errors: FieldError[]
  /** An integer in [min, max] (and a multiple of `multipleOf`), or the default when absent. */
  int(
    source: Record<string, unknown>,
    key: string,
    rule: { min?: number; max?: number; multipleOf?: number; required?: boolean },
  ): number | undefined
  /** A finite number in [min, max] (`above`, `below` exclude the bound), or undefined when absent. */
  number(
    source: Record<string, unknown>,
    key: string,
    rule: { min?: number; max?: number; above?: number; below?: number; required?: boolean },
  ): number | undefined
  /** A boolean, or undefined when absent (null counts as absent, as Leonardo's SDK sends it). */
  bool(source: Record<string, unknown>, key: string): boolean | undefined
  /** A string, or undefined when absent. */
  string(
    source: Record<string, unknown>,
    key: string,
    rule?: { required?: boolean; minLength?: number },
  ): string | undefined
  /** One of the allowed values, or undefined when absent. */
  oneOf<T extends string | number>(
    source: Record<string, unknown>,
    key: string,
    allowed: readonly T[],
    rule?: { required?: boolean },
  ): T | undefined
  /** A value that follows the spec's rule for the field, or undefined when absent or invalid. */
  field<L extends FieldLimit>(
    source: Record<string, unknown>,
    key: string,
    limit: L,
  ): FieldValue<L> | undefined
  /** A nested object, or an empty object when absent. */
  object(source: Record<string, unknown>, key: string): Record<string, unknown>
  /** Flags keys that are not in `allowed` (for schemas with `additionalProperties: false`). */
  noOtherKeys(source: Record<string, unknown>, allowed: readonly string[]): void
  /** Adds an error by hand. */
  add(field: string, message: string, code: string): void
}

/** True for a plain JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const BOOLEAN: FieldLimit = { type: 'boolean' }

/**
 * Creates a validator whose field names are prefixed with `prefix` (for example
 * `serviceParams.IMAGE_GENERATION`), as the spec's `FieldError.field` wants them. Errors go
 * into `errors` when given, so validators of nested objects share one list.
 */
export function createValidator(prefix = '', errors: FieldError[] = []): Validator {
  const path = (key: string) => (prefix ? `${prefix}.${key}` : key)
  const add = (field: string, message: string, code: string) => {
    errors.push({ field, message, code })
  }
  const absent = (value: unknown) => value === undefined || value === null
  /** The value when present and without a problem; otherwise records why and gives undefined. */
  const read = (
    source: Record<string, unknown>,
    key: string,
    required: boolean | undefined,
    check: (value: unknown) => Problem | undefined,
    // biome-ignore lint/suspicious/noExplicitAny: each method narrows the value it checked
  ): any => {
    const value = source[key]
    if (absent(value)) {
      if (required) add(path(key), 'This field is required.', 'REQUIRED')
      return undefined
    }
    const problem = check(value)
    if (!problem) return value
    add(path(key), problem[1], problem[0])
    return undefined
  }

  const validator: Validator = {
    errors,
    add,
    int: (source, key, rule) =>
      read(source, key, rule.required, (value) => checkNumber(value, { ...rule, integer: true })),
    number: (source, key, rule) =>
      read(source, key, rule.required, (value) => {
        const problem = checkNumber(value, rule)
        if (problem) return problem
        const { above, below } = rule
        if (above !== undefined && (value as number) <= above) {
          return ['OUT_OF_RANGE', `Must be more than ${above}.`]
        }
        if (below !== undefined && (value as number) >= below) {
          return ['OUT_OF_RANGE', `Must be less than ${below}.`]
        }
        return undefined
      }),
    bool: (source, key) => read(source, key, false, (value) => checkLimit(value, BOOLEAN)),
    string(source, key, rule = {}) {
      const value = source[key]
      if (absent(value)) {
        if (rule.required) add(path(key), 'This field is required.', 'REQUIRED')
        return undefined
      }
      if (typeof value !== 'string') {
        add(path(key), 'Must be a string.', 'INVALID_TYPE')
        return undefined
      }
      if (rule.minLength !== undefined && value.length < rule.minLength) {
        add(
          path(key),
          rule.required ? 'This field is required.' : 'Too short.',
          rule.required ? 'REQUIRED' : 'TOO_SHORT',
        )
        return undefined
      }
      return value
    },
    oneOf: (source, key, allowed, rule = {}) =>
      read(source, key, rule.required, (value) => checkOneOf(value, allowed)),
    field: (source, key, limit) => read(source, key, false, (value) => checkLimit(value, limit)),
    object(source, key) {
      const value = source[key]
      if (absent(value)) return {}
      if (!isRecord(value)) {
        add(path(key), 'Must be an object.', 'INVALID_TYPE')
        return {}
      }
      return value
    },
    noOtherKeys(source, allowed) {
      for (const key of Object.keys(source)) {
        if (!allowed.includes(key)) add(path(key), 'Unknown field.', 'UNKNOWN_FIELD')
      }
    },
  }
  return validator
}
