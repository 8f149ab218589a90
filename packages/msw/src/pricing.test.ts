import {
  creditsToMicros,
  discountedMicros,
  priceCalculatorRequest,
  priceGenerationRequest,
  priceVariation,
} from '@payg-kit/core/rules'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { TEST_NOW as NOW } from '../../../test/clock'
import { createPaygMock } from './createPaygMock'
import { formatMicros } from './money'
import type { ApiError, Schemas } from './types'

const BASE = 'https://cloud.leonardo.ai/api/rest/v1'
const mock = createPaygMock({ scenario: 'healthy', now: NOW })
const server = setupServer(...mock.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  mock.reset('healthy')
})
afterAll(() => server.close())

async function post<T>(path: string, body: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${BASE}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as T }
}

function credits(service: string, params: Record<string, unknown>): number {
  const outcome = priceCalculatorRequest({ service, serviceParams: { [service]: params } })
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.fieldErrors))
  return Number(outcome.value.credits)
}

describe('the illustrative price table', () => {
  it('reproduces the published credit points for 4 images at 512x512 and 1024x1024', () => {
    const at = (size: number, params: Record<string, unknown>) =>
      credits('IMAGE_GENERATION', { imageWidth: size, imageHeight: size, numImages: 4, ...params })
    expect([at(512, { alchemyMode: false }), at(1024, { alchemyMode: false })]).toEqual([7, 12])
    expect([
      at(512, { promptMagic: true, promptMagicVersion: 'v3', alchemyMode: true }),
      at(1024, { promptMagic: true, promptMagicVersion: 'v3', alchemyMode: true }),
    ]).toEqual([24, 63])
    expect([
      at(512, { isSDXLLightning: true, alchemyMode: true }),
      at(1024, { isSDXLLightning: true, alchemyMode: true }),
    ]).toEqual([15, 40])
    expect([
      at(512, { isSDXL: true, alchemyMode: true }),
      at(1024, { isSDXL: true, alchemyMode: true }),
    ]).toEqual([24, 66])
    expect([
      at(512, { photoRealMode: true, photoRealVersion: 'v1', alchemyMode: true }),
      at(1024, { photoRealMode: true, alchemyMode: true }),
    ]).toEqual([23, 63])
    expect([at(512, { alchemyMode: true }), at(1024, { alchemyMode: true })]).toEqual([16, 44])
  })

  it('prices a request without alchemyMode with Alchemy on, as POST /generations defaults it', () => {
    const settings = { imageWidth: 1024, imageHeight: 1024, numImages: 4, isSDXLLightning: true }
    expect(credits('IMAGE_GENERATION', settings)).toBe(40)
    expect(credits('IMAGE_GENERATION', { ...settings, alchemyMode: true })).toBe(40)
    expect(credits('IMAGE_GENERATION', { ...settings, alchemyMode: false })).toBe(20)
  })

  it("accepts the ranges Leonardo's SDK documents", () => {
    const image = { imageWidth: 1024, imageHeight: 1024, numImages: 4 }
    expect(
      credits('IMAGE_GENERATION', { ...image, promptMagic: true, promptMagicStrength: 0.8 }),
    ).toBeGreaterThan(0)
    expect(credits('IMAGE_GENERATION', { ...image, promptMagicStrength: 1 })).toBeGreaterThan(0)
    // The SDK sends null for an unset nullable flag; it counts as absent.
    expect(credits('IMAGE_GENERATION', { ...image, isPhoenix: null, loraCount: null })).toBe(
      credits('IMAGE_GENERATION', image),
    )
    expect(credits('MODEL_TRAINING', { resolution: 1024 })).toBe(2250)
    expect(credits('MODEL_TRAINING', { sd_version: 'FLUX_DEV', datasetImageCount: 10 })).toBe(700)
    expect(credits('MODEL_TRAINING', { sd_version: 'FLUX_DEV' })).toBe(900)
  })

  it('reproduces the published fixed job costs', () => {
    expect(Number(priceVariation('UPSCALE').credits)).toBe(15)
    expect(Number(priceVariation('UNZOOM').credits)).toBe(15)
    expect(Number(priceVariation('NOBG').credits)).toBe(5)
    expect(credits('MOTION_SVD_GENERATION', {})).toBe(45)
    expect(credits('TEXTURE_GENERATION', { preview: false })).toBe(150)
    expect(credits('TEXTURE_GENERATION', { preview: true })).toBe(30)
    expect(credits('MODEL_TRAINING', { resolution: 512 })).toBe(750)
    expect(credits('MODEL_TRAINING', { resolution: 768 })).toBe(1500)
  })

  it('prices the other services from their parameters', () => {
    expect(credits('MOTION_VIDEO_GENERATION', { resolution: 'RESOLUTION_480' })).toBe(100)
    expect(credits('MOTION_VIDEO_GENERATION', { resolution: 'RESOLUTION_720' })).toBe(200)
    expect(credits('VEO3_MOTION_VIDEO_GENERATION', { resolution: 'RESOLUTION_720' })).toBe(2000)
    expect(credits('VEO3_MOTION_VIDEO_GENERATION', {})).toBe(2000)
    expect(credits('LCM_GENERATION', { width: 512, height: 512 })).toBe(1)
    expect(credits('LCM_GENERATION', { width: 1024, height: 1024, refine: true })).toBe(14)
    // UNIVERSAL_UPSCALER takes the upscaled size in megapixels: 15 credits per started 4 MP.
    expect(credits('UNIVERSAL_UPSCALER', { megapixel: 3 })).toBe(15)
    expect(credits('UNIVERSAL_UPSCALER', { megapixel: 4 })).toBe(15)
    expect(credits('UNIVERSAL_UPSCALER', { megapixel: 5 })).toBe(30)
    expect(credits('UNIVERSAL_UPSCALER', { megapixel: 17 })).toBe(75)
    expect(
      credits('UNIVERSAL_UPSCALER_ULTRA', {
        inputWidth: 1024,
        inputHeight: 1024,
        upscaleMultiplier: 2,
      }),
    ).toBe(30)
    expect(
      credits('FANTASY_AVATAR_GENERATION', { imageWidth: 512, imageHeight: 512, numImages: 4 }),
    ).toBe(16)
  })

  it('grows with resolution and output count, and charges more for features', () => {
    const base = { imageWidth: 1024, imageHeight: 1024, numImages: 4, isPhoenix: true }
    expect(credits('IMAGE_GENERATION', { ...base, numImages: 1 })).toBeLessThan(
      credits('IMAGE_GENERATION', base),
    )
    expect(credits('IMAGE_GENERATION', { ...base, imageWidth: 512 })).toBeLessThan(
      credits('IMAGE_GENERATION', base),
    )
    expect(credits('IMAGE_GENERATION', { ...base, isUltra: true })).toBe(
      2 * credits('IMAGE_GENERATION', base),
    )
    expect(credits('IMAGE_GENERATION', { ...base, highResolution: true })).toBeGreaterThan(
      credits('IMAGE_GENERATION', base),
    )
    expect(credits('IMAGE_GENERATION', { ...base, loraCount: 2 })).toBe(
      credits('IMAGE_GENERATION', base) + 8,
    )
  })

  it('prices a generation request with the same table as the calculator', () => {
    const generation = priceGenerationRequest({
      prompt: 'a lighthouse',
      modelId: 'b24e16ff-06e3-43eb-8d33-4416c2d75876',
      width: 1024,
      height: 1024,
      num_images: 4,
      alchemy: true,
    })
    expect(generation.ok && generation.value.modelKey).toBe('SDXL_LIGHTNING')
    expect(generation.ok && Number(generation.value.credits)).toBe(40)
    const phoenix = priceGenerationRequest({
      prompt: 'x',
      modelId: 'de7d3faf-762f-48e0-b3b7-9d0ac3a3fcf3',
    })
    expect(phoenix.ok && phoenix.value.modelKey).toBe('PHOENIX')
    const custom = priceGenerationRequest({ prompt: 'x', modelId: 'my-own-model' })
    const sd15 = priceGenerationRequest({ prompt: 'x' })
    expect(custom.ok && sd15.ok && custom.value.credits > sd15.value.credits).toBe(true)
  })

  it('applies whole-percent discounts exactly', () => {
    const list = creditsToMicros(40n)
    expect(formatMicros(discountedMicros(list, 20))).toBe('0.0384')
    expect(formatMicros(discountedMicros(creditsToMicros(15n), 15))).toBe('0.0153')
    expect(formatMicros(discountedMicros(creditsToMicros(7n), 33))).toBe('0.005628')
  })
})

describe('POST /pricing-calculator', () => {
  it('prices 4 Alchemy Lightning XL images at 1024x1024 at the published $0.048', async () => {
    const response = await post<Schemas['PricingCalculatorResponse']>('/pricing-calculator', {
      service: 'IMAGE_GENERATION',
      serviceParams: {
        IMAGE_GENERATION: {
          imageWidth: 1024,
          imageHeight: 1024,
          numImages: 4,
          alchemyMode: true,
          isSDXLLightning: true,
        },
      },
    })
    expect(response.status).toBe(200)
    expect(response.body.calculateProductionApiServiceCost.cost).toBe(0.048)
  })

  it('answers 422 for 5 images when a side is over 768', async () => {
    const response = await post<ApiError>('/pricing-calculator', {
      service: 'IMAGE_GENERATION',
      serviceParams: { IMAGE_GENERATION: { imageWidth: 1024, imageHeight: 512, numImages: 5 } },
    })
    expect(response.status).toBe(422)
    expect(response.body.code).toBe('VALIDATION_FAILED')
    expect(response.body.fieldErrors).toEqual([
      expect.objectContaining({
        field: 'serviceParams.IMAGE_GENERATION.numImages',
        code: 'TOO_LARGE',
      }),
    ])
  })

  it('accepts 8 images when no side is over 768', async () => {
    const response = await post<Schemas['PricingCalculatorResponse']>('/pricing-calculator', {
      service: 'IMAGE_GENERATION',
      serviceParams: { IMAGE_GENERATION: { imageWidth: 768, imageHeight: 768, numImages: 8 } },
    })
    expect(response.status).toBe(200)
  })

  it('answers 422 for every out-of-range image parameter, naming each field', async () => {
    const response = await post<ApiError>('/pricing-calculator', {
      service: 'IMAGE_GENERATION',
      serviceParams: {
        IMAGE_GENERATION: {
          imageWidth: 1030,
          imageHeight: 20,
          numImages: 9,
          inferenceSteps: 61,
          photoRealVersion: 'v9',
        },
      },
    })
    expect(response.status).toBe(422)
    expect(response.body.fieldErrors?.map((error) => [error.field, error.code])).toEqual([
      ['serviceParams.IMAGE_GENERATION.imageWidth', 'OUT_OF_RANGE'],
      ['serviceParams.IMAGE_GENERATION.imageHeight', 'OUT_OF_RANGE'],
      ['serviceParams.IMAGE_GENERATION.numImages', 'OUT_OF_RANGE'],
      ['serviceParams.IMAGE_GENERATION.inferenceSteps', 'OUT_OF_RANGE'],
      ['serviceParams.IMAGE_GENERATION.photoRealVersion', 'INVALID_VALUE'],
    ])
  })

  it('answers 422 for a width that is not a multiple of 8', async () => {
    const response = await post<ApiError>('/pricing-calculator', {
      service: 'IMAGE_GENERATION',
      serviceParams: { IMAGE_GENERATION: { imageWidth: 1020 } },
    })
    expect(response.body.fieldErrors).toEqual([
      expect.objectContaining({
        field: 'serviceParams.IMAGE_GENERATION.imageWidth',
        code: 'NOT_MULTIPLE_OF',
      }),
    ])
  })

  it("validates the other services' parameters", async () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['MOTION_VIDEO_GENERATION', { resolution: 'RESOLUTION_1080' }, 'resolution'],
      ['VEO3_MOTION_VIDEO_GENERATION', { resolution: 'RESOLUTION_1080' }, 'resolution'],
      ['LCM_GENERATION', { width: 768 }, 'width'],
      ['MODEL_TRAINING', { resolution: 256 }, 'resolution'],
      ['MODEL_TRAINING', { sd_version: 'SDXL' }, 'sd_version'],
      ['MODEL_TRAINING', { sd_version: 'FLUX_DEV', datasetImageCount: 51 }, 'datasetImageCount'],
      ['TEXTURE_GENERATION', { preview: 'yes' }, 'preview'],
      ['UNIVERSAL_UPSCALER', { megapixel: 21 }, 'megapixel'],
      ['UNIVERSAL_UPSCALER', { megapixel: 2.5 }, 'megapixel'],
      ['UNIVERSAL_UPSCALER_ULTRA', { upscaleMultiplier: 2.5 }, 'upscaleMultiplier'],
      [
        'UNIVERSAL_UPSCALER_ULTRA',
        { inputWidth: 4096, inputHeight: 4096, upscaleMultiplier: 2 },
        'upscaleMultiplier',
      ],
      ['UNIVERSAL_UPSCALER_ULTRA', { inputWidth: 0 }, 'inputWidth'],
      ['FANTASY_AVATAR_GENERATION', { numImages: 0 }, 'numImages'],
      ['FANTASY_AVATAR_GENERATION', { imageWidth: 1024, numImages: 5 }, 'numImages'],
      ['IMAGE_GENERATION', { promptMagicStrength: 1.1 }, 'promptMagicStrength'],
    ]
    for (const [service, params, field] of cases) {
      const response = await post<ApiError>('/pricing-calculator', {
        service,
        serviceParams: { [service]: params },
      })
      expect(response.status, service).toBe(422)
      expect(response.body.fieldErrors?.[0]?.field, service).toBe(
        `serviceParams.${service}.${field}`,
      )
    }
  })

  it('answers 422 for an unknown service and 400 for a body that is not JSON', async () => {
    const unknown = await post<ApiError>('/pricing-calculator', {
      service: 'TELEPORT',
      serviceParams: {},
    })
    expect(unknown.status).toBe(422)
    expect(unknown.body.fieldErrors?.[0]).toMatchObject({ field: 'service', code: 'INVALID_VALUE' })
    const response = await fetch(`${BASE}/pricing-calculator`, { method: 'POST', body: '{nope' })
    expect(response.status).toBe(400)
    expect(((await response.json()) as ApiError).code).toBe('BAD_REQUEST')
  })

  it('answers in credits on a legacy plan', async () => {
    mock.reset('legacySubscription')
    const response = await post<Schemas['PricingCalculatorResponse']>('/pricing-calculator', {
      service: 'IMAGE_GENERATION',
      serviceParams: {
        IMAGE_GENERATION: {
          imageWidth: 1024,
          imageHeight: 1024,
          numImages: 4,
          alchemyMode: true,
          isSDXLLightning: true,
        },
      },
    })
    expect(response.body.calculateProductionApiServiceCost.cost).toBe(40)
  })
})

describe('discounts (custom deals)', () => {
  const phoenix = {
    service: 'IMAGE_GENERATION',
    serviceParams: {
      IMAGE_GENERATION: {
        imageWidth: 1024,
        imageHeight: 1024,
        numImages: 4,
        alchemyMode: true,
        isPhoenix: true,
      },
    },
  }

  it('quotes your price beside the list price', async () => {
    mock.reset('customDiscounts')
    const quote = await post<Schemas['Quote']>('/billing/pricing/quote', phoenix)
    expect(quote.status).toBe(200)
    expect(quote.body).toEqual({
      cost: { amount: '0.0576', unit: 'DOLLARS' },
      listCost: { amount: '0.072', unit: 'DOLLARS' },
      discountPercent: 20,
      modelKey: 'PHOENIX',
    })
    const calculator = await post<Schemas['PricingCalculatorResponse']>(
      '/pricing-calculator',
      phoenix,
    )
    expect(calculator.body.calculateProductionApiServiceCost.cost).toBe(0.0576)
  })

  it('quotes list prices to a self-serve account', async () => {
    const quote = await post<Schemas['Quote']>('/billing/pricing/quote', phoenix)
    expect(quote.body.cost).toEqual(quote.body.listCost)
    expect(quote.body.discountPercent).toBe(0)
  })

  it('charges the discounted price for a generation', async () => {
    mock.reset('customDiscounts')
    const before = mock.ledger.balance
    const response = await post<Schemas['CreateGenerationResponse']>('/generations', {
      prompt: 'a fox',
      modelId: 'b2614463-296c-462a-9586-aafdb8f00e36',
      width: 1024,
      height: 1024,
      num_images: 1,
    })
    // FLUX_DEV: 10 list credits = $0.012, less 15% = $0.0102.
    expect(response.body.sdGenerationJob?.cost).toEqual({ amount: '0.0102', unit: 'DOLLARS' })
    expect(response.body.sdGenerationJob?.apiCreditCost).toBe(10)
    expect(before - mock.ledger.balance).toBe(10_200n)
  })

  it('lists models with discounts and says the prices are illustrative', async () => {
    mock.reset('customDiscounts')
    const response = await fetch(`${BASE}/billing/pricing`)
    const pricing = (await response.json()) as Schemas['Pricing']
    expect(pricing.illustrative).toBe(true)
    expect(pricing.customPricing).toBe(true)
    expect(pricing.currency).toBe('USD')
    expect(pricing.models.find((model) => model.key === 'PHOENIX')?.discountPercent).toBe(20)
    expect(pricing.models.find((model) => model.key === 'FLUX_DEV')?.discountPercent).toBe(15)
    expect(pricing.models.find((model) => model.key === 'SDXL')?.discountPercent).toBe(0)
  })
})
