// Field-by-field differences between the spec's Shape and the SDK's Shape of one body.
import type { Field, Shape } from './shape'
import type { OperationKey } from './spec'

/** Which body of the operation a difference is in. */
export type Side = 'request' | 'response'

/** What differs. */
export type DifferenceKind =
  /** A field the spec describes and the SDK's model does not have. */
  | 'only-in-spec'
  /** A field the SDK's model has and the spec does not describe. */
  | 'only-in-sdk'
  /** One side requires the field, the other does not. */
  | 'required'
  /** One side allows null, the other does not. */
  | 'nullable'
  /** Different types, e.g. `number` in the spec and `integer` in the SDK. */
  | 'type'
  /** Different allowed values. */
  | 'enum'
  /** Different defaults. */
  | 'default'

/** One difference between the spec and the SDK. */
export interface Difference {
  operation: OperationKey
  side: Side
  /** The field on the wire, e.g. `user_details[].apiPaidTokens`; empty for the body itself. */
  path: string
  kind: DifferenceKind
  /** What the spec says. */
  spec: string
  /** What the SDK says. */
  sdk: string
  /**
   * Whether it breaks an exchange: for a response, an answer the spec allows that the SDK refuses;
   * for a request, a request the SDK sends (or lets a caller send) that the spec refuses, or one
   * the spec requires that the SDK cannot send.
   */
  breaks: boolean
}

const describe = (shape: Shape): string => {
  const base =
    shape.type === 'union'
      ? (shape.options ?? []).map(describe).join(' | ')
      : shape.type === 'array'
        ? `array of ${shape.items ? describe(shape.items) : 'any'}`
        : shape.type
  return shape.enum ? `${base} (${shape.enum.join(', ')})` : base
}

/** Compares the spec's body with the SDK's and lists every difference, outermost first. */
export function diffShapes(
  operation: OperationKey,
  side: Side,
  spec: Shape,
  sdk: Shape,
): Difference[] {
  const out: Difference[] = []
  compare(spec, sdk, '')
  return out

  function add(path: string, kind: DifferenceKind, s: string, k: string, breaks: boolean) {
    out.push({ operation, side, path, kind, spec: s, sdk: k, breaks })
  }

  function compare(a: Shape, b: Shape, path: string) {
    // Nullability.
    if (a.nullable !== b.nullable && a.type !== 'any' && b.type !== 'any') {
      const breaks = side === 'response' ? a.nullable && !b.nullable : b.nullable && !a.nullable
      add(
        path,
        'nullable',
        a.nullable ? 'nullable' : 'not nullable',
        b.nullable ? 'nullable' : 'not nullable',
        breaks,
      )
    }
    // Defaults (a request the caller leaves a field out of: the SDK sends its default).
    if (side === 'request' && !sameValue(a.default, b.default)) {
      add(
        path,
        'default',
        a.default === undefined ? 'no default' : `default ${JSON.stringify(a.default)}`,
        b.default === undefined ? 'no default' : `default ${JSON.stringify(b.default)}`,
        // Both sides accept the request; they disagree on what it means.
        false,
      )
    }
    if (a.type === 'any' || b.type === 'any') return
    if (a.type !== b.type) {
      const numeric = (t: Shape['type']) => t === 'integer' || t === 'number'
      let breaks = true
      if (numeric(a.type) && numeric(b.type)) {
        // An integer is a number: the narrower side must be the one that produces the value.
        breaks = side === 'response' ? b.type === 'integer' : a.type === 'integer'
      }
      add(path, 'type', describe(a), describe(b), breaks)
      return
    }
    if ((a.enum || b.enum) && !sameValue(a.enum, b.enum)) {
      const specValues = a.enum ?? []
      const sdkValues = b.enum ?? []
      const onlySpec = specValues.filter((value) => !sdkValues.includes(value))
      const onlySdk = sdkValues.filter((value) => !specValues.includes(value))
      // Only two closed lists can disagree on a value: a side without one takes any value.
      const both = a.enum !== undefined && b.enum !== undefined
      // Response: the spec may answer a value the SDK refuses. Request: the SDK may send one
      // the spec refuses.
      const breaks = both && (side === 'response' ? onlySpec.length > 0 : onlySdk.length > 0)
      const values = (
        own: readonly (string | number)[] | undefined,
        extra: (string | number)[],
        other: string,
      ) =>
        own
          ? `${own.join(', ')}${both && extra.length ? ` (not in the ${other}: ${extra.join(', ')})` : ''}`
          : 'any value'
      add(path, 'enum', values(a.enum, onlySpec, 'SDK'), values(b.enum, onlySdk, 'spec'), breaks)
    }
    if (a.type === 'array' && a.items && b.items) compare(a.items, b.items, `${path}[]`)
    if (a.type === 'object') objects(a, b, path)
    if (a.type === 'union') {
      if (describe(a) !== describe(b)) add(path, 'type', describe(a), describe(b), true)
    }
  }

  function objects(a: Shape, b: Shape, path: string) {
    const specFields = a.properties ?? {}
    const sdkFields = b.properties ?? {}
    const at = (name: string) => (path ? `${path}.${name}` : name)
    for (const [name, field] of Object.entries(specFields)) {
      const other = sdkFields[name]
      if (!other) {
        // Response: the SDK drops what it does not know. Request: a field the spec requires
        // cannot be sent through the SDK.
        add(
          at(name),
          'only-in-spec',
          presence(field),
          'absent',
          side === 'request' && field.required,
        )
        continue
      }
      if (field.required !== other.required) {
        const breaks =
          side === 'response'
            ? other.required && !field.required
            : field.required && !other.required && other.shape.default === undefined
        add(at(name), 'required', presence(field), presence(other), breaks)
      }
      compare(field.shape, other.shape, at(name))
    }
    for (const [name, field] of Object.entries(sdkFields)) {
      if (specFields[name]) continue
      // Response: an answer without it fails only if the SDK requires it. Request: the spec
      // refuses it only when it closes the object.
      const breaks = side === 'response' ? field.required : a.closed === true
      add(at(name), 'only-in-sdk', 'absent', presence(field), breaks)
    }
  }
}

const presence = (field: Field) =>
  `${field.required ? 'required' : 'optional'} ${describe(field.shape)}${field.shape.nullable ? ' or null' : ''}`

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}
