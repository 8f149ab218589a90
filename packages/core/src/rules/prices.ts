import { GENERATION_LIMITS } from '../generated/pricingLimits'
import { checkLimit } from './checkValue'
import { createValidator, isRecord, type Validator } from './createValidator'
import type { BodyFieldLimit, FieldLimit, FieldValues } from './FieldLimit'
import { add, ceil, mul, type Ratio, ratio, upscaledPixels } from './ratio'
import {
  checkImageCount,
  type PricingOutcome,
  type PricingService,
  type PricingSettings,
} from './validatePricingRequest'

/*
 * ILLUSTRATIVE prices. Leonardo does not publish a PAYG dollar price list; this table is derived
 * from the credit estimates on Leonardo's "Plan with the Pricing Calculator" page (4 images at
 * 512x512 / 1024x1024, fixed job costs), converted at $0.0012 per credit so that 4 Alchemy
 * Lightning XL images at 1024x1024 = 40 credits = $0.048, the published PAYG example. Points
 * marked "published" are Leonardo's; the rest are the kit's own, chosen to look plausible.
 * Prices are computed in whole credits (rounded up) and converted to dollars exactly.
 */

/**
 * The kit's credits->dollars rate in micro-dollars per credit: $0.0012 per API credit, so that
 * the published 40-credit price of 4 Alchemy Lightning XL images at 1024x1024 is the published
 * PAYG price of $0.048. Used by the price table and by plan migration alike.
 */
export const MICROS_PER_CREDIT = 1200n

/** The pricing keys of image models (`PricingModel.key`, `Quote.modelKey`). */
export type ImageModelKey =
  | 'SD15'
  | 'SDXL'
  | 'SDXL_LIGHTNING'
  | 'PHOTOREAL_V1'
  | 'PHOTOREAL_V2'
  | 'PHOENIX'
  | 'FLUX_SCHNELL'
  | 'FLUX_DEV'
  | 'FLUX_KONTEXT'

/** Leonardo's variation jobs, priced at fixed published credits. */
export type VariationKey = 'UPSCALE' | 'NOBG' | 'UNZOOM'

/** Video models the calculator has no service for, priced at the kit's own prices. */
export type VideoModelKey = 'MOTION2FAST' | 'VEO3FAST' | 'KLING2_1' | 'KLING2_5'

/** Any pricing key: an image model, a job the calculator has no service for, or a service name. */
export type PricingKey =
  | ImageModelKey
  | VariationKey
  | VideoModelKey
  | 'VIDEO_UPSCALE'
  | 'PROMPT'
  | Exclude<PricingService, 'IMAGE_GENERATION'>

/** Credits for 4 images at 512x512 and at 1024x1024. */
type CurvePoints = readonly [at512: number, at1024: number]

interface ImageModelPrice {
  name: string
  /** Without Alchemy. */
  base: CurvePoints
  /** With Alchemy (models without Alchemy repeat `base`). */
  alchemy: CurvePoints
}

/** The illustrative image price curves, in credits for 4 images (see the comment on top). */
export const IMAGE_MODEL_PRICES: Readonly<Record<ImageModelKey, ImageModelPrice>> = {
  // Published: SD 1.5/2.1 7/12; DreamShaper v7 (an SD 1.5 model) + Alchemy v1 16/44.
  SD15: { name: 'Stable Diffusion 1.5', base: [7, 12], alchemy: [16, 44] },
  // Published with Alchemy v2 (Leonardo Diffusion XL): 24/66. Without: illustrative.
  SDXL: { name: 'Leonardo Diffusion XL', base: [12, 30], alchemy: [24, 66] },
  // Published with Alchemy v2: 15/40 (= $0.048 at 1024x1024). Without: illustrative.
  SDXL_LIGHTNING: { name: 'Leonardo Lightning XL', base: [8, 20], alchemy: [15, 40] },
  // Published: PhotoReal v1 + Alchemy v1 23/63 (PhotoReal requires Alchemy).
  PHOTOREAL_V1: { name: 'PhotoReal v1', base: [23, 63], alchemy: [23, 63] },
  PHOTOREAL_V2: { name: 'PhotoReal v2', base: [28, 76], alchemy: [28, 76] },
  PHOENIX: { name: 'Leonardo Phoenix', base: [16, 40], alchemy: [24, 60] },
  FLUX_SCHNELL: { name: 'FLUX.1 Schnell', base: [6, 16], alchemy: [6, 16] },
  FLUX_DEV: { name: 'FLUX.1 Dev', base: [14, 40], alchemy: [14, 40] },
  FLUX_KONTEXT: { name: 'FLUX.1 Kontext', base: [20, 56], alchemy: [20, 56] },
}

/** Prompt Magic surcharge for 4 images. v3 is published (SD 1.5 + PM v3 + Alchemy = 24/63). */
const PROMPT_MAGIC: Readonly<Record<'v2' | 'v3', CurvePoints>> = { v2: [4, 10], v3: [8, 19] }

/** Fixed and per-unit prices of the other services and jobs, in credits. */
export const FIXED_PRICES = {
  /** Published. */
  UPSCALE: 15,
  /** Published. */
  UNZOOM: 15,
  /** Published (remove background). */
  NOBG: 5,
  /** Published ("motion"). */
  MOTION_SVD_GENERATION: 45,
  /** Motion 2.0; RESOLUTION_1080 is the kit's own (the calculator has 480 and 720 only). */
  MOTION_VIDEO_GENERATION: { RESOLUTION_480: 100, RESOLUTION_720: 200, RESOLUTION_1080: 400 },
  /** One Veo 3 clip (the calculator takes no duration). */
  VEO3_MOTION_VIDEO_GENERATION: { RESOLUTION_720: 2000 },
  /** The kit's own: the calculator has no service for these models. Kling: per 5 seconds. */
  VIDEO_MODELS: { MOTION2FAST_SHARE: 0.5, VEO3FAST_SHARE: 0.5, KLING_PER_5S: 300 },
  /** The kit's own: the calculator has no service for video upscale. */
  VIDEO_UPSCALE: 100,
  /** The kit's own: Leonardo's SDK gives the prompt tools' `apiCreditCost` a default of 4. */
  PROMPT: 4,
  /** Published: 3D texturing 150, texturing preview 30. */
  TEXTURE_GENERATION: { full: 150, preview: 30 },
  /**
   * Published: 750 at 512px, 1500 at 768px; 1024px is the kit's own. FLUX_DEV trainings are
   * the kit's own: a base price plus one per dataset image (20 images when not given).
   */
  MODEL_TRAINING: {
    512: 750,
    768: 1500,
    1024: 2250,
    FLUX_DEV: { base: 500, perImage: 20, defaultImages: 20 },
  },
  /** Per started 512x512 block of output, plus refine surcharges. */
  LCM_GENERATION: { perBlock: 1, refine: 10, instantRefine: 2 },
  /** Per started 4 megapixels of output (the published upscale price for the first block). */
  UNIVERSAL_UPSCALER: 15,
  UNIVERSAL_UPSCALER_ULTRA: 30,
} as const

/** The pricing keys with display names and services, as `GET /billing/pricing` lists them. */
export const PRICING_MODELS: ReadonlyArray<{
  key: PricingKey
  name: string
  service: PricingService
}> = [
  ...(Object.keys(IMAGE_MODEL_PRICES) as ImageModelKey[]).map((key) => ({
    key,
    name: IMAGE_MODEL_PRICES[key].name,
    service: 'IMAGE_GENERATION' as const,
  })),
  { key: 'UPSCALE', name: 'Upscale (variation)', service: 'UNIVERSAL_UPSCALER' },
  { key: 'NOBG', name: 'Remove background (variation)', service: 'IMAGE_GENERATION' },
  { key: 'UNZOOM', name: 'Unzoom (variation)', service: 'IMAGE_GENERATION' },
  {
    key: 'FANTASY_AVATAR_GENERATION',
    name: 'Fantasy Avatar',
    service: 'FANTASY_AVATAR_GENERATION',
  },
  { key: 'MOTION_SVD_GENERATION', name: 'Motion (SVD)', service: 'MOTION_SVD_GENERATION' },
  { key: 'MOTION_VIDEO_GENERATION', name: 'Motion video', service: 'MOTION_VIDEO_GENERATION' },
  {
    key: 'VEO3_MOTION_VIDEO_GENERATION',
    name: 'Veo 3 video',
    service: 'VEO3_MOTION_VIDEO_GENERATION',
  },
  { key: 'MOTION2FAST', name: 'Motion 2.0 Fast video', service: 'MOTION_VIDEO_GENERATION' },
  { key: 'VEO3FAST', name: 'Veo 3 Fast video', service: 'VEO3_MOTION_VIDEO_GENERATION' },
  { key: 'KLING2_1', name: 'Kling 2.1 video', service: 'MOTION_VIDEO_GENERATION' },
  { key: 'KLING2_5', name: 'Kling 2.5 video', service: 'MOTION_VIDEO_GENERATION' },
  { key: 'VIDEO_UPSCALE', name: 'Video upscale', service: 'MOTION_VIDEO_GENERATION' },
  { key: 'PROMPT', name: 'Prompt improve / random', service: 'IMAGE_GENERATION' },
  { key: 'LCM_GENERATION', name: 'Realtime (LCM)', service: 'LCM_GENERATION' },
  { key: 'MODEL_TRAINING', name: 'Model training', service: 'MODEL_TRAINING' },
  { key: 'TEXTURE_GENERATION', name: '3D texturing', service: 'TEXTURE_GENERATION' },
  { key: 'UNIVERSAL_UPSCALER', name: 'Universal Upscaler', service: 'UNIVERSAL_UPSCALER' },
  {
    key: 'UNIVERSAL_UPSCALER_ULTRA',
    name: 'Universal Upscaler Ultra',
    service: 'UNIVERSAL_UPSCALER_ULTRA',
  },
]

/**
 * Well-known public Leonardo model ids and the pricing key they are priced with. Any other
 * `modelId` is priced as a custom (user-trained) SD 1.5 model.
 */
export const MODEL_IDS: Readonly<Record<string, { key: ImageModelKey; name: string }>> = {
  'de7d3faf-762f-48e0-b3b7-9d0ac3a3fcf3': { key: 'PHOENIX', name: 'Leonardo Phoenix 1.0' },
  '6b645e3a-d64f-4341-a6d8-7a3690fbf042': { key: 'PHOENIX', name: 'Leonardo Phoenix 0.9' },
  'b2614463-296c-462a-9586-aafdb8f00e36': { key: 'FLUX_DEV', name: 'Flux Dev' },
  '1dd50843-d653-4516-a8e3-f0238ee453ff': { key: 'FLUX_SCHNELL', name: 'Flux Schnell' },
  'b24e16ff-06e3-43eb-8d33-4416c2d75876': { key: 'SDXL_LIGHTNING', name: 'Leonardo Lightning XL' },
  '1e60896f-3c26-4296-8ecc-53e2afecc132': { key: 'SDXL', name: 'Leonardo Diffusion XL' },
  'aa77f04e-3eec-4034-9c07-d0f619684628': { key: 'SDXL', name: 'Leonardo Kino XL' },
  '5c232a9e-9061-4777-980a-ddc8e65647c6': { key: 'SDXL', name: 'Leonardo Vision XL' },
  '2067ae52-33fd-4a82-bb92-c2c55e7d2786': { key: 'SDXL', name: 'AlbedoBase XL' },
  'ac614f96-1082-45bf-be9d-757f2d31c174': { key: 'SD15', name: 'DreamShaper v7' },
  'e316348f-7773-490e-adcd-46757c738eb7': { key: 'SD15', name: 'Absolute Reality v1.6' },
}

/** A priced request: what it is, which key it matched, and its list price in credits. */
export interface PricedRequest {
  service: PricingService
  modelKey: PricingKey
  /** List price in whole credits; dollars are `credits * $0.0012` before any discount. */
  credits: bigint
  /** A short human description for the ledger. */
  description: string
}

/** A generation request after validation, with the defaults of `POST /generations` applied. */
export interface NormalizedGeneration {
  prompt: string
  modelId: string
  presetStyle: string
  width: number
  height: number
  numImages: number
}

const AREA_512 = 512n * 512n
const AREA_1024 = 1024n * 1024n

/** Credits for 4 images at `area` pixels, linear in area through the two published points. */
function curve([at512, at1024]: CurvePoints, area: bigint): Ratio {
  const slope = ratio(BigInt(at1024 - at512) * (area - AREA_512), AREA_1024 - AREA_512)
  return add(ratio(at512), slope)
}

// ----- image pricing -------------------------------------------------------------------------

/** The settings an image generation is priced by. */
export interface ImageSettings {
  modelKey: ImageModelKey
  width: number
  height: number
  numImages: number
  inferenceSteps: number
  alchemy: boolean
  promptMagicVersion: 'v2' | 'v3' | null
  highResolution: boolean
  ultra: boolean
  customModel: boolean
  loraCount: number
  controlnetsCost: number
}

function priceImages(settings: ImageSettings): bigint {
  const model = IMAGE_MODEL_PRICES[settings.modelKey]
  const area = BigInt(settings.width) * BigInt(settings.height)
  let forFour = curve(settings.alchemy ? model.alchemy : model.base, area)
  if (settings.promptMagicVersion) {
    forFour = add(forFour, curve(PROMPT_MAGIC[settings.promptMagicVersion], area))
  }
  let total = mul(forFour, ratio(settings.numImages, 4))
  if (settings.highResolution) total = mul(total, ratio(3, 2))
  if (settings.ultra) total = mul(total, ratio(2))
  if (settings.customModel) total = mul(total, ratio(5, 4))
  if (settings.inferenceSteps > 30) total = mul(total, ratio(settings.inferenceSteps, 30))
  total = add(total, ratio(BigInt(settings.loraCount) * BigInt(settings.numImages)))
  // controlnetsCost is a credit amount reported by the API; keep six decimals of it, exactly.
  const controlnets = settings.controlnetsCost
  total = add(
    total,
    Number.isInteger(controlnets)
      ? ratio(controlnets)
      : ratio(Math.round(controlnets * 1_000_000), 1_000_000),
  )
  const credits = ceil(total)
  return credits < 1n ? 1n : credits
}

function describeImages(settings: ImageSettings, label = 'Image generation'): string {
  const features = [
    settings.alchemy ? 'Alchemy' : null,
    settings.promptMagicVersion ? `Prompt Magic ${settings.promptMagicVersion}` : null,
    settings.highResolution ? 'High Resolution' : null,
    settings.ultra ? 'Ultra' : null,
  ].filter(Boolean)
  const count = `${settings.numImages} image${settings.numImages === 1 ? '' : 's'}`
  const name = IMAGE_MODEL_PRICES[settings.modelKey].name
  const suffix = features.length ? ` with ${features.join(', ')}` : ''
  return `${label}, ${count} at ${settings.width}x${settings.height}${suffix} (${name})`
}

/** The calculator's flags -> a pricing key, most specific first. */
function modelKeyFromFlags(flags: {
  photoRealMode?: boolean
  photoRealVersion?: 'v1' | 'v2'
  isFluxKontext?: boolean
  isFluxDev?: boolean
  isFluxSchnell?: boolean
  isPhoenix?: boolean
  isSDXLLightning?: boolean
  isSDXL?: boolean
}): ImageModelKey {
  if (flags.photoRealMode) return flags.photoRealVersion === 'v2' ? 'PHOTOREAL_V2' : 'PHOTOREAL_V1'
  if (flags.isFluxKontext) return 'FLUX_KONTEXT'
  if (flags.isFluxDev) return 'FLUX_DEV'
  if (flags.isFluxSchnell) return 'FLUX_SCHNELL'
  if (flags.isPhoenix) return 'PHOENIX'
  if (flags.isSDXLLightning) return 'SDXL_LIGHTNING'
  if (flags.isSDXL) return 'SDXL'
  return 'SD15'
}

// ----- one pricing function per service -----------------------------------------------------
// The calculator and the endpoints read their own inputs, then call the same function, so a job
// is charged exactly what `POST /pricing-calculator` answers for the settings it ran with.

const priced = (
  service: PricingService,
  modelKey: PricingKey,
  credits: bigint,
  description: string,
): PricedRequest => ({ service, modelKey, credits: credits < 1n ? 1n : credits, description })

/** `IMAGE_GENERATION`: an image generation's settings. */
export function priceImageGeneration(settings: ImageSettings, label?: string): PricedRequest {
  return priced(
    'IMAGE_GENERATION',
    settings.modelKey,
    priceImages(settings),
    describeImages(settings, label),
  )
}

/** `FANTASY_AVATAR_GENERATION`: priced on the SD 1.5 + Alchemy curve (illustrative). */
export function priceFantasyAvatar(p: {
  width: number
  height: number
  numImages: number
}): PricedRequest {
  const credits = ceil(
    mul(curve(IMAGE_MODEL_PRICES.SD15.alchemy, BigInt(p.width * p.height)), ratio(p.numImages, 4)),
  )
  return priced(
    'FANTASY_AVATAR_GENERATION',
    'FANTASY_AVATAR_GENERATION',
    credits,
    `Fantasy Avatar, ${p.numImages} at ${p.width}x${p.height}`,
  )
}

/** `MOTION_SVD_GENERATION`: a fixed price per clip. */
export function priceMotionSvd(): PricedRequest {
  return priced(
    'MOTION_SVD_GENERATION',
    'MOTION_SVD_GENERATION',
    BigInt(FIXED_PRICES.MOTION_SVD_GENERATION),
    'Motion (SVD)',
  )
}

/** A video resolution the endpoints accept. */
export type VideoResolution = 'RESOLUTION_480' | 'RESOLUTION_720' | 'RESOLUTION_1080'

const resolutionLabel = (resolution: VideoResolution) => `${resolution.replace('RESOLUTION_', '')}p`

/** `MOTION_VIDEO_GENERATION`: a Motion 2.0 clip (1080p is the kit's own price). */
export function priceMotionVideo(resolution: VideoResolution): PricedRequest {
  return priced(
    'MOTION_VIDEO_GENERATION',
    'MOTION_VIDEO_GENERATION',
    BigInt(FIXED_PRICES.MOTION_VIDEO_GENERATION[resolution]),
    `Motion 2.0 video, ${resolutionLabel(resolution)}`,
  )
}

/** `VEO3_MOTION_VIDEO_GENERATION`: one Veo 3 clip at 720p, whatever its duration. */
export function priceVeo3Video(): PricedRequest {
  return priced(
    'VEO3_MOTION_VIDEO_GENERATION',
    'VEO3_MOTION_VIDEO_GENERATION',
    BigInt(FIXED_PRICES.VEO3_MOTION_VIDEO_GENERATION.RESOLUTION_720),
    'Veo 3 video, 720p',
  )
}

/** `LCM_GENERATION`: per started 512x512 block, plus the refine surcharges. */
export function priceLcm(p: {
  width: number
  height: number
  refine: boolean
  instantRefine: boolean
}): PricedRequest {
  const prices = FIXED_PRICES.LCM_GENERATION
  let credits = ceil(ratio(BigInt(p.width * p.height) * BigInt(prices.perBlock), AREA_512))
  if (p.refine) credits += BigInt(prices.refine)
  if (p.instantRefine) credits += BigInt(prices.instantRefine)
  const extra = p.refine ? ', Alchemy upscale' : p.instantRefine ? ', instant refine' : ''
  return priced(
    'LCM_GENERATION',
    'LCM_GENERATION',
    credits,
    `Realtime image, ${p.width}x${p.height}${extra}`,
  )
}

/** `MODEL_TRAINING`: by resolution, or for FLUX_DEV by the dataset's size. */
export function priceModelTraining(p: {
  resolution: 512 | 768 | 1024
  sdVersion: 'FLUX_DEV' | null
  datasetImageCount: number | null
}): PricedRequest {
  const prices = FIXED_PRICES.MODEL_TRAINING
  if (p.sdVersion === 'FLUX_DEV') {
    const images = p.datasetImageCount ?? prices.FLUX_DEV.defaultImages
    return priced(
      'MODEL_TRAINING',
      'MODEL_TRAINING',
      BigInt(prices.FLUX_DEV.base + prices.FLUX_DEV.perImage * images),
      `FLUX_DEV training on ${images} images`,
    )
  }
  return priced(
    'MODEL_TRAINING',
    'MODEL_TRAINING',
    BigInt(prices[p.resolution]),
    `Model training at ${p.resolution}px`,
  )
}

/** `TEXTURE_GENERATION`: a full texture or a preview. */
export function priceTexture(preview: boolean): PricedRequest {
  const prices = FIXED_PRICES.TEXTURE_GENERATION
  return priced(
    'TEXTURE_GENERATION',
    'TEXTURE_GENERATION',
    BigInt(preview ? prices.preview : prices.full),
    preview ? '3D texturing preview' : '3D texturing',
  )
}

/** `UNIVERSAL_UPSCALER`: per started 4 megapixels of the upscaled image. */
export function priceUniversalUpscaler(megapixel: number): PricedRequest {
  const blocks = ceil(ratio(megapixel, 4))
  return priced(
    'UNIVERSAL_UPSCALER',
    'UNIVERSAL_UPSCALER',
    (blocks < 1n ? 1n : blocks) * BigInt(FIXED_PRICES.UNIVERSAL_UPSCALER),
    `Universal Upscaler, ${megapixel} MP`,
  )
}

/** The whole megapixels (rounded up) of an upscale, as the Universal Upscaler is priced. */
export function upscaledMegapixels(width: number, height: number, multiplier: number): number {
  return Number(ceil(mul(upscaledPixels(width, height, multiplier), ratio(1, 1_000_000))))
}

/** `UNIVERSAL_UPSCALER_ULTRA`: per started 4 megapixels (4,194,304 pixels) of output. */
export function priceUniversalUpscalerUltra(p: {
  inputWidth: number
  inputHeight: number
  upscaleMultiplier: number
}): PricedRequest {
  const output = upscaledPixels(p.inputWidth, p.inputHeight, p.upscaleMultiplier)
  const blocks = ceil(mul(output, ratio(1, 4_194_304)))
  return priced(
    'UNIVERSAL_UPSCALER_ULTRA',
    'UNIVERSAL_UPSCALER_ULTRA',
    (blocks < 1n ? 1n : blocks) * BigInt(FIXED_PRICES.UNIVERSAL_UPSCALER_ULTRA),
    `Universal Upscaler Ultra, ${p.inputWidth}x${p.inputHeight} by ${p.upscaleMultiplier}x`,
  )
}

/** A video model of `POST /generations-text-to-video` and `-image-to-video`. */
export type VideoModel = 'MOTION2' | 'MOTION2FAST' | 'VEO3' | 'VEO3FAST' | 'KLING2_1' | 'KLING2_5'

/**
 * A video generation: `MOTION2` and `VEO3` through their calculator services; the models the
 * calculator has no service for at the kit's own prices (see `FIXED_PRICES`).
 */
export function priceVideo(p: {
  model: VideoModel
  resolution: VideoResolution
  duration: number | null
}): PricedRequest {
  const share = FIXED_PRICES.VIDEO_MODELS
  const half = (of: PricedRequest, key: VideoModelKey, name: string): PricedRequest =>
    priced(of.service, key, ceil(mul(ratio(of.credits), ratio(1, 2))), name)
  switch (p.model) {
    case 'MOTION2':
      return priceMotionVideo(p.resolution)
    case 'VEO3':
      return priceVeo3Video()
    case 'MOTION2FAST':
      return half(
        priceMotionVideo(p.resolution),
        'MOTION2FAST',
        `Motion 2.0 Fast video, ${resolutionLabel(p.resolution)}`,
      )
    case 'VEO3FAST':
      return half(priceVeo3Video(), 'VEO3FAST', 'Veo 3 Fast video, 720p')
    case 'KLING2_1':
    case 'KLING2_5': {
      const seconds = p.model === 'KLING2_5' ? (p.duration ?? 5) : 5
      const name = p.model === 'KLING2_5' ? 'Kling 2.5' : 'Kling 2.1'
      return priced(
        'MOTION_VIDEO_GENERATION',
        p.model,
        BigInt(share.KLING_PER_5S * Math.ceil(seconds / 5)),
        `${name} video, ${seconds}s at ${resolutionLabel(p.resolution)}`,
      )
    }
  }
}

/** A video upscale to 720p (the kit's own price: the calculator has no service for it). */
export function priceVideoUpscale(): PricedRequest {
  return priced(
    'MOTION_VIDEO_GENERATION',
    'VIDEO_UPSCALE',
    BigInt(FIXED_PRICES.VIDEO_UPSCALE),
    'Video upscale, 720p',
  )
}

/** A prompt tool (the kit's own price: the calculator has no service for it). */
export function pricePrompt(kind: 'IMPROVE' | 'RANDOM'): PricedRequest {
  return priced(
    'IMAGE_GENERATION',
    'PROMPT',
    BigInt(FIXED_PRICES.PROMPT),
    kind === 'IMPROVE' ? 'Prompt improve' : 'Random prompt',
  )
}

/** Prices a variation job (upscale 15, unzoom 15, remove background 5 credits: published). */
export function priceVariation(kind: VariationKey): PricedRequest {
  const names = { UPSCALE: 'Upscale', NOBG: 'Remove background', UNZOOM: 'Unzoom' }
  return priced(
    kind === 'UPSCALE' ? 'UNIVERSAL_UPSCALER' : 'IMAGE_GENERATION',
    kind,
    BigInt(FIXED_PRICES[kind]),
    names[kind],
  )
}

/** The calculator's price of a validated request, by service: one function per service. */
export function priceSettings({ service, params: p }: PricingSettings): PricedRequest {
  switch (service) {
    case 'IMAGE_GENERATION':
      return priceImageGeneration({
        modelKey: modelKeyFromFlags(p),
        width: p.imageWidth,
        height: p.imageHeight,
        numImages: p.numImages,
        inferenceSteps: p.inferenceSteps,
        alchemy: p.alchemyMode,
        promptMagicVersion: p.promptMagic ? (p.promptMagicVersion ?? 'v3') : null,
        highResolution: p.highResolution ?? false,
        ultra: p.isUltra ?? false,
        customModel: p.isModelCustom ?? false,
        loraCount: p.loraCount ?? 0,
        controlnetsCost: p.controlnetsCost ?? 0,
      })
    case 'FANTASY_AVATAR_GENERATION':
      return priceFantasyAvatar({
        width: p.imageWidth,
        height: p.imageHeight,
        numImages: p.numImages,
      })
    case 'MOTION_SVD_GENERATION':
      return priceMotionSvd()
    case 'MOTION_VIDEO_GENERATION':
      return priceMotionVideo(p.resolution)
    case 'VEO3_MOTION_VIDEO_GENERATION':
      return priceVeo3Video()
    case 'LCM_GENERATION':
      return priceLcm({
        width: p.width,
        height: p.height,
        refine: p.refine ?? false,
        instantRefine: p.instantRefine ?? false,
      })
    case 'MODEL_TRAINING':
      return priceModelTraining({
        resolution: p.resolution,
        sdVersion: p.sd_version ?? null,
        datasetImageCount: p.datasetImageCount ?? null,
      })
    case 'TEXTURE_GENERATION':
      return priceTexture(p.preview)
    case 'UNIVERSAL_UPSCALER':
      return priceUniversalUpscaler(p.megapixel)
    case 'UNIVERSAL_UPSCALER_ULTRA':
      return priceUniversalUpscalerUltra(p)
  }
}

// ----- generations -------------------------------------------------------------------------

/** The model `POST /generations` uses when `modelId` is absent (Leonardo's default). */
export const DEFAULT_MODEL_ID: string = GENERATION_LIMITS.modelId.default

/** The prompt `POST /generations` uses when `prompt` is absent (Leonardo's default). */
export const DEFAULT_PROMPT: string = GENERATION_LIMITS.prompt.default

/** Reads a body's fields by their rules: each value, or its default when absent or wrong. */
function readBody<T extends Record<string, BodyFieldLimit>>(
  v: Pick<Validator, 'add'>,
  body: Record<string, unknown>,
  limits: T,
): FieldValues<T> {
  const values: Record<string, unknown> = {}
  for (const [key, limit] of Object.entries(limits)) {
    const value = body[key]
    const absent = value === undefined || value === null
    const problem = absent
      ? undefined
      : limit.type === 'array'
        ? Array.isArray(value)
          ? undefined
          : (['INVALID_TYPE', 'Must be an array.'] as const)
        : typeof value === 'string' && value.length < (limit.minLength ?? 0)
          ? (['TOO_SHORT', 'Too short.'] as const)
          : checkLimit(value, limit as FieldLimit)
    if (problem) v.add(key, problem[1], problem[0])
    values[key] = absent || problem ? limit.default : value
  }
  return values as FieldValues<T>
}

/**
 * Validates a `POST /generations` body by the spec's rules (`GENERATION_LIMITS`: sides 32..1536
 * in steps of 8, 1..8 images and 1..4 when a side is over 768, 10..60 steps, ...) with its
 * defaults (Lightning XL, Alchemy on, 1024x768, 4 images) and prices it as the calculator's
 * `IMAGE_GENERATION`: `modelId` -> pricing key via {@link MODEL_IDS} (unknown ids are custom
 * models).
 */
export function priceGenerationRequest(
  body: unknown,
): PricingOutcome<PricedRequest & { generation: NormalizedGeneration }> {
  const v = createValidator()
  if (!isRecord(body)) {
    v.add('prompt', 'This field is required.', 'REQUIRED')
    return { ok: false, fieldErrors: v.errors }
  }
  const g = readBody(v, body, GENERATION_LIMITS)
  checkImageCount(v, 'num_images', g.num_images, g.width, g.height)
  if (v.errors.length) return { ok: false, fieldErrors: v.errors }

  const known = MODEL_IDS[g.modelId]
  const modelKey: ImageModelKey = g.photoReal
    ? g.photoRealVersion === 'v2'
      ? 'PHOTOREAL_V2'
      : 'PHOTOREAL_V1'
    : (known?.key ?? 'SD15')
  const settings: ImageSettings = {
    modelKey,
    width: g.width,
    height: g.height,
    numImages: g.num_images,
    inferenceSteps: g.num_inference_steps,
    alchemy: g.alchemy,
    promptMagicVersion: g.promptMagic ? (g.promptMagicVersion ?? 'v3') : null,
    highResolution: g.highResolution ?? false,
    ultra: g.ultra ?? false,
    customModel: !known && !g.photoReal,
    loraCount: g.elements?.length ?? 0,
    controlnetsCost: 0,
  }
  const { prompt, modelId, presetStyle, width, height } = g
  return {
    ok: true,
    value: {
      ...priceImageGeneration(settings),
      generation: { prompt, modelId, presetStyle, width, height, numImages: settings.numImages },
    },
  }
}

/** List credits -> list micro-dollars at $0.0012 per credit. */
export function creditsToMicros(credits: bigint): bigint {
  return credits * MICROS_PER_CREDIT
}

/**
 * The account's price in micro-dollars: the list price less an integer percent discount.
 * Exact: list prices are multiples of 1200 micro-dollars, so any whole percent divides evenly.
 */
export function discountedMicros(listMicros: bigint, discountPercent: number): bigint {
  return (listMicros * BigInt(100 - discountPercent)) / 100n
}
