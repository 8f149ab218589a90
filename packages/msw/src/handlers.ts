import {
  allowHeader,
  checkUpscaleSize,
  createValidator,
  isRecord,
  type ListQuery,
  methodNotAllowedMessage,
  PRICING_MODELS,
  type PricedRequest,
  priceCalculatorRequest,
  priceGenerationRequest,
  priceLcm,
  priceModelTraining,
  priceMotionSvd,
  pricePrompt,
  priceUniversalUpscaler,
  priceUniversalUpscalerUltra,
  priceVideo,
  priceVideoUpscale,
  readAutoTopUpUpdate,
  readIdempotencyKey,
  readListQuery,
  readTopUpRequest,
  readUsageQuery,
  UNKNOWN_OPERATION_MESSAGE,
  UNREADABLE_CURSOR,
  upscaledMegapixels,
  usageBuckets,
  type Validator,
  type VariationKey,
  type VideoModel,
  type VideoResolution,
} from '@payg-kit/core/rules'
import { type HttpHandler, HttpResponse, http } from 'msw'
import type {
  ChargeResult,
  GenerationRecord,
  Ledger,
  LedgerError,
  StoredResponse,
  TopUpRecord,
  VariationRecord,
} from './ledger'
import { formatMicros, microsToNumber } from './money'
import type { ApiError, ErrorCode, FieldError, Operations, PricingService, Schemas } from './types'
import {
  imageUrl,
  PLACEHOLDER_DATA_URL,
  toAutoTopUp,
  toBalance,
  toMigrationPreview,
  toSubscription,
  toTopUp,
  toTransaction,
  toUserDetails,
  variationUrl,
  videoUrl,
} from './views'

/** An operation of the spec, by its `operationId`. */
export type OperationId = keyof Operations

type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never
type Responses<Op extends OperationId> = Operations[Op]['responses']
/** The success body of an operation, from the spec. */
type OkBody<Op extends OperationId> = JsonOf<Responses<Op>[Extract<keyof Responses<Op>, 200 | 201>]>

/** An answer before it becomes a `Response`. */
export interface Reply<T = unknown> {
  status: number
  body: T
  headers?: Record<string, string>
}

/** What a route sees of its request. */
export interface RouteInput {
  request: Request
  params: Record<string, string | readonly string[] | undefined>
  query: URLSearchParams
  /** The parsed JSON body; `undefined` when there is none. */
  body: unknown
  /** Why the body could not be read as JSON (blank, or not JSON); undefined when it was, or there was none. */
  /** Why the body could not be read: a 400's message and details, or a 413 for one too large. */
  bodyProblem: { status?: 413; message: string; details?: Record<string, unknown> } | undefined
  ledger: Ledger
}

/** A request in flight: the transport's verdict before the operation runs. */
export interface PendingCall {
  /** Set when the transport answers instead (auth, rate limit, injected fault). */
  response?: Response
  input: Omit<RouteInput, 'params' | 'ledger'>
  /** Turns the operation's reply into the response (applying an after-commit fault). */
  finish(reply: Reply): Response
}

/** What the handlers need from the mock: its current ledger and its transport. */
export interface HandlerRuntime {
  readonly baseUrl: string
  /** The path of `baseUrl` (`''` for an origin), which every operation's path follows. */
  readonly basePath: string
  readonly ledger: Ledger
  /** Runs the transport for one request; `url` is the request's URL, parsed once. */
  begin(operationId: OperationId, request: Request, url: URL): Promise<PendingCall>
}

const STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INSUFFICIENT_BALANCE: 402,
  PAYMENT_DECLINED: 402,
  NO_PAYMENT_METHOD: 402,
  IDEMPOTENCY_CONFLICT: 409,
  ALREADY_ON_PAYG: 409,
  VALIDATION_FAILED: 422,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
}

/** An error answer in the spec's `ApiError` shape. */
export function errorReply(
  code: ErrorCode,
  message: string,
  extra: {
    details?: Record<string, unknown>
    fieldErrors?: FieldError[]
    headers?: Record<string, string>
  } = {},
): Reply<ApiError> {
  const body: ApiError = { code, message }
  if (extra.details) body.details = extra.details
  if (extra.fieldErrors) body.fieldErrors = extra.fieldErrors
  return { status: STATUS[code], body, ...(extra.headers ? { headers: extra.headers } : {}) }
}

function fromLedgerError(error: LedgerError): Reply<ApiError> {
  return errorReply(error.code, error.message, {
    details: error.details,
    fieldErrors: error.fieldErrors,
  })
}

function invalid(
  fieldErrors: FieldError[],
  message = 'Some parameters are invalid.',
): Reply<ApiError> {
  return errorReply('VALIDATION_FAILED', message, { fieldErrors })
}

const ok = <T>(body: T, status = 200): Reply<T> => ({ status, body })

type Method = 'get' | 'post' | 'put' | 'delete'

interface RouteOptions {
  /** Whether the operation reads a JSON body (a malformed one is a 400). */
  body?: 'required'
  /** Whether the operation honours `Idempotency-Key`. */
  idempotency?: 'required' | 'optional'
  /**
   * What an invalid body is refused with before its key is looked up, as on the server: a 422
   * whatever the key was used for before (and nothing kept under it).
   */
  refuse?: (body: unknown, ledger: Ledger) => Reply<ApiError> | undefined
}

interface Route {
  operationId: OperationId
  method: Method
  path: string
  options: RouteOptions
  run: (input: RouteInput) => Reply
}

/** Declares a route whose success body is checked against the spec's operation. */
function route<Op extends OperationId>(
  operationId: Op,
  method: Method,
  path: string,
  options: RouteOptions,
  run: (input: RouteInput) => Reply<OkBody<Op>> | Reply<ApiError>,
): Route {
  return { operationId, method, path, options, run }
}

/** A stable JSON form of a body, for idempotency fingerprints (key order does not matter). */
function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`
  if (isRecord(value)) {
    const keys = Object.keys(value).sort()
    return `{${keys.map((key) => `${JSON.stringify(key)}:${stableStringify(value[key])}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

function cost(charge: ChargeResult): Schemas['Cost'] {
  return charge.unit === 'DOLLARS'
    ? { amount: formatMicros(charge.amount), unit: 'DOLLARS' }
    : { amount: charge.amount.toString(), unit: 'CREDITS' }
}

/** The account's price of a priced request, as the calculator answers it (dollars or credits). */
function calculatorCost(ledger: Ledger, priced: PricedRequest): number {
  if (ledger.billingModel === 'SUBSCRIPTION') return Number(priced.credits)
  return microsToNumber(ledger.priceFor(priced).micros)
}

function quote(ledger: Ledger, priced: PricedRequest): Schemas['Quote'] {
  if (ledger.billingModel === 'SUBSCRIPTION') {
    const credits = { amount: priced.credits.toString(), unit: 'CREDITS' as const }
    return { cost: credits, listCost: credits, discountPercent: 0, modelKey: priced.modelKey }
  }
  const price = ledger.priceFor(priced)
  return {
    cost: { amount: formatMicros(price.micros), unit: 'DOLLARS' },
    listCost: { amount: formatMicros(price.listMicros), unit: 'DOLLARS' },
    discountPercent: price.discountPercent,
    modelKey: priced.modelKey,
  }
}

// ----- paging ------------------------------------------------------------------------------

/**
 * A cursor names the last entry of a page by its number and id (base64url JSON, opaque to
 * clients): the next page starts there in O(log n), and a cursor of another list or ledger,
 * whose id does not match, is refused.
 */
function encodeCursor(at: number, id: string): string {
  return btoa(JSON.stringify({ at, id }))
    .replace(/=+$/, '')
    .replaceAll('+', '-')
    .replaceAll('/', '_')
}

function decodeCursor(cursor: string): { seq: number; id: string } | null {
  try {
    const parsed: unknown = JSON.parse(atob(cursor.replaceAll('-', '+').replaceAll('_', '/')))
    return isRecord(parsed) && Number.isSafeInteger(parsed.at) && typeof parsed.id === 'string'
      ? { seq: parsed.at as number, id: parsed.id }
      : null
  } catch {
    return null
  }
}

const unreadableCursor = (): Reply<ApiError> =>
  errorReply('BAD_REQUEST', UNREADABLE_CURSOR.message, {
    details: { ...UNREADABLE_CURSOR.details },
  })

/** The page size, cursor and type filter of a list query (the rules' reading), or an error reply. */
function readPageQuery(
  query: URLSearchParams,
  operation: 'listTopUps' | 'listTransactions',
):
  | { limit: number; type: ListQuery['type']; before?: { seq: number; id: string } }
  | Reply<ApiError> {
  const read = readListQuery(query, operation)
  if (!read.ok) return invalid(read.errors)
  const { limit, cursor, type } = read.page
  if (cursor === null) return { limit, type }
  const before = decodeCursor(cursor)
  return before ? { limit, type, before } : unreadableCursor()
}

/** One page of top-ups, newest first: O(page), the cursor being a position in the list. */
function topUpPage(
  ledger: Ledger,
  query: URLSearchParams,
): Reply<Schemas['TopUpList']> | Reply<ApiError> {
  const read = readPageQuery(query, 'listTopUps')
  if ('status' in read) return read
  const topUps = ledger.topUps
  let end = topUps.length
  if (read.before) {
    const { seq, id } = read.before
    if (seq < 0 || seq >= topUps.length || topUps[seq]?.id !== id) return unreadableCursor()
    end = seq
  }
  const start = Math.max(0, end - read.limit)
  const data: Schemas['TopUp'][] = []
  for (let i = end - 1; i >= start; i--) data.push(toTopUp(topUps[i] as TopUpRecord))
  const last = topUps[start]
  return ok({ data, nextCursor: start > 0 && last ? encodeCursor(start, last.id) : null })
}

// ----- usage ---------------------------------------------------------------------------------

const DAY_MS = 86_400_000
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS

/**
 * `GET /billing/usage`: the ledger keeps spend by UTC day as it writes entries, so a report
 * reads the days of its range and nothing else: O(days in range) whatever the history's size.
 */
function usageReport(
  ledger: Ledger,
  query: URLSearchParams,
): Reply<Schemas['UsageReport']> | Reply<ApiError> {
  const read = readUsageQuery(query, ledger.now())
  if (!read.ok) return invalid(read.errors)
  const { range } = read
  // In the unit the account pays in now: a legacy plan's credit entries, else the dollar ones.
  const credits = ledger.billingModel === 'SUBSCRIPTION'
  const unit = credits ? 'CREDITS' : 'DOLLARS'
  const format = credits ? String : formatMicros
  const lastDay = dayNumber(range.to)
  let total = 0n
  const buckets = usageBuckets(range).map(({ date, last }): Schemas['UsageBucket'] => {
    let sum = 0n
    let requests = 0
    const byService = new Map<PricingService, { amount: bigint; requests: number }>()
    const until = Math.min(dayNumber(last), lastDay)
    for (let day = dayNumber(date); day <= until; day++) {
      const spend = ledger.usageOn(unit, day)
      if (!spend) continue
      sum += spend.total
      requests += spend.requests
      for (const [service, value] of spend.byService) {
        const into = byService.get(service)
        if (into) {
          into.amount += value.amount
          into.requests += value.requests
        } else {
          byService.set(service, { amount: value.amount, requests: value.requests })
        }
      }
    }
    total += sum
    return {
      date,
      total: format(sum),
      requests,
      byService: [...byService].map(([service, value]) => ({
        service,
        amount: format(value.amount),
        requests: value.requests,
      })),
    }
  })
  return ok({
    from: range.from,
    to: range.to,
    currency: 'USD' as const,
    total: format(total),
    granularity: range.granularity,
    buckets,
    ...(credits ? { unit: 'CREDITS' as const } : {}),
  })
}

// ----- the routes ----------------------------------------------------------------------------

function variationRoute<
  Op extends 'createVariationUpscale' | 'createVariationNoBG' | 'createVariationUnzoom',
>(
  operationId: Op,
  path: string,
  kind: VariationKey,
  wrap: (job: Schemas['VariationJob']) => OkBody<Op>,
): Route {
  return route(operationId, 'post', path, { body: 'required' }, ({ body, ledger }) => {
    const v = createValidator()
    const source = isRecord(body) ? body : {}
    const id = v.string(source, 'id', { required: true, minLength: 1 })
    v.bool(source, 'isVariation')
    if (id === undefined || v.errors.length) return invalid(v.errors)
    const result = ledger.createVariation(kind, id)
    if (!result.ok) return fromLedgerError(result.error)
    return ok(wrap({ id: result.value.id, ...jobCharge(result.value.charge) }))
  })
}

// ----- Leonardo's job endpoints --------------------------------------------------------------

/** The `apiCreditCost` and `cost` of a charged job, as every job answer carries them. */
function jobCharge(charge: ChargeResult): { apiCreditCost: number; cost: Schemas['Cost'] } {
  return { apiCreditCost: Number(charge.listCredits), cost: cost(charge) }
}

/** The size the mock assumes for an uploaded (init) image, which it does not store. */
const UPLOADED_IMAGE_SIZE = { width: 1024, height: 1024 }

const VIDEO_MODELS = ['MOTION2', 'MOTION2FAST', 'VEO3', 'VEO3FAST', 'KLING2_1', 'KLING2_5'] as const
const VIDEO_RESOLUTIONS = ['RESOLUTION_480', 'RESOLUTION_720', 'RESOLUTION_1080'] as const
const VIDEO_SIZE: Record<VideoResolution, { width: number; height: number }> = {
  RESOLUTION_480: { width: 832, height: 480 },
  RESOLUTION_720: { width: 1280, height: 720 },
  RESOLUTION_1080: { width: 1920, height: 1080 },
}
const LCM_SIZES = [512, 640, 1024] as const
const LCM_STYLES = [
  'ANIME',
  'CINEMATIC',
  'DIGITAL_ART',
  'DYNAMIC',
  'ENVIRONMENT',
  'FANTASY_ART',
  'ILLUSTRATION',
  'PHOTOGRAPHY',
  'RENDER_3D',
  'RAYTRACED',
  'SKETCH_BW',
  'SKETCH_COLOR',
  'VIBRANT',
  'NONE',
] as const
const UPSCALER_STYLES = [
  'GENERAL',
  'CINEMATIC',
  '2D ART & ILLUSTRATION',
  'CG ART & GAME ASSETS',
] as const
const ELEMENT_BASE_MODELS = [
  'SDXL_0_9',
  'SDXL_1_0',
  'LEONARDO_DIFFUSION_XL',
  'LEONARDO_LIGHTNING_XL',
  'VISION_XL',
  'KINO_XL',
  'ALBEDO_XL',
  'FLUX_DEV',
] as const
const MODEL_TYPES = [
  'GENERAL',
  'BUILDINGS',
  'CHARACTERS',
  'ENVIRONMENTS',
  'FASHION',
  'ILLUSTRATIONS',
  'GAME_ITEMS',
  'GRAPHICAL_ELEMENTS',
  'PHOTOGRAPHY',
  'PIXEL_ART',
  'PRODUCT_DESIGN',
  'TEXTURES',
  'UI_ELEMENTS',
  'VECTOR',
] as const

/** Reads the video settings shared by text-to-video and image-to-video. */
function readVideo(
  v: Validator,
  source: Record<string, unknown>,
): {
  prompt: string | undefined
  model: VideoModel
  resolution: VideoResolution
  duration: number | null
  width: number
  height: number
} {
  const prompt = v.string(source, 'prompt', { required: true, minLength: 1 })
  const model = v.oneOf(source, 'model', VIDEO_MODELS) ?? 'MOTION2'
  const veo = model === 'VEO3' || model === 'VEO3FAST'
  const resolution =
    v.oneOf(source, 'resolution', veo ? (['RESOLUTION_720'] as const) : VIDEO_RESOLUTIONS) ??
    'RESOLUTION_720'
  const rawDuration = v.int(source, 'duration', { min: 1 }) ?? null
  let duration = rawDuration
  if (veo) duration = v.oneOf(source, 'duration', [4, 6, 8] as const) ?? 8
  if (model === 'KLING2_5') duration = v.oneOf(source, 'duration', [5, 10] as const) ?? 5
  const width = v.int(source, 'width', { min: 1 }) ?? VIDEO_SIZE[resolution].width
  const height = v.int(source, 'height', { min: 1 }) ?? VIDEO_SIZE[resolution].height
  v.string(source, 'negativePrompt')
  v.int(source, 'seed', { min: 0 })
  v.bool(source, 'isPublic')
  v.bool(source, 'frameInterpolation')
  v.bool(source, 'promptEnhance')
  v.string(source, 'promptEnhanceInstruction')
  for (const key of ['styleIds', 'elements']) {
    const value = source[key]
    if (value !== undefined && value !== null && !Array.isArray(value)) {
      v.add(key, 'Must be an array.', 'INVALID_TYPE')
    }
  }
  return { prompt, model, resolution, duration, width, height }
}

/** Charges a video generation and answers `motionVideoGenerationJob`. */
function videoReply(
  ledger: Ledger,
  video: ReturnType<typeof readVideo> & { prompt: string },
): Reply<{ motionVideoGenerationJob: Schemas['GenerationJob'] }> | Reply<ApiError> {
  const result = ledger.createGeneration(priceVideo(video), {
    prompt: video.prompt,
    modelId: null,
    width: video.width,
    height: video.height,
    numImages: 1,
    media: 'VIDEO',
  })
  if (!result.ok) return fromLedgerError(result.error)
  return ok({
    motionVideoGenerationJob: {
      generationId: result.value.generation.id,
      ...jobCharge(result.value.charge),
    },
  })
}

type LcmOperation =
  | 'createLCMGeneration'
  | 'performInstantRefine'
  | 'performInpaintingLCM'
  | 'performAlchemyUpscaleLCM'

/** A realtime canvas route: answered at once, priced as `LCM_GENERATION`. */
function lcmRoute(operationId: LcmOperation, path: string): Route {
  return route(operationId, 'post', path, { body: 'required' }, ({ body, ledger }) => {
    const v = createValidator()
    const source = isRecord(body) ? body : {}
    v.string(source, 'imageDataUrl', { required: true, minLength: 1 })
    v.string(source, 'prompt', { required: true, minLength: 1 })
    if (operationId === 'performInpaintingLCM') {
      v.string(source, 'maskDataUrl', { required: true, minLength: 1 })
    }
    const width = v.oneOf(source, 'width', LCM_SIZES) ?? 512
    const height = v.oneOf(source, 'height', LCM_SIZES) ?? 512
    v.number(source, 'guidance', { min: 0.5, max: 20 })
    v.int(source, 'steps', { min: 4, max: 16 })
    v.number(source, 'strength', { min: 0.1, max: 1 })
    v.int(source, 'seed', { min: 0 })
    v.oneOf(source, 'style', LCM_STYLES)
    const requestTimestamp = v.string(source, 'requestTimestamp')
    if (operationId === 'performAlchemyUpscaleLCM') {
      v.bool(source, 'refineCreative')
      v.number(source, 'refineStrength', { min: 0.5, max: 0.9 })
    }
    if (v.errors.length) return invalid(v.errors)
    const result = ledger.chargeNow(
      priceLcm({
        width,
        height,
        refine: operationId === 'performAlchemyUpscaleLCM',
        instantRefine: operationId === 'performInstantRefine',
      }),
    )
    if (!result.ok) return fromLedgerError(result.error)
    const job = {
      imageDataUrl: [PLACEHOLDER_DATA_URL],
      ...(requestTimestamp !== undefined ? { requestTimestamp } : {}),
      ...jobCharge(result.value.charge),
    }
    if (operationId !== 'performAlchemyUpscaleLCM') return ok({ lcmGenerationJob: job })
    return ok({
      lcmGenerationJob: {
        ...job,
        generatedImageId: ledger.newId(),
        generationId: [result.value.id],
        variationId: [ledger.newId()],
      },
    })
  })
}

/** A prompt tool route: answered at once, at the kit's price for prompt tools. */
function promptRoute(operationId: 'promptImprove' | 'promptRandom', path: string): Route {
  const improve = operationId === 'promptImprove'
  return route(
    operationId,
    'post',
    path,
    improve ? { body: 'required' } : {},
    ({ body, ledger }) => {
      const v = createValidator()
      const source = isRecord(body) ? body : {}
      const prompt = improve ? v.string(source, 'prompt', { required: true, minLength: 1 }) : ''
      const isVideo = improve ? (v.bool(source, 'isVideo') ?? false) : false
      if (improve) v.string(source, 'promptInstructions')
      if (v.errors.length || prompt === undefined) return invalid(v.errors)
      const result = ledger.chargeNow(pricePrompt(improve ? 'IMPROVE' : 'RANDOM'))
      if (!result.ok) return fromLedgerError(result.error)
      const random =
        RANDOM_PROMPTS[Number.parseInt(result.value.id.slice(0, 2), 16) % RANDOM_PROMPTS.length]
      const text = improve
        ? `${prompt}, ${isVideo ? 'slow cinematic camera move, soft natural light' : 'highly detailed, soft natural light, rich colour'}`
        : (random as string)
      const { apiCreditCost, cost: charged } = jobCharge(result.value.charge)
      return ok({ promptGeneration: { prompt: text, apiCreditCost, cost: charged } })
    },
  )
}

const RANDOM_PROMPTS = [
  'A lighthouse on a cliff at dawn, oil painting',
  'A paper boat drifting down a rainy neon street',
  'A snow leopard resting on a frosted ridge, golden hour',
  'An overgrown greenhouse inside an abandoned train station',
] as const

const jobRoutes: readonly Route[] = [
  route(
    'createUniversalUpscalerJob',
    'post',
    '/variations/universal-upscaler',
    { body: 'required' },
    ({ body, ledger }) => {
      const v = createValidator()
      const source = isRecord(body) ? body : {}
      const generatedImageId = v.string(source, 'generatedImageId')
      const variationId = v.string(source, 'variationId')
      const initImageId = v.string(source, 'initImageId')
      const given = [generatedImageId, variationId, initImageId].filter((id) => id !== undefined)
      if (given.length !== 1) {
        v.add(
          'generatedImageId',
          'Give exactly one of generatedImageId, variationId or initImageId.',
          'REQUIRED',
        )
      }
      const upscaleMultiplier = v.number(source, 'upscaleMultiplier', { min: 1, max: 2 }) ?? 1.5
      const upscalerStyle = v.oneOf(source, 'upscalerStyle', UPSCALER_STYLES)
      const ultra = v.oneOf(source, 'ultraUpscaleStyle', ['ARTISTIC', 'REALISTIC'] as const)
      if (upscalerStyle && ultra) {
        v.add('ultraUpscaleStyle', 'Can not be used with upscalerStyle.', 'INVALID_VALUE')
      }
      v.int(source, 'creativityStrength', { min: 1, max: 10 })
      for (const key of ['detailContrast', 'similarity']) {
        const value = v.int(source, key, { min: 1, max: 10 })
        if (value !== undefined && !ultra) {
          v.add(key, 'Can only be used with ultraUpscaleStyle.', 'INVALID_VALUE')
        }
      }
      v.string(source, 'prompt')
      if (v.errors.length) return invalid(v.errors)
      const imageId = given[0] as string
      const size = initImageId !== undefined ? UPLOADED_IMAGE_SIZE : ledger.image(imageId)
      if (!size) return errorReply('NOT_FOUND', `No image with id ${imageId}.`)
      const input = { inputWidth: size.width, inputHeight: size.height, upscaleMultiplier }
      checkUpscaleSize(v, 'upscaleMultiplier', input)
      if (v.errors.length) return invalid(v.errors)
      const priced = ultra
        ? priceUniversalUpscalerUltra(input)
        : priceUniversalUpscaler(upscaledMegapixels(size.width, size.height, upscaleMultiplier))
      const result = ledger.chargeVariation(priced, 'UPSCALE', {
        width: Math.round(size.width * upscaleMultiplier),
        height: Math.round(size.height * upscaleMultiplier),
      })
      if (!result.ok) return fromLedgerError(result.error)
      return ok({ universalUpscaler: { id: result.value.id, ...jobCharge(result.value.charge) } })
    },
  ),

  route('getVariationById', 'get', '/variations/:id', {}, ({ params, ledger }) => {
    const job = typeof params.id === 'string' ? ledger.readJob(params.id) : undefined
    const variation = job?.kind === 'VARIATION' ? (job as VariationRecord) : undefined
    return ok({
      generated_image_variation_generic: variation
        ? [
            {
              id: variation.id,
              status: variation.status,
              transformType: variation.transformType,
              url: variation.status === 'COMPLETE' ? variationUrl(variation.id) : null,
              createdAt: variation.createdAt.toISOString(),
            },
          ]
        : [],
    })
  }),

  route('getMotionVariationById', 'get', '/motion-variations/:id', {}, ({ params, ledger }) => {
    const job = typeof params.id === 'string' ? ledger.readJob(params.id) : undefined
    const variation = job?.kind === 'MOTION_VARIATION' ? job : undefined
    return ok({
      generated_image_variation_motion: variation
        ? [
            {
              id: variation.id,
              status: variation.status,
              motionTransformType: 'UPSCALE' as const,
              resolution: 'RESOLUTION_720' as const,
              url: variation.status === 'COMPLETE' ? videoUrl(variation.id) : null,
              createdAt: variation.createdAt.toISOString(),
            },
          ]
        : [],
    })
  }),

  route(
    'createSVDMotionGeneration',
    'post',
    '/generations-motion-svd',
    { body: 'required' },
    ({ body, ledger }) => {
      const v = createValidator()
      const source = isRecord(body) ? body : {}
      const imageId = v.string(source, 'imageId', { required: true, minLength: 1 })
      const isInitImage = v.bool(source, 'isInitImage') ?? false
      v.bool(source, 'isVariation')
      v.bool(source, 'isPublic')
      v.int(source, 'motionStrength', { min: 1, max: 10 })
      if (imageId === undefined || v.errors.length) return invalid(v.errors)
      const size = isInitImage ? UPLOADED_IMAGE_SIZE : ledger.image(imageId)
      if (!size) return errorReply('NOT_FOUND', `No image with id ${imageId}.`)
      const result = ledger.createGeneration(priceMotionSvd(), {
        prompt: '',
        modelId: null,
        ...size,
        numImages: 1,
        media: 'VIDEO',
      })
      if (!result.ok) return fromLedgerError(result.error)
      return ok({
        motionSvdGenerationJob: {
          generationId: result.value.generation.id,
          ...jobCharge(result.value.charge),
        },
      })
    },
  ),

  route(
    'createTextToVideoGeneration',
    'post',
    '/generations-text-to-video',
    { body: 'required' },
    ({ body, ledger }) => {
      const v = createValidator()
      const video = readVideo(v, isRecord(body) ? body : {})
      if (video.prompt === undefined || v.errors.length) return invalid(v.errors)
      return videoReply(ledger, { ...video, prompt: video.prompt })
    },
  ),

  route(
    'createImageToVideoGeneration',
    'post',
    '/generations-image-to-video',
    { body: 'required' },
    ({ body, ledger }) => {
      const v = createValidator()
      const source = isRecord(body) ? body : {}
      const video = readVideo(v, source)
      const imageId = v.string(source, 'imageId', { required: true, minLength: 1 })
      const imageType = v.oneOf(source, 'imageType', ['GENERATED', 'UPLOADED'] as const, {
        required: true,
      })
      const end = source.endFrameImage
      if (end !== undefined && end !== null) {
        if (!isRecord(end)) v.add('endFrameImage', 'Must be an object.', 'INVALID_TYPE')
        else {
          const ev = createValidator('endFrameImage')
          ev.string(end, 'id', { required: true, minLength: 1 })
          ev.oneOf(end, 'type', ['GENERATED', 'UPLOADED'] as const, { required: true })
          v.errors.push(...ev.errors)
          if (video.model !== 'KLING2_1') {
            v.add('endFrameImage', 'Supported only on model KLING2_1.', 'INVALID_VALUE')
          }
        }
      }
      if (video.prompt === undefined || imageId === undefined || v.errors.length) {
        return invalid(v.errors)
      }
      if (imageType === 'GENERATED' && !ledger.image(imageId)) {
        return errorReply('NOT_FOUND', `No image with id ${imageId}.`)
      }
      return videoReply(ledger, { ...video, prompt: video.prompt })
    },
  ),

  route(
    'createVideoUpscale',
    'post',
    '/generations-video-upscale',
    { body: 'required' },
    ({ body, ledger }) => {
      const v = createValidator()
      const source = isRecord(body) ? body : {}
      const sourceGenerationId = v.string(source, 'sourceGenerationId', {
        required: true,
        minLength: 1,
      })
      v.oneOf(source, 'resolution', ['RESOLUTION_720'] as const, { required: true })
      if (sourceGenerationId === undefined || v.errors.length) return invalid(v.errors)
      const video = ledger.generation(sourceGenerationId)
      if (video?.media !== 'VIDEO') {
        return errorReply('NOT_FOUND', `No video generation with id ${sourceGenerationId}.`)
      }
      if (video.status === 'FAILED') {
        return invalid([
          {
            field: 'sourceGenerationId',
            message: 'The source video failed.',
            code: 'INVALID_VALUE',
          },
        ])
      }
      const result = ledger.chargeVariation(
        priceVideoUpscale(),
        'UPSCALE',
        VIDEO_SIZE.RESOLUTION_720,
        'MOTION_VARIATION',
      )
      if (!result.ok) return fromLedgerError(result.error)
      return ok({
        motionVideoGenerationJob: {
          generationId: sourceGenerationId,
          variationId: result.value.id,
          ...jobCharge(result.value.charge),
        },
      })
    },
  ),

  lcmRoute('createLCMGeneration', '/generations-lcm'),
  lcmRoute('performInstantRefine', '/lcm-instant-refine'),
  lcmRoute('performInpaintingLCM', '/lcm-inpainting'),
  lcmRoute('performAlchemyUpscaleLCM', '/lcm-upscale'),
  promptRoute('promptImprove', '/prompt/improve'),
  promptRoute('promptRandom', '/prompt/random'),

  route('createElement', 'post', '/elements', { body: 'required' }, ({ body, ledger }) => {
    const v = createValidator()
    const source = isRecord(body) ? body : {}
    const sdVersion = v.oneOf(source, 'sd_version', ELEMENT_BASE_MODELS) ?? 'FLUX_DEV'
    const focus = v.oneOf(
      source,
      'lora_focus',
      sdVersion === 'FLUX_DEV'
        ? (['Character', 'Style', 'Object'] as const)
        : (['General', 'Character', 'Style', 'Object'] as const),
      { required: true },
    )
    v.number(source, 'learning_rate', { above: 0, required: true })
    v.int(source, 'num_train_epochs', { min: 1, max: 250, required: true })
    v.oneOf(source, 'resolution', [1024] as const)
    for (const key of ['datasetId', 'name', 'description', 'instance_prompt']) {
      v.string(source, key)
    }
    v.bool(source, 'train_text_encoder')
    if (focus === undefined || v.errors.length) return invalid(v.errors)
    const priced = priceModelTraining({
      resolution: 1024,
      sdVersion: sdVersion === 'FLUX_DEV' ? 'FLUX_DEV' : null,
      datasetImageCount: null,
    })
    // Leonardo numbers elements; the mock counts from 1000 in the order jobs were made.
    const userLoraId = 1000 + ledger.jobs.length
    const result = ledger.chargeJob(priced, 'TRAINING', String(userLoraId))
    if (!result.ok) return fromLedgerError(result.error)
    return ok({ sdTrainingJob: { userLoraId, ...jobCharge(result.value.charge) } })
  }),

  route('createModel', 'post', '/models', { body: 'required' }, ({ body, ledger }) => {
    const v = createValidator()
    const source = isRecord(body) ? body : {}
    for (const key of ['datasetId', 'instance_prompt', 'name']) {
      v.string(source, key, { required: true, minLength: 1 })
    }
    v.string(source, 'description')
    v.oneOf(source, 'modelType', MODEL_TYPES)
    v.bool(source, 'nsfw')
    const resolution = v.oneOf(source, 'resolution', [512, 768] as const) ?? 512
    v.oneOf(source, 'sd_version', ['v1_5', 'v2'] as const)
    v.oneOf(source, 'strength', ['VERY_LOW', 'LOW', 'MEDIUM', 'HIGH'] as const)
    if (v.errors.length) return invalid(v.errors)
    const priced = priceModelTraining({ resolution, sdVersion: null, datasetImageCount: null })
    const result = ledger.chargeJob(priced, 'TRAINING')
    if (!result.ok) return fromLedgerError(result.error)
    return ok({
      sdTrainingJob: { customModelId: result.value.job.id, ...jobCharge(result.value.charge) },
    })
  }),
]

/** A top-up's body by the spec's rule, within the policy's bounds (TOO_SMALL, TOO_LARGE) as the ledger holds them. */
function topUpBody(body: unknown, ledger: Ledger) {
  const read = readTopUpRequest(body)
  if (!read.ok) return { refused: invalid(read.errors, 'The top-up amount is invalid.') }
  const outside = ledger.checkAmount('amount', read.amount)
  return outside
    ? { refused: fromLedgerError(outside) }
    : { refused: undefined, amount: read.amount }
}

/** An auto top-up update's body by the spec's rule. */
function autoTopUpBody(body: unknown) {
  const read = readAutoTopUpUpdate(body)
  return read.ok
    ? { refused: undefined, update: read.update }
    : { refused: invalid(read.errors, 'The auto top-up settings are invalid.') }
}

const routes: readonly Route[] = [
  route('getUserSelf', 'get', '/me', {}, ({ ledger }) =>
    ok({ user_details: [toUserDetails(ledger)] }),
  ),

  route(
    'pricingCalculator',
    'post',
    '/pricing-calculator',
    { body: 'required' },
    ({ body, ledger }) => {
      const priced = priceCalculatorRequest(body)
      if (!priced.ok) return invalid(priced.fieldErrors)
      return ok({
        calculateProductionApiServiceCost: { cost: calculatorCost(ledger, priced.value) },
      })
    },
  ),

  route('createGeneration', 'post', '/generations', { body: 'required' }, ({ body, ledger }) => {
    const priced = priceGenerationRequest(body)
    if (!priced.ok) return invalid(priced.fieldErrors)
    const result = ledger.createGeneration(priced.value, priced.value.generation)
    if (!result.ok) return fromLedgerError(result.error)
    const { generation, charge } = result.value
    return ok({ sdGenerationJob: { generationId: generation.id, ...jobCharge(charge) } })
  }),

  route('getGenerationById', 'get', '/generations/:id', {}, ({ params, ledger }) => {
    const job = typeof params.id === 'string' ? ledger.readJob(params.id) : undefined
    const record = job?.kind === 'GENERATION' ? (job as GenerationRecord) : undefined
    return ok({
      generations_by_pk: record
        ? {
            id: record.id,
            status: record.status,
            prompt: record.prompt,
            modelId: record.modelId,
            presetStyle: record.presetStyle,
            imageWidth: record.width,
            imageHeight: record.height,
            createdAt: record.createdAt.toISOString(),
            // The images exist once the job is COMPLETE; a pending or failed one has none.
            generated_images:
              record.status !== 'COMPLETE'
                ? []
                : record.imageIds.map((id, index) => ({
                    id,
                    url: imageUrl(record.id, index),
                    nsfw: false,
                    ...(record.media === 'VIDEO' ? { motionMP4URL: videoUrl(id) } : {}),
                  })),
          }
        : null,
    })
  }),

  variationRoute('createVariationUpscale', '/variations/upscale', 'UPSCALE', (job) => ({
    sdUpscaleJob: job,
  })),
  variationRoute('createVariationNoBG', '/variations/nobg', 'NOBG', (job) => ({ sdNobgJob: job })),
  variationRoute('createVariationUnzoom', '/variations/unzoom', 'UNZOOM', (job) => ({
    sdUnzoomJob: job,
  })),
  ...jobRoutes,

  route('getBalance', 'get', '/billing/balance', {}, ({ ledger }) => ok(toBalance(ledger))),

  route(
    'createTopUp',
    'post',
    '/billing/top-ups',
    {
      body: 'required',
      idempotency: 'required',
      refuse: (body, ledger) => topUpBody(body, ledger).refused,
    },
    ({ body, ledger, request }) => {
      const read = topUpBody(body, ledger)
      if (read.refused) return read.refused
      // runRoute has checked the key; the attempt is kept under it for the lookup below.
      const result = ledger.topUp(read.amount, request.headers.get('Idempotency-Key') ?? undefined)
      if (!result.ok) return fromLedgerError(result.error)
      return ok({ topUp: toTopUp(result.value.topUp), balance: toBalance(ledger) }, 201)
    },
  ),

  route(
    'getTopUpByIdempotencyKey',
    'get',
    '/billing/top-ups/:idempotencyKey',
    {},
    ({ params, ledger }) => {
      const key = typeof params.idempotencyKey === 'string' ? params.idempotencyKey : ''
      // A top-up waiting for 3-D Secure has no outcome yet (and its key stays usable), as on the server.
      if (ledger.awaitsAuthentication(key)) {
        return errorReply(
          'SERVICE_UNAVAILABLE',
          'This top-up is still being processed. Look it up again in a moment.',
          { headers: { 'retry-after': '1' } },
        )
      }
      // A 404 is final: the key is cancelled, so an original still in flight cannot charge later.
      const topUp = ledger.lookUpTopUp(key)
      return topUp
        ? ok({ topUp: toTopUp(topUp), balance: toBalance(ledger) })
        : errorReply('NOT_FOUND', 'No top-up was made with this Idempotency-Key.', {
            details: { idempotencyKey: key },
          })
    },
  ),

  route('listTopUps', 'get', '/billing/top-ups', {}, ({ query, ledger }) =>
    topUpPage(ledger, query),
  ),

  route('getAutoTopUp', 'get', '/billing/auto-top-up', {}, ({ ledger }) => ok(toAutoTopUp(ledger))),

  route(
    'updateAutoTopUp',
    'put',
    '/billing/auto-top-up',
    { body: 'required', idempotency: 'optional', refuse: (body) => autoTopUpBody(body).refused },
    ({ body, ledger }) => {
      const read = autoTopUpBody(body)
      if (read.refused) return read.refused
      const result = ledger.updateAutoTopUp(read.update)
      if (!result.ok) return fromLedgerError(result.error)
      const triggered = result.value.triggeredTopUp
      return ok({
        autoTopUp: toAutoTopUp(ledger),
        balance: toBalance(ledger),
        triggeredTopUp: triggered ? toTopUp(triggered) : null,
      })
    },
  ),

  route(
    'disableAutoTopUp',
    'delete',
    '/billing/auto-top-up',
    { idempotency: 'optional' },
    ({ ledger }) => {
      ledger.disableAutoTopUp()
      return ok({
        autoTopUp: toAutoTopUp(ledger),
        balance: toBalance(ledger),
        triggeredTopUp: null,
      })
    },
  ),

  route('listTransactions', 'get', '/billing/transactions', {}, ({ query, ledger }) => {
    const read = readPageQuery(query, 'listTransactions')
    if ('status' in read) return read
    // O(log n) to find the cursor and O(limit) to read the page, in the type's own order.
    const page = ledger.transactionPage({
      type: read.type ?? undefined,
      limit: read.limit,
      before: read.before,
    })
    if (!page) return unreadableCursor()
    const last = page.entries.at(-1)
    return ok({
      data: page.entries.map(toTransaction),
      nextCursor: page.more && last ? encodeCursor(page.lastSeq, last.id) : null,
    })
  }),

  route('getUsage', 'get', '/billing/usage', {}, ({ query, ledger }) => usageReport(ledger, query)),

  route('getPaymentMethod', 'get', '/billing/payment-method', {}, ({ ledger }) =>
    ok({ paymentMethod: ledger.paymentMethod ? { ...ledger.paymentMethod } : null }),
  ),

  route('getSubscription', 'get', '/billing/subscription', {}, ({ ledger }) =>
    ok(toSubscription(ledger)),
  ),

  route(
    'getMigrationPreview',
    'get',
    '/billing/subscription/migration-preview',
    {},
    ({ ledger }) => {
      const preview = toMigrationPreview(ledger)
      return preview
        ? ok(preview)
        : errorReply('ALREADY_ON_PAYG', 'This account is already on pay-as-you-go billing.')
    },
  ),

  route(
    'migrateToPayg',
    'post',
    '/billing/subscription/migrate',
    { idempotency: 'optional' },
    ({ ledger }) => {
      const result = ledger.migrate()
      if (!result.ok) return fromLedgerError(result.error)
      return ok({
        subscription: toSubscription(ledger),
        balance: toBalance(ledger),
        transaction: toTransaction(result.value.transaction),
      })
    },
  ),

  route('getPricing', 'get', '/billing/pricing', {}, ({ ledger }) =>
    ok({
      currency: 'USD' as const,
      illustrative: true,
      customPricing: ledger.customPricing,
      models: PRICING_MODELS.map((model) => ({
        ...model,
        discountPercent: ledger.discount(model.key),
      })),
    }),
  ),

  route(
    'quotePrice',
    'post',
    '/billing/pricing/quote',
    { body: 'required' },
    ({ body, ledger }) => {
      const priced = priceCalculatorRequest(body)
      if (!priced.ok) return invalid(priced.fieldErrors)
      return ok(quote(ledger, priced.value))
    },
  ),
]

/** Every operation of the spec, with its method and path (msw path syntax). */
export const OPERATIONS: ReadonlyArray<{ operationId: OperationId; method: Method; path: string }> =
  routes.map(({ operationId, method, path }) => ({ operationId, method, path }))

function runRoute(route: Route, input: RouteInput): Reply {
  // The header before the body, as the server: a malformed key is answered whatever the body.
  const idempotency = route.options.idempotency
  const read = idempotency
    ? readIdempotencyKey(input.request.headers.get('Idempotency-Key'), idempotency === 'required')
    : ({ ok: true, key: null } as const)
  if (!read.ok) {
    return errorReply('BAD_REQUEST', read.message, { details: { header: 'Idempotency-Key' } })
  }
  if (route.options.body === 'required' && input.body === undefined) {
    const problem = input.bodyProblem ?? { message: 'A JSON body is required.' }
    if (problem.status === 413) {
      return { status: 413, body: { code: 'BAD_REQUEST', message: problem.message } }
    }
    return errorReply('BAD_REQUEST', problem.message, { details: problem.details })
  }
  const refused = route.options.refuse?.(input.body, input.ledger)
  if (refused) return refused
  const key = read.key
  if (key === null) return route.run(input)
  // A body sent to a write that takes none is never read, so it is not part of what the key names.
  const body = route.options.body === 'required' ? (input.body ?? null) : null
  const fingerprint = `${route.method} ${route.path} ${stableStringify(body)}`
  const outcome = input.ledger.idempotent(key, fingerprint, () => {
    const reply = route.run(input)
    // Keep what the operation did (a success, or a payment outcome); not what it refused to start,
    // nor a payment waiting for the cardholder to authenticate, which the same key settles.
    const waits =
      (reply.body as { details?: { declineCode?: unknown } } | undefined)?.details?.declineCode ===
      'authentication_required'
    return { ...reply, store: reply.status < 300 || (reply.status === 402 && !waits) }
  })
  if (outcome.kind === 'conflict') {
    return errorReply(
      'IDEMPOTENCY_CONFLICT',
      'This Idempotency-Key was already used with a different request body.',
    )
  }
  const stored: StoredResponse = outcome.response
  return outcome.kind === 'replay'
    ? {
        status: stored.status,
        body: stored.body,
        headers: { ...stored.headers, 'Idempotent-Replayed': 'true' },
      }
    : {
        status: stored.status,
        body: stored.body,
        ...(stored.headers ? { headers: stored.headers } : {}),
      }
}

/** A route's path (msw syntax, `:name` for a parameter) as a case-sensitive, whole-path pattern. */
function pathPattern(path: string): RegExp {
  const source = path
    .split('/')
    .map((segment) =>
      segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/')
  return new RegExp(`^${source}$`)
}

/**
 * Builds the msw request handlers of every operation in the spec, answering from the runtime's
 * ledger. Each handler awaits the transport (latency, auth, rate limit, faults), then runs its
 * operation synchronously, so a charge commits in one step. Any other request under
 * `${baseUrl}/billing` is answered as the server answers it: a 404 for a path that names no
 * operation, a 405 with `Allow` for a method the path does not serve.
 */
export function createHandlers(runtime: HandlerRuntime): HttpHandler[] {
  const base = runtime.basePath
  // The operation's own path, letter case included (msw matches paths in any case), and as the
  // server reads it: trailing slashes dropped.
  const pathOf = (url: URL) => {
    const path = url.pathname
    return path.startsWith(`${base}/`) ? path.slice(base.length).replace(/\/+$/, '') : null
  }
  const compiled = routes.map((route) => ({ route, pattern: pathPattern(route.path) }))
  const operations = compiled.map(({ route, pattern }) =>
    http[route.method](`${runtime.baseUrl}${route.path}`, async ({ request, params }) => {
      const url = new URL(request.url)
      const path = pathOf(url)
      // Another case of the path is not this operation: the billing catch-all answers it.
      if (path === null || !pattern.test(path)) return undefined
      const call = await runtime.begin(route.operationId, request, url)
      if (call.response) return call.response
      // The clock may have moved since the last request (a new month starts a fresh cap).
      runtime.ledger.clockMoved()
      const reply = runRoute(route, { ...call.input, params, ledger: runtime.ledger })
      return call.finish(reply)
    }),
  )
  const billing = compiled.filter(({ route }) => route.path.startsWith('/billing/'))
  const unknown = ({ request }: { request: Request }) => {
    const path = pathOf(new URL(request.url)) ?? ''
    const allowed = billing
      .filter(({ pattern }) => pattern.test(path))
      .map(({ route }) => route.method.toUpperCase())
    const reply: Reply =
      allowed.length === 0
        ? errorReply('NOT_FOUND', UNKNOWN_OPERATION_MESSAGE)
        : {
            status: 405,
            body: { code: 'BAD_REQUEST', message: methodNotAllowedMessage(request.method) },
            headers: { Allow: allowHeader(allowed) },
          }
    // An answer to HEAD has no body, as over HTTP.
    return request.method === 'HEAD'
      ? new HttpResponse(null, {
          status: reply.status,
          headers: { 'content-type': 'application/json', ...reply.headers },
        })
      : toResponse(reply)
  }
  return [
    ...operations,
    http.all(`${runtime.baseUrl}/billing`, unknown),
    http.all(`${runtime.baseUrl}/billing/*`, unknown),
  ]
}

/** Builds a JSON `Response` from a reply. */
export function toResponse(reply: Reply): Response {
  return HttpResponse.json(reply.body as never, { status: reply.status, headers: reply.headers })
}
