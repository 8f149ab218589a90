import type { PricingRequest } from '@payg-kit/core'
import { expect, test } from 'vitest'
import { normalizePricingRequest } from './normalizePricingRequest'

test('keeps only the chosen service, sorts its keys and drops undefined', () => {
  const request = {
    service: 'IMAGE_GENERATION',
    serviceParams: {
      IMAGE_GENERATION: { numImages: 4, imageWidth: 512, alchemyMode: undefined },
      UNIVERSAL_UPSCALER: { upscaleMultiplier: 2 },
    },
  } as PricingRequest
  const normalized = normalizePricingRequest(request)
  expect(JSON.stringify(normalized)).toBe(
    '{"service":"IMAGE_GENERATION","serviceParams":{"IMAGE_GENERATION":{"imageWidth":512,"numImages":4}}}',
  )
  const reordered = {
    serviceParams: { IMAGE_GENERATION: { imageWidth: 512, numImages: 4 } },
    service: 'IMAGE_GENERATION',
  } as PricingRequest
  expect(JSON.stringify(normalizePricingRequest(reordered))).toBe(JSON.stringify(normalized))
})
