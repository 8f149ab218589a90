import { money } from '../money'
import type { Money } from '../types'
import { createValidator, isRecord } from './createValidator'
import { creditsToMicros, type PricedRequest, priceSettings } from './prices'
import { PRICING_SERVICES, type PricingOutcome, readPricingRequest } from './validatePricingRequest'

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

/**
 * Validates and prices a whole `POST /pricing-calculator` (or quote) body, as the API answers
 * it: no other top-level keys, `service` and `serviceParams` required, one entry per service.
 * Missing parameters take the spec's defaults.
 */
export function priceCalculatorRequest(body: unknown): PricingOutcome<PricedRequest> {
  const v = createValidator()
  if (!isRecord(body)) {
    v.add('service', 'This field is required.', 'REQUIRED')
    return { ok: false, fieldErrors: v.errors }
  }
  v.noOtherKeys(body, ['service', 'serviceParams'])
  const service = v.oneOf(body, 'service', PRICING_SERVICES, { required: true })
  if (!isRecord(body.serviceParams)) {
    v.add('serviceParams', 'This field is required and must be an object.', 'REQUIRED')
  }
  if (!service || v.errors.length) return { ok: false, fieldErrors: v.errors }
  const allParams = body.serviceParams as Record<string, unknown>
  const sv = createValidator('serviceParams')
  sv.noOtherKeys(allParams, PRICING_SERVICES)
  const read = readPricingRequest(service, allParams[service])
  const errors = [...sv.errors, ...(read.ok ? [] : read.fieldErrors)]
  if (errors.length || !read.ok) return { ok: false, fieldErrors: errors }
  return { ok: true, value: priceSettings(read.value) }
}
