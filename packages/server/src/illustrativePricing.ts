import {
  creditsToMicros,
  discountedMicros,
  PRICING_MODELS,
  type PricingKey,
  priceRequest,
} from '@payg-kit/core/rules'
import type { PricingOptions } from './routes/pricing'

/** Per-account deals for `illustrativePricing`: whole-percent discounts by pricing key. */
export interface PricingDeals {
  /** The account's discounts (none: list price); a non-empty one is a custom agreement. */
  discounts?(
    accountId: string,
  ): Partial<Record<PricingKey, number>> | Promise<Partial<Record<PricingKey, number>>>
}

function dollars(micros: bigint): string {
  const digits = micros.toString().padStart(7, '0')
  const text = `${digits.slice(0, -6)}.${digits.slice(-6)}`.replace(/\.?0+$/, '')
  return text === '' ? '0' : text
}

/**
 * The `pricing` of `createBillingServer` with the kit's ILLUSTRATIVE price table, the one the
 * mock and `@payg-kit/core/rules` price with (not Leonardo's real prices): the same request costs
 * the same on the server as on the mock. Give your own `pricing` for a real price list.
 */
export function illustrativePricing(deals: PricingDeals = {}): PricingOptions {
  const discountsOf = async (accountId: string) => (await deals.discounts?.(accountId)) ?? {}
  return {
    async catalog(accountId) {
      const discounts = await discountsOf(accountId)
      return {
        illustrative: true,
        customPricing: Object.values(discounts).some((percent) => (percent ?? 0) > 0),
        models: PRICING_MODELS.map((model) => ({
          ...model,
          discountPercent: discounts[model.key] ?? 0,
        })),
      }
    },
    async quote(service, settings, accountId) {
      const priced = priceRequest(service, settings)
      if (!priced.ok) {
        const prefix = `serviceParams.${service}.`
        return {
          fieldErrors: priced.fieldErrors.map((error) => ({
            ...error,
            field: error.field.startsWith(prefix) ? error.field.slice(prefix.length) : error.field,
          })),
        }
      }
      const { credits, modelKey } = priced.value
      const discountPercent = (await discountsOf(accountId))[modelKey] ?? 0
      const listMicros = creditsToMicros(credits)
      return {
        cost: dollars(discountedMicros(listMicros, discountPercent)),
        listCost: dollars(listMicros),
        discountPercent,
        modelKey,
        credits: Number(credits),
      }
    },
  }
}
