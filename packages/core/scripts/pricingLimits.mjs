// Renders src/generated/pricingLimits.ts: the bounds of every pricing calculator service's
// parameters (`ServiceParams` in openapi/payg.yaml) and of a `POST /generations` body
// (`CreateGenerationRequest`), so the rules read the spec's ranges instead of a hand-copied
// table. Used by scripts/generate.mjs and by the staleness test.
import openapiTS from 'openapi-typescript'

/** The keywords a parameter may use; any other one stops the generator (nothing is dropped). */
const KNOWN = new Set([
  'type',
  'enum',
  'minimum',
  'maximum',
  'multipleOf',
  'minLength',
  'default',
  'description',
  // An array's items are not read: the rules check that it is an array.
  'items',
  'examples',
  'oneOf',
  '$ref',
])
/** The rule's keys, in the order they are written. */
const RULE_KEYS = ['type', 'enum', 'minimum', 'maximum', 'multipleOf', 'minLength', 'default']

const header = `/**
 * Generated from openapi/payg.yaml by scripts/generate.mjs (\`pnpm generate\`). Do not edit.
 * The bounds of each pricing calculator service's parameters (\`ServiceParams\`) and of a
 * \`POST /generations\` body, as the spec states them. The test command fails when this file
 * and the spec disagree.
 */
import type { BodyFieldLimit, FieldLimit } from '../rules/FieldLimit'
import type { components } from './payg'

`

/** Reads the component schemas of the spec, with references left as written. */
async function componentSchemas(spec) {
  const schemas = new Map()
  await openapiTS(spec, {
    transform(schema, { path }) {
      const match = /^#\/components\/schemas\/(\w+)$/.exec(path ?? '')
      if (match && !schemas.has(match[1])) schemas.set(match[1], schema)
      // A shared parameter's schema (its object, with `name` and `in`, is visited too).
      const parameter = /^#\/components\/parameters\/(\w+)$/.exec(path ?? '')
      if (parameter && !('in' in schema)) schemas.set(`parameters/${parameter[1]}`, schema)
      return undefined
    },
  })
  return schemas
}

function resolve(schemas, schema, where) {
  if (schema && typeof schema === 'object' && '$ref' in schema) {
    const name = /^#\/components\/schemas\/(\w+)$/.exec(schema.$ref)?.[1]
    const target = name && schemas.get(name)
    if (!target) throw new Error(`${where}: cannot resolve ${schema.$ref}`)
    return resolve(schemas, target, where)
  }
  return schema
}

/** A TypeScript literal for a JSON value of a rule (numbers, strings, booleans, arrays). */
function literal(value) {
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`
  if (typeof value === 'string') return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`
  return String(value)
}

const isNull = (schema) => schema?.type === 'null'

/** One parameter's schema -> its rule: one type (null dropped: null counts as absent). */
function ruleOf(schemas, schema, where) {
  let own = resolve(schemas, schema, where)
  if (own.oneOf) {
    const members = own.oneOf.filter((member) => !isNull(member))
    if (members.length !== 1) throw new Error(`${where}: oneOf must be one schema or null`)
    const { oneOf: _, ...rest } = own
    own = { ...resolve(schemas, members[0], where), ...rest }
  }
  for (const key of Object.keys(own)) {
    if (!KNOWN.has(key)) throw new Error(`${where}: the generator does not read "${key}"`)
  }
  const types = [own.type ?? []].flat().filter((type) => type !== 'null')
  if (types.length !== 1) throw new Error(`${where}: expected one type, got ${types.join(', ')}`)
  const rule = { ...own, type: types[0] }
  if (rule.multipleOf !== undefined && rule.type !== 'integer') {
    throw new Error(`${where}: multipleOf is read for integers only`)
  }
  if (rule.enum) rule.enum = rule.enum.filter((value) => value !== null)
  return Object.fromEntries(
    RULE_KEYS.filter((key) => rule[key] !== undefined).map((key) => [key, rule[key]]),
  )
}

/** `GET /billing/usage`'s bounds: `UsageDays`, `UsageGranularity` and `UsageReport.buckets`. */
function usageLines(schemas) {
  const days = ruleOf(schemas, schemas.get('UsageDays'), 'UsageDays')
  const granularity = ruleOf(schemas, schemas.get('UsageGranularity'), 'UsageGranularity')
  const maxBuckets = schemas.get('UsageReport')?.properties?.buckets?.maxItems
  if (!Number.isInteger(maxBuckets) || !granularity.enum) {
    throw new Error(
      'openapi/payg.yaml: UsageReport.buckets needs maxItems, UsageGranularity an enum',
    )
  }
  return [
    "/** A usage report's bounds: its length in days, its bucket sizes and its most buckets. */",
    'export const USAGE_LIMITS = {',
    `  days: { ${Object.entries(days)
      .map(([key, value]) => `${key}: ${literal(value)}`)
      .join(', ')} },`,
    `  granularity: ${literal(granularity.enum)},`,
    `  maxBuckets: ${maxBuckets},`,
    '} as const',
    '',
  ]
}

/**
 * The auto top-up settings' bounds (`AutoTopUpUpdate`) and the default top-up policy
 * (`TopUpLimits.default`).
 */
function topUpLines(schemas) {
  const update = schemas.get('AutoTopUpUpdate')?.properties
  const policy = schemas.get('TopUpLimits')?.default
  if (!update || !Number.isInteger(policy?.minimum) || !Number.isInteger(policy?.maximum)) {
    throw new Error('openapi/payg.yaml: AutoTopUpUpdate needs properties, TopUpLimits a default')
  }
  const field = (name) => {
    const rule = ruleOf(schemas, update[name], `AutoTopUpUpdate.${name}`)
    if (rule.type !== 'integer' || !Number.isInteger(rule.maximum)) {
      throw new Error(`openapi/payg.yaml: AutoTopUpUpdate.${name} needs an integer maximum`)
    }
    const body = Object.entries(rule)
      .map(([key, value]) => `${key}: ${literal(value)}`)
      .join(', ')
    return `  ${name}: { ${body} },`
  }
  return [
    '/** The bounds of the auto top-up settings, in whole dollars (`AutoTopUpUpdate` of the spec). */',
    'export const AUTO_TOP_UP_LIMITS = {',
    ...['threshold', 'amount', 'monthlyCap'].map(field),
    '} as const satisfies Record<string, FieldLimit>',
    '',
    '/** The top-up policy of a server that names none, in whole dollars (`TopUpLimits`). */',
    `export const DEFAULT_TOP_UP_LIMITS = { minimum: ${policy.minimum}, maximum: ${policy.maximum} } as const`,
    '',
  ]
}

/** The `Idempotency-Key` header's pattern: one for the optional and the required parameter. */
function idempotencyKeyLines(schemas) {
  const patterns = ['IdempotencyKey', 'IdempotencyKeyRequired'].map((name) => {
    const schema = schemas.get(`parameters/${name}`)
    const { pattern, maxLength } = schema ?? {}
    if (typeof pattern !== 'string' || !pattern.startsWith('^') || !pattern.endsWith('$')) {
      throw new Error(`openapi/payg.yaml: parameters.${name} needs an anchored pattern`)
    }
    if (schema.type !== 'string' || schema.minLength !== 1 || !Number.isInteger(maxLength)) {
      throw new Error(`openapi/payg.yaml: parameters.${name} needs a string of 1 to maxLength`)
    }
    return pattern
  })
  if (patterns[0] !== patterns[1]) {
    throw new Error('openapi/payg.yaml: the two Idempotency-Key parameters take different keys')
  }
  return [
    '/** What an `Idempotency-Key` may be (`IdempotencyKey` of the spec): URL-safe, never a dot segment. */',
    `export const IDEMPOTENCY_KEY_PATTERN: RegExp = /${patterns[0].replaceAll('/', '\\/')}/`,
    '',
  ]
}

/** The source of src/generated/pricingLimits.ts for the spec at `spec` (a file URL). */
export async function renderPricingLimits(spec) {
  const schemas = await componentSchemas(spec)
  const services = schemas.get('ServiceParams')?.properties
  const generation = schemas.get('CreateGenerationRequest')
  if (!services || !generation) {
    throw new Error('openapi/payg.yaml needs ServiceParams and CreateGenerationRequest schemas')
  }
  const lines = [
    "/** The calculator's parameter rules by service and field (`ServiceParams` of the spec). */",
    'export const PRICING_LIMITS = {',
  ]
  const fieldLines = (params, where, indent) =>
    Object.entries(params.properties ?? {}).map(([field, schema]) => {
      const rule = ruleOf(schemas, schema, `${where}.${field}`)
      const body = Object.entries(rule)
        .map(([key, value]) => `${key}: ${literal(value)}`)
        .join(', ')
      return `${indent}${field}: { ${body} },`
    })
  for (const [service, ref] of Object.entries(services)) {
    const fields = fieldLines(resolve(schemas, ref, service), `ServiceParams.${service}`, '    ')
    lines.push(...(fields.length ? [`  ${service}: {`, ...fields, '  },'] : [`  ${service}: {},`]))
  }
  lines.push(
    "} as const satisfies Record<components['schemas']['PricingService'], Record<string, FieldLimit>>",
    '',
    '/** The rules of a `POST /generations` body (`CreateGenerationRequest` of the spec). */',
    'export const GENERATION_LIMITS = {',
    ...fieldLines(generation, 'CreateGenerationRequest', '  '),
    '} as const satisfies Record<string, BodyFieldLimit>',
    '',
    ...usageLines(schemas),
    "/** A list's page size: `limit` of `GET /billing/top-ups` and `GET /billing/transactions`. */",
    `export const PAGE_LIMITS = { ${Object.entries(
      ruleOf(schemas, schemas.get('parameters/Limit'), 'parameters.Limit'),
    )
      .map(([key, value]) => `${key}: ${literal(value)}`)
      .join(', ')} } as const satisfies FieldLimit`,
    '',
    '/** The kinds of ledger entry, as `GET /billing/transactions?type=` takes them (`TransactionType`). */',
    `export const TRANSACTION_TYPES = ${literal(
      ruleOf(schemas, schemas.get('TransactionType'), 'TransactionType').enum,
    )} as const satisfies readonly components['schemas']['TransactionType'][]`,
    '',
    ...topUpLines(schemas),
    ...idempotencyKeyLines(schemas),
  )
  return header + lines.join('\n')
}
