// Renders src/generated/pricingLimits.ts: the bounds of every pricing calculator service's
// parameters (`ServiceParams` in openapi/payg.yaml), so the validator reads the spec's ranges
// instead of a hand-copied table. Used by scripts/generate.mjs and by the staleness test.
import openapiTS from 'openapi-typescript'

/** The keywords a parameter may use; any other one stops the generator (nothing is dropped). */
const KNOWN = new Set([
  'type',
  'enum',
  'minimum',
  'maximum',
  'multipleOf',
  'default',
  'description',
  'examples',
  'oneOf',
  '$ref',
])
/** The rule's keys, in the order they are written. */
const RULE_KEYS = ['type', 'enum', 'minimum', 'maximum', 'multipleOf', 'default']

const header = `/**
 * Generated from openapi/payg.yaml by scripts/generate.mjs (\`pnpm generate\`). Do not edit.
 * The bounds of each pricing calculator service's parameters (\`ServiceParams\`), as the spec
 * states them. The test command fails when this file and the spec disagree.
 */
import type { FieldLimit } from '../rules/FieldLimit'
import type { components } from './payg'

`

/** Reads the component schemas of the spec, with references left as written. */
async function componentSchemas(spec) {
  const schemas = new Map()
  await openapiTS(spec, {
    transform(schema, { path }) {
      const match = /^#\/components\/schemas\/(\w+)$/.exec(path ?? '')
      if (match && !schemas.has(match[1])) schemas.set(match[1], schema)
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

/** The source of src/generated/pricingLimits.ts for the spec at `spec` (a file URL). */
export async function renderPricingLimits(spec) {
  const schemas = await componentSchemas(spec)
  const services = schemas.get('ServiceParams')?.properties
  if (!services) throw new Error('openapi/payg.yaml has no ServiceParams schema')
  const lines = [
    "/** The calculator's parameter rules by service and field (`ServiceParams` of the spec). */",
    'export const PRICING_LIMITS = {',
  ]
  for (const [service, ref] of Object.entries(services)) {
    const params = resolve(schemas, ref, `ServiceParams.${service}`)
    const fields = Object.entries(params.properties ?? {})
    if (fields.length === 0) {
      lines.push(`  ${service}: {},`)
      continue
    }
    lines.push(`  ${service}: {`)
    for (const [field, schema] of fields) {
      const rule = ruleOf(schemas, schema, `ServiceParams.${service}.${field}`)
      const body = Object.entries(rule)
        .map(([key, value]) => `${key}: ${literal(value)}`)
        .join(', ')
      lines.push(`    ${field}: { ${body} },`)
    }
    lines.push('  },')
  }
  lines.push(
    "} as const satisfies Record<components['schemas']['PricingService'], Record<string, FieldLimit>>",
    '',
  )
  return header + lines.join('\n')
}
