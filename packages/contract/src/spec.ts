// The spec's Leonardo operations (every operation not under /billing), read from
// packages/core/openapi/payg.yaml, so that a new one is covered as soon as the spec has it.
import { readFileSync } from 'node:fs'
import { load } from 'js-yaml'
import { fromOpenApi, resolveRef, type Shape } from './shape'

/** Where the spec lives. */
export const SPEC_URL: URL = new URL('../../core/openapi/payg.yaml', import.meta.url)

/** `METHOD /path` with the spec's path template, e.g. `GET /generations/{id}`. */
export type OperationKey = `${'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'} /${string}`

/** One Leonardo operation of the spec, with its JSON request body and 200 answer as Shapes. */
export interface SpecOperation {
  key: OperationKey
  operationId: string
  /** The JSON request body, when the operation takes one. */
  request?: Shape
  /** The JSON body of the 200 answer. */
  response?: Shape
  /** The JSON body of the 402 answer, when the operation can be refused for the balance. */
  refusal?: Shape
  /** The raw OpenAPI operation, for examples. */
  raw: Record<string, unknown>
}

type Json = Record<string, unknown>

/** Reads the spec. */
export function loadSpec(url: URL = SPEC_URL): Json {
  return load(readFileSync(url, 'utf8')) as Json
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const

/** Every operation of the spec that is not under `/billing` (the kit's extension), in spec order. */
export function leonardoOperations(spec: Json = loadSpec()): SpecOperation[] {
  const paths = (spec.paths ?? {}) as Record<string, Json>
  const operations: SpecOperation[] = []
  for (const [path, item] of Object.entries(paths)) {
    if (path === '/billing' || path.startsWith('/billing/')) continue
    for (const method of METHODS) {
      const raw = item[method] as Json | undefined
      if (!raw) continue
      const key = `${method.toUpperCase()} ${path}` as OperationKey
      operations.push({
        key,
        operationId: String(raw.operationId),
        raw,
        ...bodies(spec, raw),
      })
    }
  }
  return operations
}

function bodies(spec: Json, raw: Json): Pick<SpecOperation, 'request' | 'response' | 'refusal'> {
  const json = (holder: unknown): Shape | undefined => {
    if (typeof holder !== 'object' || holder === null) return undefined
    let node = holder as Json
    if (typeof node.$ref === 'string') node = resolveRef(spec, node.$ref)
    const content = node.content as Json | undefined
    const media = content?.['application/json'] as Json | undefined
    return media ? fromOpenApi(spec, media.schema) : undefined
  }
  const responses = (raw.responses ?? {}) as Json
  const result: Pick<SpecOperation, 'request' | 'response' | 'refusal'> = {}
  const request = json(raw.requestBody)
  const response = json(responses['200'])
  const refusal = json(responses['402'])
  if (request) result.request = request
  if (response) result.response = response
  if (refusal) result.refusal = refusal
  return result
}
