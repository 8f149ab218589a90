import {
  type components,
  type DecimalInput,
  type FieldError,
  usd,
  ValidationError,
} from '@payg-kit/core'
import { readCalculatorEnvelope } from '@payg-kit/core/rules'
import { withMessage } from '../apiError'
import { json, readJson } from '../http'
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

function refuse(fieldErrors: FieldError[]): never {
  const message = 'Some parameters are invalid.'
  throw withMessage(new ValidationError({ status: 422, message, fieldErrors }), message)
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
        // The envelope's rule is the mock's (core/rules), a body that is not an object
        // included; the settings go to `quote` as sent.
        const envelope = readCalculatorEnvelope(await readJson(request))
        if (!envelope.ok) refuse(envelope.fieldErrors)
        const { service, settings } = envelope.value
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
