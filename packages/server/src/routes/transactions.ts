import { invalid, json } from '../http'
import { TRANSACTION_TYPES } from '../ledger'
import { pageLimit } from './topUpHistory'
import type { Routes, ServerContext } from './types'

/** `GET /billing/transactions`: the account's ledger, newest first, a page at a time. */
export function transactionRoutes(context: ServerContext): Routes {
  return {
    '/billing/transactions': {
      GET: async ({ accountId, url }) => {
        const query = url.searchParams
        await context.account(accountId)
        const limit = pageLimit(query)
        const type = query.get('type')
        if (type !== null && !TRANSACTION_TYPES.includes(type as never)) {
          throw invalid(
            'type',
            // A value outside the enum, as the mock and the pricing routes word it.
            'INVALID_VALUE',
            `type must be one of ${TRANSACTION_TYPES.join(', ')}.`,
          )
        }
        const page = await context.ledger.transactions(accountId, {
          cursor: query.get('cursor'),
          limit,
          type: type as (typeof TRANSACTION_TYPES)[number] | null,
        })
        return json(200, page)
      },
    },
  }
}
