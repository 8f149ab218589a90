import {
  type components,
  type DecimalInput,
  type FieldError,
  usd,
  ValidationError,
} from '@payg-kit/core'
import { isRecord, PRICING_SERVICES } from '@payg-kit/core/rules'
import { withMessage } from '../apiError'
import { json, readObject } from '../http'
import type { Routes, ServerContext } from './types'

type PricingService = components['schemas']['PricingService']

/** The account's pricing overview, as `GET /billing/pricing` shows it. */
export interface PricingCatalog {
  /** The models and services the account can price, with its discount on each. */
  models: components['schemas']['PricingModel'][]
  /** Whether a custom pricing agreement applies (also shown by `GET /billing/subscription`). */
  customPricing: boolean
  /** True when the prices come from an illustrative table, not a real price list (default false). */
  illustrative?: boolean
}

/** One request priced for one account. */
export interface PriceQuote {
  /** The account's price in dollars, its discount applied. */
  cost: DecimalInput
  /** The list price in dollars. */
  listCost: DecimalInput
  /** The discount applied, in percent (0 at list price). */
  discountPercent: number
  /** The pricing key the request matched, e.g. `PHOENIX`. */
  modelKey: string
  /** The list price in legacy plan credits: what an account still on a plan is quoted. */
  credits: number
}

/**
 * Prices for `/billing/pricing` and `/billing/pricing/quote`: the catalog per account (custom
 * deals have per-model discounts) and a price function for calculator requests.
 */
export interface PricingOptions {
  /** The account's catalog and discounts. */
  catalog(accountId: string): Promise<PricingCatalog> | PricingCatalog
  /**
   * Prices `settings` (the request's `serviceParams[service]`, `{}` when absent) for the
   * account, or answers the invalid settings, each `field` relative to `settings` (`numImages`).
   */
  quote(
    service: PricingService,
    settings: Record<string, unknown>,
    accountId: string,
  ):
    | Promise<PriceQuote | { fieldErrors: FieldError[] }>
    | PriceQuote
    | { fieldErrors: FieldError[] }
}

// The services come from the spec, through the shared rules: never a copied list.
const SERVICES = PRICING_SERVICES

function refuse(fieldErrors: FieldError[]): never {
  const message = 'Some parameters are invalid.'
  throw withMessage(new ValidationError({ status: 422, message, fieldErrors }), message)
}

/** The service and its settings of a `PricingCalculatorRequest`, or a 422 naming every problem. */
function readCalculatorRequest(body: Record<string, unknown>): {
  service: PricingService
  settings: Record<string, unknown>
} {
  const errors: FieldError[] = []
  for (const key of Object.keys(body)) {
    if (key !== 'service' && key !== 'serviceParams') {
      errors.push({ field: key, code: 'UNKNOWN_FIELD', message: 'Unknown field.' })
    }
  }
  const service = body.service
  // Only a known service is ever used as a key or in a field name: an object there (one whose
  // `toString` is not a function, say) is never converted to a string.
  const known = typeof service === 'string' && SERVICES.includes(service as PricingService)
  if (service === undefined) {
    errors.push({ field: 'service', code: 'REQUIRED', message: 'This field is required.' })
  } else if (!known) {
    const message = `Must be one of ${SERVICES.join(', ')}.`
    errors.push({ field: 'service', code: 'INVALID_VALUE', message })
  }
  const all = body.serviceParams
  if (!isRecord(all)) {
    const message = 'This field is required and must be an object.'
    errors.push({ field: 'serviceParams', code: 'REQUIRED', message })
  } else {
    for (const key of Object.keys(all)) {
      if (!SERVICES.includes(key as PricingService)) {
        errors.push({
          field: `serviceParams.${key}`,
          code: 'UNKNOWN_FIELD',
          message: 'Unknown field.',
        })
      }
    }
  }
  const settings = known && isRecord(all) ? all[service] : undefined
  if (settings !== undefined && settings !== null && !isRecord(settings)) {
    const field = `serviceParams.${service}`
    errors.push({ field, code: 'INVALID_TYPE', message: 'Must be an object.' })
  }
  if (errors.length > 0) refuse(errors)
  return { service: service as PricingService, settings: isRecord(settings) ? settings : {} }
}

/** `GET /billing/pricing` and `POST /billing/pricing/quote`, from the `pricing` option. */
export function pricingRoutes(context: ServerContext, pricing: PricingOptions): Routes {
  return {
    '/billing/pricing': {
      GET: async ({ accountId }) => {
        await context.account(accountId)
        const catalog = await pricing.catalog(accountId)
        return json(200, {
          currency: 'USD',
          illustrative: catalog.illustrative ?? false,
          customPricing: catalog.customPricing,
          models: catalog.models.map(({ key, name, service, discountPercent }) => ({
            key,
            name,
            service,
            discountPercent,
          })),
        })
      },
    },
    '/billing/pricing/quote': {
      POST: async ({ accountId, request }) => {
        const body = await readObject(request, 'service')
        const { service, settings } = readCalculatorRequest(body)
        await context.account(accountId)
        const priced = await pricing.quote(service, settings, accountId)
        if ('fieldErrors' in priced) {
          refuse(
            priced.fieldErrors.map((error) => ({
              ...error,
              field: `serviceParams.${service}.${error.field}`,
            })),
          )
        }
        const onPlan = (await context.ledger.plan(accountId)).plan !== null
        if (onPlan) {
          // A legacy plan pays list credits: no dollar price and no discount applies.
          const credits = { amount: String(priced.credits), unit: 'CREDITS' as const }
          return json(200, {
            cost: credits,
            listCost: credits,
            discountPercent: 0,
            modelKey: priced.modelKey,
          })
        }
        return json(200, {
          cost: { amount: usd(priced.cost).amount, unit: 'DOLLARS' },
          listCost: { amount: usd(priced.listCost).amount, unit: 'DOLLARS' },
          discountPercent: priced.discountPercent,
          modelKey: priced.modelKey,
        })
      },
    },
  }
}
