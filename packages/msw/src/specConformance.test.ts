import { setupServer } from 'msw/node'
import openapiTS from 'openapi-typescript'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_NOW as NOW } from '../../../test/clock'
import { createPaygMock } from './createPaygMock'
import type { ApiError, Schemas } from './types'

/*
 * The spec is the one statement of what the API accepts: this test reads every bounded field
 * of the calculator's services and of the job endpoints' bodies from openapi/payg.yaml, and
 * checks that the mock accepts each bound and each enum value (and null where the spec allows
 * it) and refuses, on that field, what lies just outside.
 */

interface FieldSchema {
  type?: string | string[]
  enum?: unknown[]
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  multipleOf?: number
}

const BASE = 'https://cloud.leonardo.ai/api/rest/v1'
const mock = createPaygMock({ scenario: 'healthy', now: () => NOW })
const server = setupServer(...mock.handlers)
const fieldsOf = new Map<string, Map<string, FieldSchema>>()

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' })
  const schemas = new Map<string, Record<string, unknown>>()
  await openapiTS(new URL('../../core/openapi/payg.yaml', import.meta.url), {
    transform(schema, { path }) {
      const match = /^#\/components\/schemas\/(\w+)$/.exec(path ?? '')
      if (match && !schemas.has(match[1] as string)) {
        schemas.set(match[1] as string, schema as Record<string, unknown>)
      }
      return undefined
    },
  })
  // A field that is one named schema or null (`oneOf: [$ref, null]`) is read as that schema.
  const named = (value: object): FieldSchema | undefined => {
    const ref = '$ref' in value ? String(value.$ref) : undefined
    return ref ? (schemas.get(ref.split('/').pop() as string) as FieldSchema) : undefined
  }
  const read = (value: Record<string, unknown>): FieldSchema | undefined => {
    if ('$ref' in value) return undefined
    const members = (value.oneOf as Record<string, unknown>[] | undefined)?.filter(
      (member) => member.type !== 'null',
    )
    if (!members) return value as FieldSchema
    const target = members.length === 1 ? named(members[0] as object) : undefined
    return target && { ...target, type: [target.type ?? [], 'null'].flat() as string[] }
  }
  for (const [name, object] of schemas) {
    const parts = [object, ...((object.allOf as Record<string, unknown>[] | undefined) ?? [])]
    const fields = new Map<string, FieldSchema>()
    for (const part of parts) {
      const properties = (part.properties ?? {}) as Record<string, Record<string, unknown>>
      for (const [field, value] of Object.entries(properties)) {
        const schema = read(value)
        if (schema) fields.set(field, schema)
      }
    }
    if (fields.size) fieldsOf.set(name, fields)
  }
})
afterAll(() => server.close())

async function post(path: string, body: unknown): Promise<{ status: number; body: ApiError }> {
  const response = await fetch(`${BASE}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as ApiError }
}

const types = (schema: FieldSchema) => [schema.type ?? []].flat()

/** Values the spec allows for a field, and values just outside what it allows. */
function probes(schema: FieldSchema): { inside: unknown[]; outside: unknown[] } {
  const inside: unknown[] = []
  const outside: unknown[] = []
  const type = types(schema)
  if (type.includes('null')) inside.push(null)
  if (schema.enum) {
    inside.push(...schema.enum.filter((value) => value !== null))
    outside.push(type.includes('string') ? 'NOT_A_VALUE' : 999_999)
    return { inside, outside }
  }
  if (type.includes('boolean')) {
    inside.push(true, false)
    outside.push('yes')
  }
  if (type.includes('integer') || type.includes('number')) {
    const integer = type.includes('integer')
    const step = schema.multipleOf ?? (integer ? 1 : 0.01)
    if (schema.minimum !== undefined) {
      inside.push(schema.minimum)
      outside.push(schema.minimum - step)
    }
    if (schema.exclusiveMinimum !== undefined) outside.push(schema.exclusiveMinimum)
    if (schema.maximum !== undefined) {
      inside.push(schema.maximum)
      outside.push(schema.maximum + step)
    }
    if (integer) outside.push((schema.minimum ?? 1) + 0.5)
    if (schema.multipleOf && schema.minimum !== undefined) {
      outside.push(schema.minimum + schema.multipleOf / 2)
    }
    if (!integer && schema.minimum !== undefined && schema.maximum !== undefined) {
      // A fractional value in range (e.g. promptMagicStrength 0.8, guidance_scale 7.5).
      inside.push(Math.round(((schema.minimum + schema.maximum) / 2) * 100) / 100 + 0.05)
    }
  }
  return { inside, outside }
}

function bounded(schema: FieldSchema): boolean {
  return (
    schema.enum !== undefined ||
    schema.minimum !== undefined ||
    schema.maximum !== undefined ||
    schema.exclusiveMinimum !== undefined ||
    types(schema).includes('boolean')
  )
}

async function checkFields(
  schemaName: string,
  send: (field: string, value: unknown) => Promise<{ status: number; body: ApiError }>,
  fieldPath: (field: string) => string,
): Promise<number> {
  const fields = fieldsOf.get(schemaName)
  expect(fields, schemaName).toBeDefined()
  let checked = 0
  for (const [field, schema] of fields ?? []) {
    if (!bounded(schema)) continue
    const { inside, outside } = probes(schema)
    for (const value of inside) {
      const answer = await send(field, value)
      expect(
        answer.status,
        `${schemaName}.${field} = ${JSON.stringify(value)}: ${JSON.stringify(answer.body)}`,
      ).toBe(200)
    }
    for (const value of outside) {
      const answer = await send(field, value)
      expect(answer.status, `${schemaName}.${field} = ${JSON.stringify(value)}`).toBe(422)
      expect(answer.body.fieldErrors?.map((error) => error.field)).toContain(fieldPath(field))
    }
    checked++
  }
  return checked
}

describe('the mock accepts exactly what the spec states', () => {
  it("for every calculator service's parameters", async () => {
    const base: Record<string, Record<string, unknown>> = {
      IMAGE_GENERATION: { imageWidth: 512, imageHeight: 512 },
      FANTASY_AVATAR_GENERATION: { imageWidth: 512, imageHeight: 512 },
    }
    // MOTION_SVD_GENERATION takes no parameters.
    const schemaOf: Record<string, string> = {
      IMAGE_GENERATION: 'ImageGenerationParams',
      FANTASY_AVATAR_GENERATION: 'FantasyAvatarGenerationParams',
      MOTION_VIDEO_GENERATION: 'MotionVideoGenerationParams',
      VEO3_MOTION_VIDEO_GENERATION: 'Veo3MotionVideoGenerationParams',
      LCM_GENERATION: 'LcmGenerationParams',
      MODEL_TRAINING: 'ModelTrainingParams',
      TEXTURE_GENERATION: 'TextureGenerationParams',
      UNIVERSAL_UPSCALER: 'UniversalUpscalerParams',
      UNIVERSAL_UPSCALER_ULTRA: 'UniversalUpscalerUltraParams',
    }
    let checked = 0
    for (const [service, schemaName] of Object.entries(schemaOf)) {
      checked += await checkFields(
        schemaName,
        (field, value) =>
          post('/pricing-calculator', {
            service,
            serviceParams: { [service]: { ...base[service], [field]: value } },
          }),
        (field) => `serviceParams.${service}.${field}`,
      )
    }
    expect(checked).toBeGreaterThan(25)
  })

  it("for the job endpoints' bodies", async () => {
    mock.reset('healthy')
    mock.state.setBalance(100_000)
    const created = await post('/generations', { prompt: 'x', width: 512, height: 512 })
    const generationId = (created.body as unknown as Schemas['CreateGenerationResponse'])
      .sdGenerationJob?.generationId as string
    const read = await fetch(`${BASE}/generations/${generationId}`)
    const image = ((await read.json()) as Schemas['GetGenerationResponse']).generations_by_pk
      ?.generated_images?.[0]?.id
    const endpoints: Array<[string, string, Record<string, unknown>]> = [
      ['CreateGenerationRequest', '/generations', { prompt: 'x', width: 512, height: 512 }],
      ['CreateLCMGenerationRequest', '/generations-lcm', { prompt: 'x', imageDataUrl: 'd' }],
      ['PerformAlchemyUpscaleLCMRequest', '/lcm-upscale', { prompt: 'x', imageDataUrl: 'd' }],
      ['CreateTextToVideoGenerationRequest', '/generations-text-to-video', { prompt: 'x' }],
      ['CreateSVDMotionGenerationRequest', '/generations-motion-svd', { imageId: image }],
      [
        'CreateUniversalUpscalerJobRequest',
        '/variations/universal-upscaler',
        { generatedImageId: image, ultraUpscaleStyle: 'ARTISTIC' },
      ],
      [
        'CreateElementRequest',
        '/elements',
        { lora_focus: 'Style', learning_rate: 0.00001, num_train_epochs: 60 },
      ],
      ['CreateModelRequest', '/models', { datasetId: 'd', instance_prompt: 'p', name: 'n' }],
      ['PromptImproveRequest', '/prompt/improve', { prompt: 'x' }],
    ]
    let checked = 0
    // Fields the spec allows only without another one of the base body.
    const without: Record<string, string> = { upscalerStyle: 'ultraUpscaleStyle' }
    for (const [schemaName, path, base] of endpoints) {
      checked += await checkFields(
        schemaName,
        // The SVD endpoint's isInitImage: true names an uploaded image, which the mock takes as is.
        (field, value) => {
          const { [without[field] ?? '']: _, ...rest } = base
          return post(path, { ...rest, [field]: value })
        },
        (field) => field,
      )
    }
    expect(checked).toBeGreaterThan(30)
  })
})
