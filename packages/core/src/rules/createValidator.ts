import type { components } from '../generated/payg'
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

/**
 * Creates a validator whose field names are prefixed with `prefix` (for example
 * `serviceParams.IMAGE_GENERATION`), as the spec's `FieldError.field` wants them.
 */
export function createValidator(prefix = ''): Validator {
  const errors: FieldError[] = []
  const path = (key: string) => (prefix ? `${prefix}.${key}` : key)
  const add = (field: string, message: string, code: string) => {
    errors.push({ field, message, code })
  }
  const absent = (value: unknown) => value === undefined || value === null
  const range = (min: number | undefined, max: number | undefined) =>
    min !== undefined && max !== undefined
      ? `between ${min} and ${max}`
      : min !== undefined
        ? `at least ${min}`
        : `at most ${max}`

  const validator: Validator = {
    errors,
    add,
    int(source, key, rule) {
      const value = source[key]
      if (absent(value)) {
        if (rule.required) add(path(key), 'This field is required.', 'REQUIRED')
        return undefined
      }
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        add(path(key), 'Must be an integer.', 'INVALID_TYPE')
        return undefined
      }
      if (
        (rule.min !== undefined && value < rule.min) ||
        (rule.max !== undefined && value > rule.max)
      ) {
        const suffix = rule.multipleOf ? ` and a multiple of ${rule.multipleOf}` : ''
        add(path(key), `Must be ${range(rule.min, rule.max)}${suffix}.`, 'OUT_OF_RANGE')
        return undefined
      }
      if (rule.multipleOf && value % rule.multipleOf !== 0) {
        add(path(key), `Must be a multiple of ${rule.multipleOf}.`, 'NOT_MULTIPLE_OF')
        return undefined
      }
      return value
    },
    number(source, key, rule) {
      const value = source[key]
      if (absent(value)) {
        if (rule.required) add(path(key), 'This field is required.', 'REQUIRED')
        return undefined
      }
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        add(path(key), 'Must be a number.', 'INVALID_TYPE')
        return undefined
      }
      if (
        (rule.min !== undefined && value < rule.min) ||
        (rule.max !== undefined && value > rule.max)
      ) {
        add(path(key), `Must be ${range(rule.min, rule.max)}.`, 'OUT_OF_RANGE')
        return undefined
      }
      if (rule.above !== undefined && value <= rule.above) {
        add(path(key), `Must be more than ${rule.above}.`, 'OUT_OF_RANGE')
        return undefined
      }
      if (rule.below !== undefined && value >= rule.below) {
        add(path(key), `Must be less than ${rule.below}.`, 'OUT_OF_RANGE')
        return undefined
      }
      return value
    },
    bool(source, key) {
      const value = source[key]
      if (absent(value)) return undefined
      if (typeof value !== 'boolean') {
        add(path(key), 'Must be true or false.', 'INVALID_TYPE')
        return undefined
      }
      return value
    },
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
    oneOf(source, key, allowed, rule = {}) {
      const value = source[key]
      if (absent(value)) {
        if (rule.required) add(path(key), 'This field is required.', 'REQUIRED')
        return undefined
      }
      const match = allowed.find((candidate) => candidate === value)
      if (match === undefined) {
        add(path(key), `Must be one of ${allowed.join(', ')}.`, 'INVALID_VALUE')
      }
      return match
    },
    field(source, key, limit) {
      type Value = FieldValue<typeof limit>
      if (limit.enum) return validator.oneOf(source, key, limit.enum) as Value | undefined
      if (limit.type === 'boolean') return validator.bool(source, key) as Value | undefined
      if (limit.type === 'string') return validator.string(source, key) as Value | undefined
      if (limit.type === 'integer') {
        const { exclusiveMinimum: above, exclusiveMaximum: below } = limit
        return validator.int(source, key, {
          min: limit.minimum ?? (above === undefined ? undefined : Math.floor(above) + 1),
          max: limit.maximum ?? (below === undefined ? undefined : Math.ceil(below) - 1),
          multipleOf: limit.multipleOf,
        }) as Value | undefined
      }
      return validator.number(source, key, {
        min: limit.minimum,
        max: limit.maximum,
        above: limit.exclusiveMinimum,
        below: limit.exclusiveMaximum,
      }) as Value | undefined
    },
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
