import { usd } from '@payg-kit/core'
import { idempotencyKey, JSON_HEADERS, json } from '../http'
import { clientKey } from '../ledger'
import { toSubscription } from '../plans'
import type { Routes, ServerContext } from './types'

/**
 * `GET /billing/subscription`, `GET /billing/subscription/migration-preview` and
 * `POST /billing/subscription/migrate`: a legacy monthly plan and the move to PAYG.
 */
export function subscriptionRoutes(context: ServerContext): Routes {
  const { ledger } = context
  const customPricing = async (accountId: string) =>
    (await context.options.pricing?.catalog(accountId))?.customPricing ?? false

  return {
    '/billing/subscription': {
      GET: async ({ accountId }) => {
        await context.account(accountId)
        const state = await ledger.plan(accountId)
        return json(200, toSubscription(state, await customPricing(accountId)))
      },
    },
    '/billing/subscription/migration-preview': {
      GET: async ({ accountId }) => {
        await context.account(accountId)
        return json(200, await ledger.migrationPreview(accountId))
      },
    },
    '/billing/subscription/migrate': {
      POST: async ({ accountId, request }) => {
        // Optional: a missing or empty header migrates without replay (a repeat is a 409).
        const key = idempotencyKey(request)
        await context.account(accountId)
        const written = await ledger.migrateToPayg(accountId, key === null ? null : clientKey(key))
        const { createdAt } = written.transaction
        const body = {
          subscription: toSubscription(
            { plan: null, migratedAt: createdAt },
            await customPricing(accountId),
          ),
          balance: await context.balanceBody(accountId, usd(written.balance), createdAt),
          transaction: written.transaction,
        }
        const headers: Record<string, string> = { ...JSON_HEADERS }
        if (written.replayed) headers['idempotent-replayed'] = 'true'
        return new Response(JSON.stringify(body), { status: 200, headers })
      },
    },
  }
}
