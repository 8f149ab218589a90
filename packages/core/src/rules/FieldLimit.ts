/**
 * One parameter's rule as the spec states it: its type, its allowed values or bounds, and its
 * default. `null` counts as absent, as Leonardo's SDK sends an unset field.
 */
export interface FieldLimit {
  type: 'integer' | 'number' | 'boolean' | 'string'
  enum?: readonly (string | number)[]
  minimum?: number
  maximum?: number
  /** Integers only. */
  multipleOf?: number
  default?: string | number | boolean
}

/** A request body field's rule: also arrays (whose items are not checked) and string lengths. */
export interface BodyFieldLimit extends Omit<FieldLimit, 'type'> {
  type: FieldLimit['type'] | 'array'
  minLength?: number
}

/** The value a rule admits: one of its enum, or a value of its type. */
export type FieldValue<L extends BodyFieldLimit> = L extends { enum: readonly (infer E)[] }
  ? E
  : L extends { type: 'boolean' }
    ? boolean
    : L extends { type: 'string' }
      ? string
      : L extends { type: 'array' }
        ? unknown[]
        : number

/** Fields after validation: a value of each rule, or its default, or undefined when it has none. */
export type FieldValues<T> = {
  -readonly [K in keyof T]: T[K] extends BodyFieldLimit
    ? T[K] extends { default: unknown }
      ? FieldValue<T[K]>
      : FieldValue<T[K]> | undefined
    : never
}
