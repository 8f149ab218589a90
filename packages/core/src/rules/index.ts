// @payg-kit/core/rules: the pricing calculator's rules, one copy for the mock, the hooks and a
// server. Pure and isomorphic. Validation and pricing live in separate modules, so a bundle
// that only validates does not carry the price table.
export {
  AUTO_TOP_UP_LIMITS,
  DEFAULT_TOP_UP_LIMITS,
  GENERATION_LIMITS,
  IDEMPOTENCY_KEY_PATTERN,
  PAGE_LIMITS,
  PRICING_LIMITS,
  TRANSACTION_TYPES,
  USAGE_LIMITS,
} from '../generated/pricingLimits'
// Auto top-up: how much one run charges, and what a decline does.
export type {
  AutoTopUpPlan,
  AutoTopUpPlanInput,
  AutoTopUpSettings,
  AutoTopUpUpdateInput,
} from './autoTopUp'
export {
  AUTO_TOP_UP_MAX_DECLINES,
  afterAutoTopUpDecline,
  planAutoTopUp,
  readAutoTopUpUpdate,
} from './autoTopUp'
export { createValidator, type FieldError, isRecord, type Validator } from './createValidator'
export type { BodyFieldLimit, FieldLimit, FieldValue, FieldValues } from './FieldLimit'
// Writes: the `Idempotency-Key` header, read before the body.
export {
  IDEMPOTENCY_KEY_MESSAGE,
  IDEMPOTENCY_KEY_REQUIRED_MESSAGE,
  isIdempotencyKey,
  readIdempotencyKey,
} from './idempotency'
// Legacy plans: what a plan's credits become on PAYG.
export { DOLLARS_PER_CREDIT, migrationCredit } from './migration'
export {
  type CalculatorEnvelope,
  creditsToUsd,
  priceCalculatorRequest,
  priceRequest,
  type RequestPrice,
  readCalculatorEnvelope,
} from './priceRequest'
export {
  creditsToMicros,
  DEFAULT_MODEL_ID,
  DEFAULT_PROMPT,
  discountedMicros,
  FIXED_PRICES,
  IMAGE_MODEL_PRICES,
  type ImageModelKey,
  type ImageSettings,
  MICROS_PER_CREDIT,
  MODEL_IDS,
  type NormalizedGeneration,
  PRICING_MODELS,
  type PricedRequest,
  type PricingKey,
  priceFantasyAvatar,
  priceGenerationRequest,
  priceImageGeneration,
  priceLcm,
  priceModelTraining,
  priceMotionSvd,
  priceMotionVideo,
  pricePrompt,
  priceSettings,
  priceTexture,
  priceUniversalUpscaler,
  priceUniversalUpscalerUltra,
  priceVariation,
  priceVeo3Video,
  priceVideo,
  priceVideoUpscale,
  upscaledMegapixels,
  type VariationKey,
  type VideoModel,
  type VideoModelKey,
  type VideoResolution,
} from './prices'
// Billing reads: the query parameters each takes, and a list's page.
export {
  type ListQuery,
  QUERY_PARAMETERS,
  type QueryOperation,
  type QueryValues,
  readListQuery,
  readQuery,
  UNREADABLE_CURSOR,
} from './query'
// Legacy plans: the monthly renewal of their credits.
export {
  type PlanRenewal,
  type PlanRenewalInput,
  planRenewal,
  shiftRenewalDate,
} from './renewal'
// Requests: the largest body a billing operation reads.
export {
  bodyTooLargeMessage,
  isJsonBody,
  JSON_BODY_MESSAGE,
  MAX_BODY_BYTES,
  mediaType,
  parseJsonBody,
} from './requestBody'
// Routing: what a path or a method that is no operation is answered with.
export { allowHeader, methodNotAllowedMessage, UNKNOWN_OPERATION_MESSAGE } from './routes'
// Top-ups: the body of a top-up and the platform's policy for its amount.
export {
  checkAutoTopUpPolicy,
  checkTopUpAmount,
  readTopUpRequest,
  TOP_UP_RANGE_MESSAGE,
  type TopUpPolicy,
  topUpRangeDetails,
} from './topUp'
// Usage reports: the range a query asks for, and its day, week or month buckets.
export {
  readUsageQuery,
  type UsageBucketSpan,
  type UsageGranularity,
  type UsageRange,
  usageBuckets,
} from './usage'
export {
  checkImageCount,
  checkUpscaleSize,
  PRICING_SERVICES,
  type PricingOutcome,
  type PricingService,
  type PricingSettings,
  readPricingRequest,
  type ServiceSettings,
  ULTRA_UPSCALE_ASSUMED,
  validatePricingRequest,
} from './validatePricingRequest'
