import { json } from '../http'
import type { Routes, ServerContext } from './types'

/** `GET /billing/payment-method`: the saved card from the provider, or null when none is saved. */
export function paymentMethodRoutes(context: ServerContext): Routes {
  const { payments } = context.options
  return {
    '/billing/payment-method': {
      GET: async ({ accountId }) => {
        await context.account(accountId)
        const method = (await payments?.paymentMethod?.(accountId)) ?? null
        return json(200, {
          paymentMethod: method && {
            id: method.id,
            brand: method.brand,
            last4: method.last4,
            expMonth: method.expMonth,
            expYear: method.expYear,
          },
        })
      },
    },
  }
}
