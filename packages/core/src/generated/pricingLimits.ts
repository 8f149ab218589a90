/**
 * Generated from openapi/payg.yaml by scripts/generate.mjs (`pnpm generate`). Do not edit.
 * The bounds of each pricing calculator service's parameters (`ServiceParams`) and of a
 * `POST /generations` body, as the spec states them. The test command fails when this file
 * and the spec disagree.
 */
import type { BodyFieldLimit, FieldLimit } from '../rules/FieldLimit'
import type { components } from './payg'

/** The calculator's parameter rules by service and field (`ServiceParams` of the spec). */
export const PRICING_LIMITS = {
  IMAGE_GENERATION: {
    imageWidth: { type: 'integer', minimum: 32, maximum: 1024, multipleOf: 8, default: 1024 },
    imageHeight: { type: 'integer', minimum: 32, maximum: 1024, multipleOf: 8, default: 768 },
    numImages: { type: 'integer', minimum: 1, maximum: 8, default: 4 },
    inferenceSteps: { type: 'integer', minimum: 10, maximum: 60, default: 15 },
    promptMagic: { type: 'boolean' },
    promptMagicStrength: { type: 'number', minimum: 0.1, maximum: 1 },
    promptMagicVersion: { type: 'string', enum: ['v2', 'v3'] },
    alchemyMode: { type: 'boolean', default: true },
    photoRealMode: { type: 'boolean' },
    photoRealStrength: { type: 'number', minimum: 0.45, maximum: 0.55 },
    photoRealVersion: { type: 'string', enum: ['v1', 'v2'] },
    highResolution: { type: 'boolean' },
    loraCount: { type: 'integer', minimum: 0 },
    isModelCustom: { type: 'boolean' },
    controlnetsCost: { type: 'integer', minimum: 0 },
    isPhoenix: { type: 'boolean' },
    isSDXL: { type: 'boolean' },
    isSDXLLightning: { type: 'boolean' },
    isUltra: { type: 'boolean' },
    isFluxSchnell: { type: 'boolean' },
    isFluxDev: { type: 'boolean' },
    isFluxKontext: { type: 'boolean' },
  },
  FANTASY_AVATAR_GENERATION: {
    imageWidth: { type: 'integer', minimum: 32, maximum: 1024, multipleOf: 8, default: 512 },
    imageHeight: { type: 'integer', minimum: 32, maximum: 1024, multipleOf: 8, default: 512 },
    numImages: { type: 'integer', minimum: 1, maximum: 8, default: 4 },
  },
  MOTION_SVD_GENERATION: {},
  MOTION_VIDEO_GENERATION: {
    resolution: { type: 'string', enum: ['RESOLUTION_480', 'RESOLUTION_720'], default: 'RESOLUTION_720' },
  },
  VEO3_MOTION_VIDEO_GENERATION: {
    resolution: { type: 'string', enum: ['RESOLUTION_720'], default: 'RESOLUTION_720' },
  },
  LCM_GENERATION: {
    width: { type: 'integer', enum: [512, 640, 1024], default: 512 },
    height: { type: 'integer', enum: [512, 640, 1024], default: 512 },
    refine: { type: 'boolean' },
    instantRefine: { type: 'boolean' },
  },
  MODEL_TRAINING: {
    resolution: { type: 'integer', enum: [512, 768, 1024], default: 512 },
    sd_version: { type: 'string', enum: ['FLUX_DEV'] },
    datasetImageCount: { type: 'integer', minimum: 1, maximum: 50 },
  },
  TEXTURE_GENERATION: {
    preview: { type: 'boolean', default: false },
  },
  UNIVERSAL_UPSCALER: {
    megapixel: { type: 'integer', minimum: 1, maximum: 20, default: 4 },
  },
  UNIVERSAL_UPSCALER_ULTRA: {
    inputWidth: { type: 'integer', minimum: 1 },
    inputHeight: { type: 'integer', minimum: 1 },
    upscaleMultiplier: { type: 'number', minimum: 1, maximum: 2 },
  },
} as const satisfies Record<components['schemas']['PricingService'], Record<string, FieldLimit>>

/** The rules of a `POST /generations` body (`CreateGenerationRequest` of the spec). */
export const GENERATION_LIMITS = {
  prompt: { type: 'string', minLength: 1, default: 'A majestic cat in the snow' },
  modelId: { type: 'string', default: 'b24e16ff-06e3-43eb-8d33-4416c2d75876' },
  num_images: { type: 'integer', minimum: 1, maximum: 8, default: 4 },
  width: { type: 'integer', minimum: 32, maximum: 1536, multipleOf: 8, default: 1024 },
  height: { type: 'integer', minimum: 32, maximum: 1536, multipleOf: 8, default: 768 },
  num_inference_steps: { type: 'integer', minimum: 10, maximum: 60, default: 15 },
  guidance_scale: { type: 'number', minimum: 1, maximum: 20 },
  alchemy: { type: 'boolean', default: true },
  presetStyle: { type: 'string', default: 'DYNAMIC' },
  public: { type: 'boolean' },
  negative_prompt: { type: 'string' },
  seed: { type: 'integer', minimum: 0 },
  photoReal: { type: 'boolean' },
  photoRealVersion: { type: 'string', enum: ['v1', 'v2'] },
  photoRealStrength: { type: 'number', minimum: 0.45, maximum: 0.55 },
  promptMagic: { type: 'boolean' },
  promptMagicStrength: { type: 'number', minimum: 0.1, maximum: 1 },
  promptMagicVersion: { type: 'string', enum: ['v2', 'v3'] },
  highResolution: { type: 'boolean' },
  ultra: { type: 'boolean' },
  contrast: { type: 'number', minimum: 1, maximum: 4.5 },
  enhancePrompt: { type: 'boolean' },
  elements: { type: 'array' },
} as const satisfies Record<string, BodyFieldLimit>

/** A usage report's bounds: its length in days, its bucket sizes and its most buckets. */
export const USAGE_LIMITS = {
  days: { type: 'integer', minimum: 1, maximum: 3660, default: 30 },
  granularity: ['DAY', 'WEEK', 'MONTH'],
  maxBuckets: 366,
} as const

/** A list's page size: `limit` of `GET /billing/top-ups` and `GET /billing/transactions`. */
export const PAGE_LIMITS = { type: 'integer', minimum: 1, maximum: 100, default: 20 } as const satisfies FieldLimit

/** The kinds of ledger entry, as `GET /billing/transactions?type=` takes them (`TransactionType`). */
export const TRANSACTION_TYPES = ['TOP_UP', 'AUTO_TOP_UP', 'USAGE', 'MIGRATION_CREDIT', 'FREE_CREDIT', 'ADJUSTMENT', 'REFUND'] as const satisfies readonly components['schemas']['TransactionType'][]

/** The bounds of the auto top-up settings, in whole dollars (`AutoTopUpUpdate` of the spec). */
export const AUTO_TOP_UP_LIMITS = {
  threshold: { type: 'integer', minimum: 1, maximum: 2147483647 },
  amount: { type: 'integer', minimum: 1, maximum: 2147483647 },
  monthlyCap: { type: 'integer', minimum: 1, maximum: 2147483647 },
} as const satisfies Record<string, FieldLimit>

/** The top-up policy of a server that names none, in whole dollars (`TopUpLimits`). */
export const DEFAULT_TOP_UP_LIMITS = { minimum: 5, maximum: 10000 } as const

/** What an `Idempotency-Key` may be (`IdempotencyKey` of the spec): URL-safe, never a dot segment. */
export const IDEMPOTENCY_KEY_PATTERN: RegExp = /^[A-Za-z0-9_~-][A-Za-z0-9._~-]{0,254}$/
