// The calculator's request rules: each parameter's bounds come from the spec (the generated
// PRICING_LIMITS); the two rules the spec states in words (the image count over 768 px, the
// largest upscale) are written here. No price table is imported, so a bundle that only
// validates stays small.
import type { components } from '../generated/payg'
import { PRICING_LIMITS } from '../generated/pricingLimits'
import { checkLimit, checkOneOf } from './checkValue'
import { type FieldError, isRecord, type Validator } from './createValidator'
import type { FieldLimit, FieldValues } from './FieldLimit'

/** A pricing service of the Production API. */
export type PricingService = components['schemas']['PricingService']

/** The result of reading untrusted input: a value, or the fields that are wrong. */
export type PricingOutcome<T> = { ok: true; value: T } | { ok: false; fieldErrors: FieldError[] }

type Limits = typeof PRICING_LIMITS

/** The parameters of a service after validation, ready to be priced. */
export type ServiceSettings<S extends PricingService> = S extends 'UNIVERSAL_UPSCALER_ULTRA'
  ? { inputWidth: number; inputHeight: number; upscaleMultiplier: number }
  : FieldValues<Limits[S]>

/** A validated calculator request: the service and its parameters. */
export type PricingSettings = {
  [S in PricingService]: { service: S; params: ServiceSettings<S> }
}[PricingService]

/** Every pricing service, in the spec's order. */
export const PRICING_SERVICES = Object.keys(PRICING_LIMITS) as readonly PricingService[]

/**
 * What the kit assumes for an Ultra upscale's parameters the spec gives no default for (an
 * image of 1024x1024 upscaled 1.5 times).
 */
export const ULTRA_UPSCALE_ASSUMED = { inputWidth: 1024, inputHeight: 1024, upscaleMultiplier: 1.5 }

/** numImages is 1..8, and 1..4 when a side is over 768 (Leonardo's rule). */
export function checkImageCount(
  v: Pick<Validator, 'add'>,
  field: string,
  numImages: number | undefined,
  width: number,
  height: number,
): void {
  if (numImages !== undefined && numImages > 4 && (width > 768 || height > 768)) {
    v.add(field, 'Must be between 1 and 4 when either side is over 768.', 'TOO_LARGE')
  }
}

/** The largest upscale is 20 megapixels (of width x height x multiplier^2, multiplier to 1e-4). */
export function checkUpscaleSize(
  v: Pick<Validator, 'add'>,
  field: string,
  p: { inputWidth: number; inputHeight: number; upscaleMultiplier: number },
): void {
  const k = Math.round(p.upscaleMultiplier * 10_000)
  // Exact as a decision: below 2^53 every product is exact, above it is over the limit anyway.
  if (p.inputWidth * p.inputHeight * k * k > 20_000_000 * 100_000_000) {
    v.add(field, 'The upscaled image would be over 20 megapixels.', 'TOO_LARGE')
  }
}

/**
 * Reads a service and its parameters as the calculator does: the spec's bounds, types and
 * defaults for each field (no other fields), then the image count and upscale size rules.
 * Errors are named as in the API's 422 answer (`service`, `serviceParams.<SERVICE>.<field>`).
 */
export function readPricingRequest(
  service: unknown,
  settings: unknown,
): PricingOutcome<PricingSettings> {
  const errors: FieldError[] = []
  const v = {
    add: (field: string, message: string, code: string) => errors.push({ field, message, code }),
  }
  const fail = (): PricingOutcome<never> => ({ ok: false, fieldErrors: errors })
  const absent = (value: unknown) => value === undefined || value === null
  const problem = absent(service)
    ? (['REQUIRED', 'This field is required.'] as const)
    : checkOneOf(service, PRICING_SERVICES)
  if (problem) {
    v.add('service', problem[1], problem[0])
    return fail()
  }
  const name = service as PricingService
  const prefix = `serviceParams.${name}`
  if (settings !== undefined && settings !== null && !isRecord(settings)) {
    v.add(prefix, 'Must be an object.', 'INVALID_TYPE')
    return fail()
  }
  const source = isRecord(settings) ? settings : {}
  // A misspelt parameter (`alchemy` for `alchemyMode`) would otherwise be priced at its default.
  for (const key of Object.keys(source)) {
    if (!Object.hasOwn(PRICING_LIMITS[name], key)) {
      v.add(`${prefix}.${key}`, 'Unknown field.', 'UNKNOWN_FIELD')
    }
  }
  const params: Record<string, unknown> = {}
  for (const [key, limit] of Object.entries(PRICING_LIMITS[name]) as [string, FieldLimit][]) {
    const value = source[key]
    // null is absent, as Leonardo's SDK sends an unset field.
    const wrong = absent(value) ? undefined : checkLimit(value, limit)
    if (wrong) v.add(`${prefix}.${key}`, wrong[1], wrong[0])
    params[key] = absent(value) || wrong ? limit.default : value
  }
  if (name === 'IMAGE_GENERATION' || name === 'FANTASY_AVATAR_GENERATION') {
    const { numImages, imageWidth, imageHeight } = params as FieldValues<Limits[typeof name]>
    checkImageCount(v, `${prefix}.numImages`, numImages, imageWidth, imageHeight)
  }
  if (name === 'UNIVERSAL_UPSCALER_ULTRA') {
    for (const [key, value] of Object.entries(ULTRA_UPSCALE_ASSUMED)) params[key] ??= value
    checkUpscaleSize(v, `${prefix}.upscaleMultiplier`, params as ServiceSettings<typeof name>)
  }
  if (errors.length) return fail()
  return { ok: true, value: { service: name, params } as PricingSettings }
}

/**
 * The calculator's field errors for a service and its parameters (`serviceParams[service]`);
 * an empty array means the API accepts the request.
 */
export function validatePricingRequest(service: unknown, settings?: unknown): FieldError[] {
  const read = readPricingRequest(service, settings)
  return read.ok ? [] : read.fieldErrors
}
