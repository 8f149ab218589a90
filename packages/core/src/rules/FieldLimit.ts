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

/** The value a rule admits: one of its enum, or a value of its type. */
export type FieldValue<L extends FieldLimit> = L extends { enum: readonly (infer E)[] }
  ? E
  : L extends { type: 'boolean' }
    ? boolean
    : L extends { type: 'string' }
      ? string
      : number
