import type { PricingRequest, PricingService } from '@payg-kit/core'
import type { PricingProblem } from './types'

type Params = Record<string, unknown>

interface NumberRule {
  integer?: boolean
  min?: number
  max?: number
  multipleOf?: number
}

/** A parameter's rule: a number's range, the values it may take, or true or false. */
type Rule = NumberRule | readonly unknown[] | 'boolean'

function checkNumber(value: unknown, name: string, field: string, rule: NumberRule) {
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

function check(params: Params, rules: Record<string, Rule>, at: (field: string) => string) {
  return Object.entries(rules).flatMap(([name, rule]): PricingProblem[] => {
    const value = params[name]
    // null is absent, as Leonardo's SDK sends an unset nullable field.
    if (value === undefined || value === null) return []
    const field = at(name)
    if (rule === 'boolean') {
      return typeof value === 'boolean'
        ? []
        : [{ field, code: 'INVALID_TYPE', message: `${name} must be true or false.` }]
    }
    if (Array.isArray(rule)) {
      return rule.includes(value)
        ? []
        : [{ field, code: 'INVALID_VALUE', message: `${name} must be one of ${rule.join(', ')}.` }]
    }
    return checkNumber(value, name, field, rule as NumberRule)
  })
}

const whole = (min: number, max?: number): NumberRule => ({ integer: true, min, max })
const side: NumberRule = { integer: true, min: 32, max: 1024, multipleOf: 8 }
const flags = (...names: string[]) =>
  Object.fromEntries(names.map((name) => [name, 'boolean' as const]))

// The calculator's rules, as the spec states them (packages/core/openapi/payg.yaml).
const RULES: Record<PricingService, Record<string, Rule>> = {
  IMAGE_GENERATION: {
    imageWidth: side,
    imageHeight: side,
    numImages: whole(1, 8),
    inferenceSteps: whole(10, 60),
    promptMagicStrength: { min: 0.1, max: 1 },
    promptMagicVersion: ['v2', 'v3'],
    photoRealStrength: { min: 0.45, max: 0.55 },
    photoRealVersion: ['v1', 'v2'],
    loraCount: whole(0),
    controlnetsCost: whole(0),
    ...flags(
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
    ),
  },
  FANTASY_AVATAR_GENERATION: { imageWidth: side, imageHeight: side, numImages: whole(1, 8) },
  // Leonardo's calculator takes no parameters for a motion clip.
  MOTION_SVD_GENERATION: {},
  MOTION_VIDEO_GENERATION: { resolution: ['RESOLUTION_480', 'RESOLUTION_720'] },
  VEO3_MOTION_VIDEO_GENERATION: { resolution: ['RESOLUTION_720'] },
  LCM_GENERATION: {
    width: [512, 640, 1024],
    height: [512, 640, 1024],
    ...flags('refine', 'instantRefine'),
  },
  MODEL_TRAINING: {
    resolution: [512, 768, 1024],
    sd_version: ['FLUX_DEV'],
    datasetImageCount: whole(1, 50),
  },
  TEXTURE_GENERATION: flags('preview'),
  UNIVERSAL_UPSCALER: { megapixel: whole(1, 20) },
  UNIVERSAL_UPSCALER_ULTRA: {
    inputWidth: whole(1),
    inputHeight: whole(1),
    upscaleMultiplier: { min: 1, max: 2 },
  },
}

const SERVICES = Object.keys(RULES) as PricingService[]

/** At most 4 images when a side is over 768, on top of the 1..8 every request has. */
function checkLargeBatch(p: Params, at: (field: string) => string): PricingProblem[] {
  const large = [p.imageWidth, p.imageHeight].some((v) => typeof v === 'number' && v > 768)
  const count = p.numImages
  return large && typeof count === 'number' && count > 4 && count <= 8
    ? [
        {
          field: at('numImages'),
          code: 'TOO_LARGE',
          message: 'numImages must be between 1 and 4 when a side is over 768.',
        },
      ]
    : []
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
  const at = (field: string) => `${base}.${field}`
  const problems = check(params as Params, RULES[name], at)
  return name === 'IMAGE_GENERATION'
    ? [...problems, ...checkLargeBatch(params as Params, at)]
    : problems
}
