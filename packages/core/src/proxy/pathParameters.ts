import type { paths } from '../generated/payg'
import { IDEMPOTENCY_KEY_PATTERN } from '../generated/pricingLimits'

/** The schema of one path parameter, as the spec writes it. */
export interface PathParameterSchema {
  readonly type: 'string' | 'integer'
  readonly format?: 'uuid'
  readonly pattern?: string
  readonly minLength?: number
  readonly maxLength?: number
}

type NamesIn<P extends string> = P extends `${string}{${infer Name}}${infer Rest}`
  ? Name | NamesIn<Rest>
  : never
type TemplatedPath = {
  [P in keyof paths & string]: NamesIn<P> extends never ? never : P
}[keyof paths & string]

/**
 * Every path parameter of the spec with its schema. The type makes a new templated path in the
 * spec a type error until it is listed here; a test checks each schema against openapi/payg.yaml.
 */
export const PATH_PARAMETERS: {
  readonly [P in TemplatedPath]: { readonly [N in NamesIn<P>]: PathParameterSchema }
} = {
  '/generations/{id}': { id: { type: 'string', format: 'uuid' } },
  '/variations/{id}': { id: { type: 'string', format: 'uuid' } },
  '/motion-variations/{id}': { id: { type: 'string', format: 'uuid' } },
  '/billing/top-ups/{idempotencyKey}': {
    idempotencyKey: {
      type: 'string',
      minLength: 1,
      maxLength: 255,
      pattern: IDEMPOTENCY_KEY_PATTERN.source,
    },
  },
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
// What a segment may hold at all: unreserved characters only, never a dot segment.
const SEGMENT = /^[A-Za-z0-9_~-][A-Za-z0-9._~-]*$/

/** Whether a path segment is a valid value of a parameter with this schema. */
export function matchesSchema(value: string, schema: PathParameterSchema): boolean {
  if (!SEGMENT.test(value) || value.length > 255) return false
  if (schema.type === 'integer' && !/^-?\d+$/.test(value)) return false
  if (schema.format === 'uuid' && !UUID.test(value)) return false
  if (schema.minLength !== undefined && value.length < schema.minLength) return false
  if (schema.maxLength !== undefined && value.length > schema.maxLength) return false
  if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) return false
  return true
}

/** The outcome of matching a request against one allowed operation. */
export type OperationMatch = { ok: true } | { ok: false; invalid?: string }

/**
 * Compiles `'GET /generations/{id}'` into a matcher of method and path: literal segments must be
 * equal, parameters must match their schema from `PATH_PARAMETERS`.
 */
export function compileOperation(
  operation: string,
): (method: string, path: string) => OperationMatch {
  const space = operation.indexOf(' ')
  const method = operation.slice(0, space)
  const template = operation.slice(space + 1)
  const schemas = (PATH_PARAMETERS as Record<string, Record<string, PathParameterSchema>>)[template]
  const parts = template.split('/').map((part) => {
    const name = /^\{([^}]+)\}$/.exec(part)?.[1]
    if (name === undefined) return { literal: part }
    const schema = schemas?.[name]
    if (!schema) {
      throw new TypeError(
        `[payg-kit] createPaygProxy: \`allow\` has ${operation}, whose {${name}} is not a path parameter of the spec.`,
      )
    }
    return { name, schema }
  })
  return (m, path) => {
    if (m !== method) return { ok: false }
    const segments = path.split('/')
    if (segments.length !== parts.length) return { ok: false }
    let invalid: string | undefined
    for (const [index, part] of parts.entries()) {
      const segment = segments[index] ?? ''
      if ('literal' in part) {
        if (segment !== part.literal) return { ok: false }
      } else if (!matchesSchema(segment, part.schema) && invalid === undefined) {
        invalid = `\`${part.name}\` must be ${describe(part.schema)}.`
      }
    }
    return invalid === undefined ? { ok: true } : { ok: false, invalid }
  }
}

function describe(schema: PathParameterSchema): string {
  if (schema.format === 'uuid') return 'a UUID'
  if (schema.type === 'integer') return 'an integer'
  return schema.pattern ? `a string matching ${schema.pattern}` : 'a plain string'
}
