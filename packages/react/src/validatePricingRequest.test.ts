import type { PricingRequest } from '@payg-kit/core'
import { describe, expect, test } from 'vitest'
import { validatePricingRequest } from './validatePricingRequest'

const image = (params: Record<string, unknown>) =>
  ({ service: 'IMAGE_GENERATION', serviceParams: { IMAGE_GENERATION: params } }) as PricingRequest

const fields = (request: PricingRequest) =>
  validatePricingRequest(request).map((p) => [p.field, p.code])

describe('validatePricingRequest', () => {
  test('accepts the published example: 4 alchemy images at 1024x1024', () => {
    expect(
      validatePricingRequest(
        image({
          imageWidth: 1024,
          imageHeight: 1024,
          numImages: 4,
          inferenceSteps: 15,
          alchemyMode: true,
        }),
      ),
    ).toEqual([])
  })

  test('a service that is not a string is a problem, never turned into a string', () => {
    const hostile = {
      toString() {
        throw new Error('read')
      },
    }
    const request = { service: hostile, serviceParams: {} } as unknown as PricingRequest
    expect(fields(request)).toEqual([['service', 'INVALID_VALUE']])
    const symbol = { service: Symbol('IMAGE_GENERATION') } as unknown as PricingRequest
    expect(fields(symbol)).toEqual([['service', 'INVALID_VALUE']])
  })

  test('image sides are 32..1024 in steps of 8', () => {
    expect(fields(image({ imageWidth: 24 }))).toEqual([
      ['serviceParams.IMAGE_GENERATION.imageWidth', 'OUT_OF_RANGE'],
    ])
    expect(fields(image({ imageHeight: 1032 }))).toEqual([
      ['serviceParams.IMAGE_GENERATION.imageHeight', 'OUT_OF_RANGE'],
    ])
    expect(fields(image({ imageWidth: 515 }))).toEqual([
      ['serviceParams.IMAGE_GENERATION.imageWidth', 'NOT_MULTIPLE_OF'],
    ])
    expect(fields(image({ imageWidth: 32, imageHeight: 1024 }))).toEqual([])
  })

  test('1..8 images, but at most 4 when a side is over 768', () => {
    expect(fields(image({ numImages: 0 }))).toEqual([
      ['serviceParams.IMAGE_GENERATION.numImages', 'OUT_OF_RANGE'],
    ])
    expect(fields(image({ numImages: 9 }))).toEqual([
      ['serviceParams.IMAGE_GENERATION.numImages', 'OUT_OF_RANGE'],
    ])
    expect(fields(image({ numImages: 8, imageWidth: 768, imageHeight: 768 }))).toEqual([])
    expect(fields(image({ numImages: 5, imageWidth: 776, imageHeight: 512 }))).toEqual([
      ['serviceParams.IMAGE_GENERATION.numImages', 'TOO_LARGE'],
    ])
    expect(fields(image({ numImages: 4, imageWidth: 1024 }))).toEqual([])
  })

  test('10..60 inference steps, whole numbers only', () => {
    expect(fields(image({ inferenceSteps: 9 }))).toEqual([
      ['serviceParams.IMAGE_GENERATION.inferenceSteps', 'OUT_OF_RANGE'],
    ])
    expect(fields(image({ inferenceSteps: 61 }))).toEqual([
      ['serviceParams.IMAGE_GENERATION.inferenceSteps', 'OUT_OF_RANGE'],
    ])
    expect(fields(image({ inferenceSteps: 12.5 }))).toEqual([
      ['serviceParams.IMAGE_GENERATION.inferenceSteps', 'INVALID_TYPE'],
    ])
    expect(fields(image({ inferenceSteps: Number.NaN }))).toEqual([
      ['serviceParams.IMAGE_GENERATION.inferenceSteps', 'INVALID_TYPE'],
    ])
  })

  test('the other image settings: strengths, versions, counts and flags', () => {
    expect(
      fields(
        image({
          promptMagicStrength: 1.1,
          promptMagicVersion: 'v4',
          photoRealStrength: 0.4,
          loraCount: -1,
          alchemyMode: 'yes',
        }),
      ),
    ).toEqual([
      ['serviceParams.IMAGE_GENERATION.promptMagicStrength', 'OUT_OF_RANGE'],
      ['serviceParams.IMAGE_GENERATION.promptMagicVersion', 'INVALID_VALUE'],
      ['serviceParams.IMAGE_GENERATION.alchemyMode', 'INVALID_TYPE'],
      ['serviceParams.IMAGE_GENERATION.photoRealStrength', 'OUT_OF_RANGE'],
      ['serviceParams.IMAGE_GENERATION.loraCount', 'OUT_OF_RANGE'],
    ])
  })

  test("the other services' ranges", () => {
    const request = (service: string, params: Record<string, unknown>) =>
      ({ service, serviceParams: { [service]: params } }) as PricingRequest
    expect(fields(request('FANTASY_AVATAR_GENERATION', { numImages: 9, imageWidth: 100 }))).toEqual(
      [
        ['serviceParams.FANTASY_AVATAR_GENERATION.imageWidth', 'NOT_MULTIPLE_OF'],
        ['serviceParams.FANTASY_AVATAR_GENERATION.numImages', 'OUT_OF_RANGE'],
      ],
    )
    expect(fields(request('MOTION_SVD_GENERATION', {}))).toEqual([])
    expect(fields(request('MOTION_VIDEO_GENERATION', { resolution: 'RESOLUTION_1080' }))).toEqual([
      ['serviceParams.MOTION_VIDEO_GENERATION.resolution', 'INVALID_VALUE'],
    ])
    expect(
      fields(request('VEO3_MOTION_VIDEO_GENERATION', { resolution: 'RESOLUTION_1080' })),
    ).toEqual([['serviceParams.VEO3_MOTION_VIDEO_GENERATION.resolution', 'INVALID_VALUE']])
    expect(fields(request('LCM_GENERATION', { width: 768, height: 512 }))).toEqual([
      ['serviceParams.LCM_GENERATION.width', 'INVALID_VALUE'],
    ])
    expect(fields(request('MODEL_TRAINING', { resolution: 1024 }))).toEqual([])
    expect(fields(request('MODEL_TRAINING', { resolution: 256, datasetImageCount: 51 }))).toEqual([
      ['serviceParams.MODEL_TRAINING.resolution', 'INVALID_VALUE'],
      ['serviceParams.MODEL_TRAINING.datasetImageCount', 'OUT_OF_RANGE'],
    ])
    expect(fields(request('TEXTURE_GENERATION', { preview: 'no' }))).toEqual([
      ['serviceParams.TEXTURE_GENERATION.preview', 'INVALID_TYPE'],
    ])
    expect(fields(request('UNIVERSAL_UPSCALER', { megapixel: 21 }))).toEqual([
      ['serviceParams.UNIVERSAL_UPSCALER.megapixel', 'OUT_OF_RANGE'],
    ])
    expect(
      fields(request('UNIVERSAL_UPSCALER_ULTRA', { inputWidth: 0, upscaleMultiplier: 2.5 })),
    ).toEqual([
      ['serviceParams.UNIVERSAL_UPSCALER_ULTRA.inputWidth', 'OUT_OF_RANGE'],
      ['serviceParams.UNIVERSAL_UPSCALER_ULTRA.upscaleMultiplier', 'OUT_OF_RANGE'],
    ])
    expect(fields(request('UNIVERSAL_UPSCALER_ULTRA', { upscaleMultiplier: 1.5 }))).toEqual([])
  })

  test("accepts what Leonardo accepts: promptMagicStrength 0.8 and the SDK's nulls", () => {
    expect(fields(image({ promptMagicStrength: 0.8, isPhoenix: null, loraCount: null }))).toEqual(
      [],
    )
  })

  test('what the mock refuses, too: an Ultra upscale over 20 megapixels, 5 images at the default 1024x768', () => {
    expect(
      fields({
        service: 'UNIVERSAL_UPSCALER_ULTRA',
        serviceParams: {
          UNIVERSAL_UPSCALER_ULTRA: { inputWidth: 4096, inputHeight: 4096, upscaleMultiplier: 2 },
        },
      } as PricingRequest),
    ).toEqual([['serviceParams.UNIVERSAL_UPSCALER_ULTRA.upscaleMultiplier', 'TOO_LARGE']])
    expect(fields(image({ numImages: 5 }))).toEqual([
      ['serviceParams.IMAGE_GENERATION.numImages', 'TOO_LARGE'],
    ])
  })

  test('an unknown service is the only problem reported', () => {
    expect(fields({ service: 'PAINTING', serviceParams: {} } as unknown as PricingRequest)).toEqual(
      [['service', 'INVALID_VALUE']],
    )
  })
})
