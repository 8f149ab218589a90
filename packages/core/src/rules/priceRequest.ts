import { money } from '../money'
import type { Money } from '../types'
import { createValidator, isRecord } from './createValidator'
import { creditsToMicros, type PricedRequest, priceSettings } from './prices'
import {
  PRICING_SERVICES,
  type PricingOutcome,
  type PricingService,
  readPricingRequest,
} from './validatePricingRequest'

/** A priced calculator request: its list price in credits and, exactly, in dollars. */
export interface RequestPrice extends PricedRequest {
  /** The list price in dollars, `credits` x $0.0012 (before any account discount). */
  cost: Money<'USD'>
}

/** A list price in credits as exact dollars. */
export function creditsToUsd(credits: bigint): Money<'USD'> {
  return money(`${creditsToMicros(credits)}e-6`, 'USD')
}

/**
 * Validates and prices a service's parameters (`serviceParams[service]`) with the kit's
 * ILLUSTRATIVE price table: the list price in credits and in dollars, or the field errors.
 */
export function priceRequest(service: unknown, settings?: unknown): PricingOutcome<RequestPrice> {
  const read = readPricingRequest(service, settings)
  if (!read.ok) return read
  const priced = priceSettings(read.value)
  return { ok: true, value: { ...priced, cost: creditsToUsd(priced.credits) } }
}

/** A calculator body's service and the raw entry for it (`{}` when absent), not yet checked. */
export interface CalculatorEnvelope {
  service: PricingService
  settings: Record<string, unknown>
}

/**
 * Reads the envelope of a `POST /pricing-calculator` (or quote) body, as the API answers it:
 * no other top-level keys, `service` and `serviceParams` required, no entry for another
 * service, the entry for `service` an object when present. Every problem is reported at once.
 */
export function readCalculatorEnvelope(body: unknown): PricingOutcome<CalculatorEnvelope> {
  const v = createValidator()
  if (!isRecord(body)) {
    v.add('service', 'This field is required.', 'REQUIRED')
    return { ok: false, fieldErrors: v.errors }
  }
  v.noOtherKeys(body, ['service', 'serviceParams'])
  // Only a known service is ever used as a key or in a field name: an object there (one
  // whose `toString` throws, say) is never converted to a string.
  const service = v.oneOf(body, 'service', PRICING_SERVICES, { required: true })
  const all = body.serviceParams
  if (!isRecord(all)) {
    v.add('serviceParams', 'This field is required and must be an object.', 'REQUIRED')
  } else {
    createValidator('serviceParams', v.errors).noOtherKeys(all, PRICING_SERVICES)
  }
  const settings = service && isRecord(all) ? all[service] : undefined
  if (settings !== undefined && settings !== null && !isRecord(settings)) {
    v.add(`serviceParams.${service}`, 'Must be an object.', 'INVALID_TYPE')
  }
  if (!service || v.errors.length) return { ok: false, fieldErrors: v.errors }
  return { ok: true, value: { service, settings: isRecord(settings) ? settings : {} } }
}

/**
 * Validates and prices a whole `POST /pricing-calculator` (or quote) body, as the API answers
 * it: the envelope of `readCalculatorEnvelope`, then the service's parameters. Missing
 * parameters take the spec's defaults.
 */
export function priceCalculatorRequest(body: unknown): PricingOutcome<PricedRequest> {
  const envelope = readCalculatorEnvelope(body)
  if (!envelope.ok) return envelope
  const read = readPricingRequest(envelope.value.service, envelope.value.settings)
  if (!read.ok) return read
  return { ok: true, value: priceSettings(read.value) }
}
