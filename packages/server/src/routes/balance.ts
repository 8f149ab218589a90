import { json } from '../http'
import type { Routes, ServerContext } from './types'

/** `GET /billing/balance`. */
export function balanceRoutes(context: ServerContext): Routes {
  return {
    '/billing/balance': {
      GET: async ({ accountId }) => {
        const { balance, updatedAt } = await context.account(accountId)
        return json(200, await context.balanceBody(accountId, balance, updatedAt))
      },
    },
  }
}
