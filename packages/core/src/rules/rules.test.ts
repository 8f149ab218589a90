import { readFile } from 'node:fs/promises'
import { describe, expect, test } from 'vitest'
import { renderPricingLimits } from '../../scripts/pricingLimits.mjs'
import {
  GENERATION_LIMITS,
  PRICING_LIMITS,
  priceCalculatorRequest,
  priceGenerationRequest,
  priceRequest,
  readCalculatorEnvelope,
  validatePricingRequest,
} from './index'

const codes = (service: unknown, settings?: unknown) =>
  validatePricingRequest(service, settings).map((error) => [error.field, error.code])

describe('PRICING_LIMITS', () => {
  test('is the committed output of the generator for openapi/payg.yaml (run `pnpm generate`)', async () => {
    const spec = new URL('../../openapi/payg.yaml', import.meta.url)
    const committed = await readFile(
      new URL('../generated/pricingLimits.ts', import.meta.url),
      'utf8',
    )
    expect(committed).toBe(await renderPricingLimits(spec))
  })

  test("reads the spec's bounds, enums and defaults", () => {
    expect(PRICING_LIMITS.IMAGE_GENERATION.imageWidth).toEqual({
      type: 'integer',
      minimum: 32,
      maximum: 1024,
      multipleOf: 8,
      default: 1024,
    })
    // An enum behind a $ref, nullable through oneOf.
    expect(PRICING_LIMITS.IMAGE_GENERATION.promptMagicVersion).toEqual({
      type: 'string',
      enum: ['v2', 'v3'],
    })
    // null is dropped from an enum: it counts as absent.
    expect(PRICING_LIMITS.LCM_GENERATION.width).toEqual({
      type: 'integer',
      enum: [512, 640, 1024],
      default: 512,
    })
    expect(PRICING_LIMITS.MOTION_SVD_GENERATION).toEqual({})
  })
})

describe('validatePricingRequest', () => {
  test('follows each bound of the table, just inside and just outside', () => {
    // Sides of 512 px, so that 8 images are allowed.
    const small = { imageWidth: 512, imageHeight: 512 }
    const base: Record<string, object> = {
      IMAGE_GENERATION: small,
      FANTASY_AVATAR_GENERATION: small,
    }
    for (const [service, fields] of Object.entries(PRICING_LIMITS)) {
      const codesOf = (settings: object) => codes(service, { ...base[service], ...settings })
      for (const [field, limit] of Object.entries(fields) as [string, Record<string, unknown>][]) {
        const path = `serviceParams.${service}.${field}`
        const { minimum, maximum, multipleOf } = limit as {
          minimum?: number
          maximum?: number
          multipleOf?: number
        }
        const step = multipleOf ?? (limit.type === 'integer' ? 1 : 0.01)
        if (minimum !== undefined) {
          expect(codesOf({ [field]: minimum }), path).toEqual([])
          expect(codesOf({ [field]: minimum - step }), path).toEqual([[path, 'OUT_OF_RANGE']])
        }
        if (maximum !== undefined) {
          expect(codesOf({ [field]: maximum }), path).toEqual([])
          expect(codesOf({ [field]: maximum + step }), path).toEqual([[path, 'OUT_OF_RANGE']])
        }
        if (Array.isArray(limit.enum)) {
          for (const value of limit.enum) expect(codesOf({ [field]: value })).toEqual([])
          expect(codesOf({ [field]: 'NOT_A_VALUE' })).toEqual([[path, 'INVALID_VALUE']])
        }
        if (limit.type === 'boolean') {
          expect(codesOf({ [field]: 'yes' })).toEqual([[path, 'INVALID_TYPE']])
        }
        // null is absent, as Leonardo's SDK sends an unset field.
        expect(codesOf({ [field]: null })).toEqual([])
      }
    }
  })

  test('states the rules the spec writes in words', () => {
    expect(codes('IMAGE_GENERATION', { numImages: 5, imageWidth: 776, imageHeight: 512 })).toEqual([
      ['serviceParams.IMAGE_GENERATION.numImages', 'TOO_LARGE'],
    ])
    // Absent sides are the defaults, 1024x768.
    expect(codes('IMAGE_GENERATION', { numImages: 5 })).toEqual([
      ['serviceParams.IMAGE_GENERATION.numImages', 'TOO_LARGE'],
    ])
    expect(codes('IMAGE_GENERATION', { numImages: 8, imageWidth: 768, imageHeight: 768 })).toEqual(
      [],
    )
    // 20 megapixels exactly is allowed; one pixel row more is not.
    expect(
      codes('UNIVERSAL_UPSCALER_ULTRA', {
        inputWidth: 2000,
        inputHeight: 2500,
        upscaleMultiplier: 2,
      }),
    ).toEqual([])
    expect(
      codes('UNIVERSAL_UPSCALER_ULTRA', {
        inputWidth: 2000,
        inputHeight: 2501,
        upscaleMultiplier: 2,
      }),
    ).toEqual([['serviceParams.UNIVERSAL_UPSCALER_ULTRA.upscaleMultiplier', 'TOO_LARGE']])
  })

  test('names a missing or unknown service, and parameters that are not an object', () => {
    expect(codes(undefined)).toEqual([['service', 'REQUIRED']])
    expect(codes('PAINTING', {})).toEqual([['service', 'INVALID_VALUE']])
    expect(codes('LCM_GENERATION', 'wide')).toEqual([
      ['serviceParams.LCM_GENERATION', 'INVALID_TYPE'],
    ])
    expect(codes('MOTION_SVD_GENERATION')).toEqual([])
  })

  test('names a parameter the service does not take, rather than pricing it at the default', () => {
    // `alchemy` for `alchemyMode`, and a key of Object.prototype.
    expect(codes('IMAGE_GENERATION', { alchemy: false, constructor: 1 })).toEqual([
      ['serviceParams.IMAGE_GENERATION.alchemy', 'UNKNOWN_FIELD'],
      ['serviceParams.IMAGE_GENERATION.constructor', 'UNKNOWN_FIELD'],
    ])
    const parsed = JSON.parse('{"__proto__": {"numImages": 8}}')
    expect(codes('IMAGE_GENERATION', parsed)).toEqual([
      ['serviceParams.IMAGE_GENERATION.__proto__', 'UNKNOWN_FIELD'],
    ])
    // Another service's parameter is unknown to this one.
    expect(codes('UNIVERSAL_UPSCALER', { inputWidth: 512 })).toEqual([
      ['serviceParams.UNIVERSAL_UPSCALER.inputWidth', 'UNKNOWN_FIELD'],
    ])
  })
})

describe('priceRequest', () => {
  test('prices the published example exactly: 4 Alchemy Lightning XL images at 1024x1024 are 40 credits, $0.048', () => {
    const outcome = priceRequest('IMAGE_GENERATION', {
      imageWidth: 1024,
      imageHeight: 1024,
      numImages: 4,
      alchemyMode: true,
      isSDXLLightning: true,
    })
    expect(outcome).toEqual({
      ok: true,
      value: expect.objectContaining({
        service: 'IMAGE_GENERATION',
        modelKey: 'SDXL_LIGHTNING',
        credits: 40n,
        cost: { amount: '0.048', unit: 'USD' },
      }),
    })
  })

  test('applies the spec defaults and refuses what the validator refuses', () => {
    const defaults = priceRequest('MOTION_VIDEO_GENERATION')
    expect(defaults.ok && defaults.value.description).toBe('Motion 2.0 video, 720p')
    expect(priceRequest('UNIVERSAL_UPSCALER', { megapixel: 21 })).toEqual({
      ok: false,
      fieldErrors: [
        expect.objectContaining({ field: 'serviceParams.UNIVERSAL_UPSCALER.megapixel' }),
      ],
    })
  })

  test('prices a service exactly as the whole calculator body is priced', () => {
    const settings = { imageWidth: 640, imageHeight: 832, numImages: 3, promptMagic: true }
    const alone = priceRequest('IMAGE_GENERATION', settings)
    const body = priceCalculatorRequest({
      service: 'IMAGE_GENERATION',
      serviceParams: { IMAGE_GENERATION: settings },
    })
    expect(alone.ok && body.ok && alone.value.credits === body.value.credits).toBe(true)
    expect(
      priceCalculatorRequest({ service: 'IMAGE_GENERATION', serviceParams: {}, extra: 1 }),
    ).toEqual({ ok: false, fieldErrors: [expect.objectContaining({ field: 'extra' })] })
  })

  test('reads the envelope of a body once for the mock and the server, naming every problem', () => {
    const fields = (body: unknown) => {
      const outcome = readCalculatorEnvelope(body)
      return outcome.ok ? outcome.value : outcome.fieldErrors.map((e) => [e.field, e.code])
    }
    expect(fields({ service: 'LCM_GENERATION', serviceParams: {} })).toEqual({
      service: 'LCM_GENERATION',
      settings: {},
    })
    expect(fields(null)).toEqual([['service', 'REQUIRED']])
    expect(fields({ extra: 1, serviceParams: { BOGUS: {} } })).toEqual([
      ['extra', 'UNKNOWN_FIELD'],
      ['service', 'REQUIRED'],
      ['serviceParams.BOGUS', 'UNKNOWN_FIELD'],
    ])
    expect(fields({ service: 'LCM_GENERATION', serviceParams: { LCM_GENERATION: 4 } })).toEqual([
      ['serviceParams.LCM_GENERATION', 'INVALID_TYPE'],
    ])
    // A service that is no string is never turned into one (its toString would throw).
    const hostile = {
      toString() {
        throw new Error('converted')
      },
    }
    expect(fields({ service: hostile, serviceParams: {} })).toEqual([['service', 'INVALID_VALUE']])
    // The settings are passed on unread: a custom price function reads them.
    const settings = { numImages: 99 }
    expect(
      fields({ service: 'IMAGE_GENERATION', serviceParams: { IMAGE_GENERATION: settings } }),
    ).toEqual({ service: 'IMAGE_GENERATION', settings })
  })
})

describe('priceGenerationRequest', () => {
  test("reads a POST /generations body by the spec's rules and defaults", () => {
    expect(GENERATION_LIMITS.width).toEqual({
      type: 'integer',
      minimum: 32,
      maximum: 1536,
      multipleOf: 8,
      default: 1024,
    })
    const fields = (body: object) => {
      const outcome = priceGenerationRequest(body)
      return outcome.ok ? [] : outcome.fieldErrors.map((error) => [error.field, error.code])
    }
    expect(fields({ width: 1536, height: 512, num_images: 4 })).toEqual([])
    expect(fields({ width: 1544, prompt: '', elements: 'none', seed: -1 })).toEqual([
      ['prompt', 'TOO_SHORT'],
      ['width', 'OUT_OF_RANGE'],
      ['seed', 'OUT_OF_RANGE'],
      ['elements', 'INVALID_TYPE'],
    ])
    const defaults = priceGenerationRequest({})
    expect(defaults.ok && defaults.value.generation).toEqual({
      prompt: GENERATION_LIMITS.prompt.default,
      modelId: GENERATION_LIMITS.modelId.default,
      presetStyle: 'DYNAMIC',
      width: 1024,
      height: 768,
      numImages: 4,
    })
  })
})
