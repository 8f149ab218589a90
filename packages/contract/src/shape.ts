// One neutral description of a JSON value, read from an OpenAPI schema (the spec) or from a zod
// schema (the SDK's models), so that the two can be compared field by field.

/** A JSON value's shape: its type, nullability, allowed values, default and members. */
export interface Shape {
  type: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'union' | 'any'
  nullable: boolean
  /** Allowed values, sorted, when the schema lists them. */
  enum?: readonly (string | number)[]
  /** The default the schema declares (the SDK sends it when the caller leaves the field out). */
  default?: unknown
  /** An object's members by their name on the wire. */
  properties?: Record<string, Field>
  /** Whether an object refuses members it does not list (`additionalProperties: false`). */
  closed?: boolean
  /** An array's items. */
  items?: Shape
  /** A union's members. */
  options?: readonly Shape[]
  /** A string's pattern (checked by `conformance`, not compared with the SDK, which has none). */
  pattern?: string
}

/** An object member: its shape and whether it must be present. */
export interface Field {
  shape: Shape
  required: boolean
}

// ----- the spec (OpenAPI 3.1) ------------------------------------------------------------------

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Resolves a local `$ref` such as `#/components/schemas/Cost` in `document`. */
export function resolveRef(document: Json, ref: string): Json {
  if (!ref.startsWith('#/')) throw new Error(`Only local $refs are supported, got ${ref}.`)
  let node: unknown = document
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    node = isObject(node) ? node[key] : undefined
  }
  if (!isObject(node)) throw new Error(`Unresolved $ref ${ref}.`)
  return node
}

const sortedEnum = (values: readonly unknown[]) =>
  [...values]
    .filter((value): value is string | number => typeof value !== 'object')
    .sort((a, b) => String(a).localeCompare(String(b)))

/** Reads an OpenAPI 3.1 schema of `document` as a Shape. */
export function fromOpenApi(document: Json, schema: unknown, seen: readonly string[] = []): Shape {
  if (!isObject(schema)) return { type: 'any', nullable: true }
  if (typeof schema.$ref === 'string') {
    if (seen.includes(schema.$ref)) return { type: 'any', nullable: false }
    // A `default` beside the `$ref` (allowed in 3.1) is the field's own, over the target's.
    return withDefault(
      fromOpenApi(document, resolveRef(document, schema.$ref), [...seen, schema.$ref]),
      schema,
    )
  }
  const variants = (schema.oneOf ?? schema.anyOf) as unknown[] | undefined
  if (Array.isArray(variants)) {
    const isNull = (variant: unknown) => isObject(variant) && variant.type === 'null'
    const rest = variants.filter((variant) => !isNull(variant))
    const nullable = rest.length < variants.length
    if (rest.length === 1)
      return withDefault(withNull(fromOpenApi(document, rest[0], seen), nullable), schema)
    return withDefault(
      {
        type: 'union',
        nullable,
        options: rest.map((variant) => fromOpenApi(document, variant, seen)),
      },
      schema,
    )
  }
  if (Array.isArray(schema.allOf)) {
    const parts = schema.allOf.map((part) => fromOpenApi(document, part, seen))
    const [first] = parts
    if (parts.length === 1 && first) return withDefault(first, schema)
    if (parts.every((part) => part.type === 'object')) {
      // All of several objects: every member of each, a later part narrowing an earlier one.
      const properties: Record<string, Field> = {}
      for (const part of parts)
        for (const [name, field] of Object.entries(part.properties ?? {}))
          properties[name] = {
            shape: field.shape,
            required: field.required || properties[name]?.required === true,
          }
      return withDefault(
        {
          type: 'object',
          nullable: parts.every((part) => part.nullable),
          properties,
          ...(parts.some((part) => part.closed) ? { closed: true } : {}),
        },
        schema,
      )
    }
    return { type: 'any', nullable: false }
  }
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string]
  const nullable = types.includes('null')
  const [type] = types.filter((name) => name !== 'null')
  const shape: Shape = { type: asType(type, schema), nullable }
  if (Array.isArray(schema.enum)) {
    const values = schema.enum.filter((value) => value !== null)
    if (schema.enum.includes(null)) shape.nullable = true
    shape.enum = sortedEnum(values)
  }
  if (shape.type === 'object') {
    const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : [])
    const properties = isObject(schema.properties) ? schema.properties : {}
    shape.properties = Object.fromEntries(
      Object.entries(properties).map(([name, member]) => [
        name,
        { shape: fromOpenApi(document, member, seen), required: required.has(name) },
      ]),
    )
    if (schema.additionalProperties === false) shape.closed = true
  }
  if (shape.type === 'array') shape.items = fromOpenApi(document, schema.items, seen)
  if (shape.type === 'string' && typeof schema.pattern === 'string') shape.pattern = schema.pattern
  return withDefault(shape, schema)
}

function asType(type: string | undefined, schema: Json): Shape['type'] {
  switch (type) {
    case 'object':
    case 'array':
    case 'string':
    case 'integer':
    case 'number':
    case 'boolean':
      return type
    case undefined:
      return isObject(schema.properties) ? 'object' : 'any'
    default:
      return 'any'
  }
}

const withNull = (shape: Shape, nullable: boolean): Shape =>
  nullable ? { ...shape, nullable: true } : shape

const withDefault = (shape: Shape, schema: Json): Shape =>
  'default' in schema ? { ...shape, default: schema.default } : shape

// ----- the SDK (zod 3 schemas, as `zod/v3` builds them) ------------------------------------------

/** The parts of a zod 3 schema this module reads (`_def` is stable across zod 3 releases). */
interface ZodLike {
  _def: {
    typeName: string
    [key: string]: unknown
  }
}

const def = (schema: unknown): ZodLike['_def'] => {
  const candidate = schema as Partial<ZodLike> | null
  if (!candidate?._def || typeof candidate._def.typeName !== 'string')
    throw new Error('Not a zod 3 schema.')
  return candidate._def
}

/**
 * Reads a zod 3 schema of the SDK as a Shape. `direction` says which way it goes: an `outbound`
 * (request) object's members are renamed to their wire names by the SDK's transform, which is
 * read by running it on a probe; an `inbound` (response) object is keyed by wire names already.
 */
export function fromZod(schema: unknown, direction: 'inbound' | 'outbound'): Shape {
  return walk(schema, direction, 0)
}

function walk(schema: unknown, direction: 'inbound' | 'outbound', depth: number): Shape {
  if (depth > 40) return { type: 'any', nullable: false }
  const d = def(schema)
  const next = (inner: unknown) => walk(inner, direction, depth + 1)
  switch (d.typeName) {
    case 'ZodNullable':
      return { ...next(d.innerType), nullable: true }
    case 'ZodOptional':
      return next(d.innerType)
    case 'ZodDefault':
      return { ...next(d.innerType), default: (d.defaultValue as () => unknown)() }
    case 'ZodLazy':
      return next((d.getter as () => unknown)())
    case 'ZodEffects':
      return effects(d, direction, depth)
    case 'ZodString':
    case 'ZodDate':
      return { type: 'string', nullable: false }
    case 'ZodNumber': {
      const checks = (d.checks as { kind: string }[] | undefined) ?? []
      return {
        type: checks.some((check) => check.kind === 'int') ? 'integer' : 'number',
        nullable: false,
      }
    }
    case 'ZodBigInt':
      return { type: 'integer', nullable: false }
    case 'ZodBoolean':
      return { type: 'boolean', nullable: false }
    case 'ZodNativeEnum': {
      const values = Object.values(d.values as Record<string, string | number>)
      const numeric = values.filter((value) => typeof value === 'number')
      // A numeric TypeScript enum maps names to numbers and numbers back to names.
      const members = numeric.length ? numeric : values
      return {
        type: typeof members[0] === 'number' ? 'integer' : 'string',
        nullable: false,
        enum: sortedEnum(members),
      }
    }
    case 'ZodEnum':
      return { type: 'string', nullable: false, enum: sortedEnum(d.values as string[]) }
    case 'ZodLiteral': {
      const value = d.value as string | number | boolean
      return typeof value === 'boolean'
        ? { type: 'boolean', nullable: false }
        : {
            type: typeof value === 'number' ? 'number' : 'string',
            nullable: false,
            enum: [value],
          }
    }
    case 'ZodArray':
      return { type: 'array', nullable: false, items: next(d.type) }
    case 'ZodObject':
      return object(d, direction, depth)
    case 'ZodUnion': {
      const options = (d.options as unknown[]).map(next)
      return { type: 'union', nullable: options.some((option) => option.nullable), options }
    }
    case 'ZodNull':
      return { type: 'any', nullable: true }
    default:
      // ZodAny, ZodUnknown, ZodRecord...: any value passes.
      return { type: 'any', nullable: true }
  }
}

function object(d: ZodLike['_def'], direction: 'inbound' | 'outbound', depth: number): Shape {
  const shape = (d.shape as () => Record<string, ZodLike & { isOptional(): boolean }>)()
  const properties: Record<string, Field> = {}
  for (const [name, member] of Object.entries(shape)) {
    const read = walk(member, direction, depth + 1)
    // Required: the SDK refuses the object without it (a default makes it optional to callers).
    properties[name] = { shape: read, required: !member.isOptional() }
  }
  return {
    type: 'object',
    nullable: false,
    properties,
    closed: d.unknownKeys === 'strict',
  }
}

function effects(d: ZodLike['_def'], direction: 'inbound' | 'outbound', depth: number): Shape {
  const inner = walk(d.schema, direction, depth + 1)
  const effect = d.effect as { type: string; transform?: (value: unknown, ctx: unknown) => unknown }
  if (
    direction === 'inbound' ||
    effect.type !== 'transform' ||
    inner.type !== 'object' ||
    !inner.properties
  )
    return inner
  // The SDK renames members to their wire names in a transform: run it on a probe whose
  // values are the members' own names, and read which wire name each one came out under.
  const names = Object.keys(inner.properties)
  const probe = Object.fromEntries(names.map((name) => [name, name]))
  const ctx = { addIssue() {}, path: [] }
  const renamed = effect.transform?.(probe, ctx)
  if (typeof renamed !== 'object' || renamed === null) return inner
  const properties: Record<string, Field> = {}
  for (const [wire, source] of Object.entries(renamed as Record<string, unknown>)) {
    const member = typeof source === 'string' ? inner.properties[source] : undefined
    if (member) properties[wire] = member
  }
  return { ...inner, properties }
}

// ----- checking a value ------------------------------------------------------------------------

/** Where `value` does not have `shape`, as `path: problem` lines (empty when it conforms). */
export function conformance(value: unknown, shape: Shape, path = ''): string[] {
  const here = path || '(body)'
  if (value === null) return shape.nullable || shape.type === 'any' ? [] : [`${here}: null`]
  if (shape.enum && !shape.enum.includes(value as string | number))
    return [`${here}: ${JSON.stringify(value)} is not one of ${shape.enum.join(', ')}`]
  switch (shape.type) {
    case 'any':
      return []
    case 'union':
      return (shape.options ?? []).some((option) => conformance(value, option, path).length === 0)
        ? []
        : [`${here}: matches no member of the union`]
    case 'string':
      if (typeof value !== 'string') return [`${here}: ${typeof value}, not a string`]
      return shape.pattern && !new RegExp(shape.pattern, 'u').test(value)
        ? [`${here}: ${JSON.stringify(value)} does not match ${shape.pattern}`]
        : []
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${here}: ${typeof value}, not a boolean`]
    case 'number':
      return typeof value === 'number' ? [] : [`${here}: ${typeof value}, not a number`]
    case 'integer':
      return Number.isInteger(value) ? [] : [`${here}: ${JSON.stringify(value)} is not an integer`]
    case 'array':
      if (!Array.isArray(value)) return [`${here}: not an array`]
      return value.flatMap((item, index) =>
        shape.items ? conformance(item, shape.items, `${path}[${index}]`) : [],
      )
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) return [`${here}: not an object`]
      const record = value as Record<string, unknown>
      const problems: string[] = []
      const at = (name: string) => (path ? `${path}.${name}` : name)
      for (const [name, field] of Object.entries(shape.properties ?? {})) {
        if (record[name] === undefined) {
          if (field.required) problems.push(`${at(name)}: missing`)
          continue
        }
        problems.push(...conformance(record[name], field.shape, at(name)))
      }
      if (shape.closed)
        for (const name of Object.keys(record))
          if (!shape.properties?.[name]) problems.push(`${at(name)}: not allowed`)
      return problems
    }
  }
}
