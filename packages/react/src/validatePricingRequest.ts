import type { PricingRequest, PricingService } from '@payg-kit/core'
import type { PricingProblem } from './types'

type Params = Record<string, unknown>
type Check = (params: Params, at: (field: string) => string) => PricingProblem[]

const SERVICES: readonly PricingService[] = [
  'IMAGE_GENERATION',
  'FANTASY_AVATAR_GENERATION',
  'MOTION_SVD_GENERATION',
  'MOTION_VIDEO_GENERATION',
  'VEO3_MOTION_VIDEO_GENERATION',
  'LCM_GENERATION',
  'MODEL_TRAINING',
  'TEXTURE_GENERATION',
  'UNIVERSAL_UPSCALER',
  'UNIVERSAL_UPSCALER_ULTRA',
]

interface NumberRule {
  integer?: boolean
  min?: number
  max?: number
  multipleOf?: number
}

function checkNumber(params: Params, name: string, field: string, rule: NumberRule) {
  const value = params[name]
  // null is absent, as Leonardo's SDK sends an unset nullable field.
  if (value === undefined || value === null) return []
  const kind = rule.integer ? 'a whole number' : 'a number'
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    (rule.integer && !Number.isInteger(value))
  ) {
    return [{ field, code: 'INVALID_TYPE', message: `${name} must be ${kind}.` }]
  }
  const { min, max, multipleOf } = rule
  if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
    const range =
      max === undefined
        ? `at least ${min}`
        : min === undefined
          ? `at most ${max}`
          : `between ${min} and ${max}`
    return [{ field, code: 'OUT_OF_RANGE', message: `${name} must be ${range}.` }]
  }
  if (multipleOf !== undefined && value % multipleOf !== 0) {
    return [
      { field, code: 'NOT_MULTIPLE_OF', message: `${name} must be a multiple of ${multipleOf}.` },
    ]
  }
  return []
}

function checkOneOf(params: Params, name: string, field: string, allowed: readonly unknown[]) {
  const value = params[name]
  if (value === undefined || value === null || allowed.includes(value)) return []
  return [
    { field, code: 'INVALID_VALUE', message: `${name} must be one of ${allowed.join(', ')}.` },
  ]
}

function checkBoolean(params: Params, name: string, field: string) {
  const value = params[name]
  if (value === undefined || value === null || typeof value === 'boolean') return []
  return [{ field, code: 'INVALID_TYPE', message: `${name} must be true or false.` }]
}

const side: NumberRule = { integer: true, min: 32, max: 1024, multipleOf: 8 }
const ultraUpscaler: Check = (p, at) => [
  ...checkNumber(p, 'inputWidth', at('inputWidth'), { integer: true, min: 1 }),
  ...checkNumber(p, 'inputHeight', at('inputHeight'), { integer: true, min: 1 }),
  ...checkNumber(p, 'upscaleMultiplier', at('upscaleMultiplier'), { min: 1, max: 2 }),
]

// The calculator's rules, as the spec states them (packages/core/openapi/payg.yaml).
const RULES: Record<PricingService, Check> = {
  IMAGE_GENERATION: (p, at) => {
    const problems = [
      ...checkNumber(p, 'imageWidth', at('imageWidth'), side),
      ...checkNumber(p, 'imageHeight', at('imageHeight'), side),
      ...checkNumber(p, 'numImages', at('numImages'), { integer: true, min: 1, max: 8 }),
      ...checkNumber(p, 'inferenceSteps', at('inferenceSteps'), {
        integer: true,
        min: 10,
        max: 60,
      }),
      ...checkNumber(p, 'promptMagicStrength', at('promptMagicStrength'), { min: 0.1, max: 1 }),
      ...checkOneOf(p, 'promptMagicVersion', at('promptMagicVersion'), ['v2', 'v3']),
      ...checkNumber(p, 'photoRealStrength', at('photoRealStrength'), { min: 0.45, max: 0.55 }),
      ...checkOneOf(p, 'photoRealVersion', at('photoRealVersion'), ['v1', 'v2']),
      ...checkNumber(p, 'loraCount', at('loraCount'), { integer: true, min: 0 }),
      ...checkNumber(p, 'controlnetsCost', at('controlnetsCost'), { integer: true, min: 0 }),
      ...[
        'promptMagic',
        'alchemyMode',
        'photoRealMode',
        'highResolution',
        'isModelCustom',
        'isPhoenix',
        'isSDXL',
        'isSDXLLightning',
        'isUltra',
        'isFluxSchnell',
        'isFluxDev',
        'isFluxKontext',
      ].flatMap((name) => checkBoolean(p, name, at(name))),
    ]
    const large = [p.imageWidth, p.imageHeight].some((v) => typeof v === 'number' && v > 768)
    const count = p.numImages
    if (large && typeof count === 'number' && count > 4 && count <= 8) {
      problems.push({
        field: at('numImages'),
        code: 'TOO_LARGE',
        message: 'numImages must be between 1 and 4 when a side is over 768.',
      })
    }
    return problems
  },
  FANTASY_AVATAR_GENERATION: (p, at) => [
    ...checkNumber(p, 'imageWidth', at('imageWidth'), side),
    ...checkNumber(p, 'imageHeight', at('imageHeight'), side),
    ...checkNumber(p, 'numImages', at('numImages'), { integer: true, min: 1, max: 8 }),
  ],
  // Leonardo's calculator takes no parameters for a motion clip.
  MOTION_SVD_GENERATION: () => [],
  MOTION_VIDEO_GENERATION: (p, at) =>
    checkOneOf(p, 'resolution', at('resolution'), ['RESOLUTION_480', 'RESOLUTION_720']),
  VEO3_MOTION_VIDEO_GENERATION: (p, at) =>
    checkOneOf(p, 'resolution', at('resolution'), ['RESOLUTION_720']),
  LCM_GENERATION: (p, at) => [
    ...checkOneOf(p, 'width', at('width'), [512, 640, 1024]),
    ...checkOneOf(p, 'height', at('height'), [512, 640, 1024]),
    ...checkBoolean(p, 'refine', at('refine')),
    ...checkBoolean(p, 'instantRefine', at('instantRefine')),
  ],
  MODEL_TRAINING: (p, at) => [
    ...checkOneOf(p, 'resolution', at('resolution'), [512, 768, 1024]),
    ...checkOneOf(p, 'sd_version', at('sd_version'), ['FLUX_DEV']),
    ...checkNumber(p, 'datasetImageCount', at('datasetImageCount'), {
      integer: true,
      min: 1,
      max: 50,
    }),
  ],
  TEXTURE_GENERATION: (p, at) => checkBoolean(p, 'preview', at('preview')),
  UNIVERSAL_UPSCALER: (p, at) =>
    checkNumber(p, 'megapixel', at('megapixel'), { integer: true, min: 1, max: 20 }),
  UNIVERSAL_UPSCALER_ULTRA: ultraUpscaler,
}

/**
 * Checks a pricing request against the calculator's rules without a request: sides 32..1024 in
 * steps of 8, 1..8 images (1..4 when a side is over 768), 10..60 steps, and the other services'
 * ranges. An empty array means the request may be sent.
 */
export function validatePricingRequest(request: PricingRequest): PricingProblem[] {
  const service = (request as { service?: unknown } | null)?.service
  if (!SERVICES.includes(service as PricingService)) {
    return [
      {
        field: 'service',
        code: service === undefined ? 'REQUIRED' : 'INVALID_VALUE',
        message: `service must be one of ${SERVICES.join(', ')}.`,
      },
    ]
  }
  const name = service as PricingService
  const params = (request.serviceParams as Record<string, unknown> | undefined)?.[name]
  if (params === undefined) return []
  const base = `serviceParams.${name}`
  if (params === null || typeof params !== 'object') {
    return [{ field: base, code: 'INVALID_TYPE', message: `${base} must be an object.` }]
  }
  return RULES[name](params as Params, (field) => `${base}.${field}`)
}
