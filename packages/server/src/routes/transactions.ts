import { readListQuery } from '@payg-kit/core/rules'
import { invalidParameters, json } from '../http'
import type { Routes, ServerContext } from './types'

/** `GET /billing/transactions`: the account's ledger, newest first, a page at a time. */
export function transactionRoutes(context: ServerContext): Routes {
  return {
    '/billing/transactions': {
      GET: async ({ accountId, url }) => {
        await context.account(accountId)
        const read = readListQuery(url.searchParams, 'listTransactions')
        if (!read.ok) throw invalidParameters(read.errors)
        return json(200, await context.ledger.transactions(accountId, read.page))
      },
    },
  }
}
