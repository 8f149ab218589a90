import { NotFoundError } from '@payg-kit/core'
import { withMessage } from '../apiError'
import { invalid, json } from '../http'
import { KEY_PATTERN } from '../ledger'
import { listTopUps, lookUpTopUp } from '../topUpRecords'
import type { Routes, ServerContext } from './types'

/** The `limit` query parameter: a whole number from 1 to 100 (default 20), else a 422. */
export function pageLimit(query: URLSearchParams): number {
  const text = query.get('limit')
  if (text === null) return 20
  const limit = /^\d{1,3}$/.test(text) ? Number(text) : Number.NaN
  if (!(limit >= 1 && limit <= 100)) {
    throw invalid('limit', 'OUT_OF_RANGE', 'limit must be a whole number from 1 to 100.')
  }
  return limit
}

/**
 * `GET /billing/top-ups` (the account's top-ups, newest first) and
 * `GET /billing/top-ups/{idempotencyKey}` (what became of the top-up sent with a key; a 404
 * cancels the key, so the original, if it is still in flight, never charges).
 */
export function topUpHistoryRoutes(context: ServerContext): Routes {
  const now = context.options.now ?? (() => new Date())
  return {
    '/billing/top-ups': {
      GET: async ({ accountId, url }) => {
        const limit = pageLimit(url.searchParams)
        await context.account(accountId)
        const cursor = url.searchParams.get('cursor')
        return json(200, await listTopUps(context.options.database, accountId, { cursor, limit }))
      },
    },
    '/billing/top-ups/{idempotencyKey}': {
      GET: async ({ accountId, params }) => {
        const key = params.idempotencyKey ?? ''
        await context.account(accountId)
        // A key no top-up can be sent with (POST refuses it) has no top-up: nothing to cancel.
        const topUp = KEY_PATTERN.test(key)
          ? await lookUpTopUp(context.options.database, {
              accountId,
              idempotencyKey: key,
              at: now(),
            })
          : null
        if (topUp === 'PENDING') {
          const message = 'This top-up is still being processed. Look it up again in a moment.'
          return json(503, { code: 'SERVICE_UNAVAILABLE', message }, { 'retry-after': '1' })
        }
        if (!topUp) {
          const message = 'No top-up was made with this Idempotency-Key.'
          throw withMessage(
            new NotFoundError({ status: 404, message, details: { idempotencyKey: key } }),
            message,
          )
        }
        const { balance, updatedAt } = await context.account(accountId)
        return json(200, {
          topUp,
          balance: await context.balanceBody(accountId, balance, updatedAt),
        })
      },
    },
  }
}
