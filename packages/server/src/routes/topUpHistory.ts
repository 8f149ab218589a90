import { NotFoundError } from '@payg-kit/core'
import { isIdempotencyKey, readListQuery } from '@payg-kit/core/rules'
import { withMessage } from '../apiError'
import { invalidParameters, json } from '../http'
import { listTopUps, lookUpTopUp } from '../topUpRecords'
import type { Routes, ServerContext } from './types'

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
        const read = readListQuery(url.searchParams, 'listTopUps')
        if (!read.ok) throw invalidParameters(read.errors)
        await context.account(accountId)
        const { cursor, limit } = read.page
        return json(200, await listTopUps(context.options.database, accountId, { cursor, limit }))
      },
    },
    '/billing/top-ups/{idempotencyKey}': {
      GET: async ({ accountId, params }) => {
        const key = params.idempotencyKey ?? ''
        await context.account(accountId)
        // A key no top-up can be sent with (POST refuses it) has no top-up: nothing to cancel.
        const topUp = isIdempotencyKey(key)
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
