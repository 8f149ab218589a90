import {
  AuthError,
  compare,
  type DecimalInput,
  isZero,
  NotFoundError,
  type Usd,
  usd,
} from '@payg-kit/core'
import { toApiError } from './apiError'
import type { Database } from './database'
import { json } from './http'
import { createLedgerEngine, type Ledger, type LedgerOptions } from './ledger'
import type { PaymentProvider } from './payments'
import { balanceRoutes } from './routes/balance'
import { paymentMethodRoutes } from './routes/paymentMethod'
import { type PricingOptions, pricingRoutes } from './routes/pricing'
import { subscriptionRoutes } from './routes/subscription'
import { topUpHistoryRoutes } from './routes/topUpHistory'
import { topUpRoutes } from './routes/topUps'
import { transactionRoutes } from './routes/transactions'
import type { Routes, ServerContext } from './routes/types'
import { usageRoutes } from './routes/usage'

/** Options of `createBillingServer`. */
export interface BillingServerOptions extends Omit<LedgerOptions, 'database'> {
  database: Database
  /**
   * The account a request acts for, from your session or API key; null (or a throw of the kit's
   * `AuthError`) answers 401. Every operation is scoped to this account and no other.
   */
  authenticate(request: Request): Promise<string | null> | string | null
  /** Credit a new account starts with, the first time it is seen (default none). */
  newAccountCredit?: DecimalInput
  /** Whole dollars below which the balance reads `LOW` (default none). */
  lowBalanceThreshold?: number | null
  /** Where `/billing` is mounted, e.g. `/api` for `/api/billing/balance` (default ''). */
  basePath?: string
  /** Takes top-up payments; without one, `/billing/top-ups` is not served. */
  payments?: PaymentProvider
  /** Whole-dollar bounds of one manual top-up (default 5 to 10,000). */
  topUpLimits?: { min: number; max: number }
  /** The price catalog and price function; without it, `/billing/pricing` is not served. */
  pricing?: PricingOptions
}

/** A Fetch-API handler for the spec's `/billing` operations, and the ledger behind it. */
export interface BillingServer {
  (request: Request): Promise<Response>
  /** The same ledger, for the writes only a platform makes (charge, refund, grant, adjust). */
  ledger: Ledger
}

/**
 * The billing extension as a `(Request) => Promise<Response>` handler, mountable in a Next.js
 * route handler, Hono, or Node's http through `toNodeListener` from `@payg-kit/core/proxy`.
 * It keeps no state in memory: any number of processes can serve one database.
 */
export function createBillingServer(options: BillingServerOptions): BillingServer {
  const { authenticate, basePath = '', lowBalanceThreshold = null } = options
  const engine = createLedgerEngine(options)
  const { ledger } = engine
  const newAccountCredit =
    options.newAccountCredit === undefined ? undefined : usd(options.newAccountCredit)

  async function account(accountId: string) {
    try {
      return await ledger.account(accountId)
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error
      await ledger.openAccount(
        accountId,
        newAccountCredit && !isZero(newAccountCredit) ? { freeCredit: newAccountCredit } : {},
      )
      return ledger.account(accountId)
    }
  }

  async function balanceBody(accountId: string, balance: Usd, updatedAt: string) {
    // On a legacy plan requests spend credits: the state follows the credits left.
    const credits = (await ledger.plan(accountId)).plan?.creditsRemaining ?? null
    const paygState = isZero(balance)
      ? 'PAUSED'
      : lowBalanceThreshold !== null && compare(balance, usd(lowBalanceThreshold)) < 0
        ? 'LOW'
        : 'OK'
    const state = credits === null ? paygState : credits > 0 ? 'OK' : 'PAUSED'
    return {
      balance: balance.amount,
      currency: 'USD',
      billingModel: credits === null ? 'PAYG' : 'SUBSCRIPTION',
      credits,
      state,
      lowBalanceThreshold,
      autoTopUpEnabled: false,
      updatedAt,
    } as const
  }

  const context: ServerContext = { options, engine, ledger, account, balanceBody }
  const routes: Routes = mergeRoutes([
    balanceRoutes(context),
    transactionRoutes(context),
    options.payments ? topUpRoutes(context, options.payments) : {},
    options.payments ? topUpHistoryRoutes(context) : {},
    usageRoutes(context),
    paymentMethodRoutes(context),
    subscriptionRoutes(context),
    options.pricing ? pricingRoutes(context, options.pricing) : {},
  ])
  const match = compileRoutes(routes)

  const handler = async (request: Request): Promise<Response> => {
    try {
      const url = new URL(request.url)
      const path = url.pathname.startsWith(`${basePath}/`)
        ? url.pathname.slice(basePath.length)
        : null
      const found = path === null ? null : match(path.replace(/\/+$/, ''))
      if (!found) {
        return json(404, { code: 'NOT_FOUND', message: 'No such billing operation.' })
      }
      const operation = found.route[request.method as keyof Routes[string]]
      if (!operation) {
        return json(
          405,
          { code: 'BAD_REQUEST', message: `${request.method} is not allowed here.` },
          { allow: Object.keys(found.route).join(', ') },
        )
      }
      let accountId: string | null
      try {
        accountId = await authenticate(request)
      } catch (error) {
        if (error instanceof AuthError) accountId = null
        else throw error
      }
      if (typeof accountId !== 'string' || accountId.length === 0) {
        return json(401, { code: 'UNAUTHORIZED', message: 'Sign in to see your billing.' })
      }
      return await operation({ accountId, url, request, params: found.params })
    } catch (error) {
      const { status, body } = toApiError(error)
      return json(status, body)
    }
  }
  return Object.assign(handler, { ledger })
}

/** One table of routes from the modules' tables; two modules may serve other methods of one path. */
function mergeRoutes(groups: Routes[]): Routes {
  const merged: Routes = {}
  for (const group of groups) {
    for (const [path, methods] of Object.entries(group)) {
      const route = merged[path] ?? {}
      merged[path] = route
      for (const [method, operation] of Object.entries(methods)) {
        if (method in route) throw new Error(`[payg-kit] ${method} ${path} is served twice.`)
        route[method as keyof typeof route] = operation
      }
    }
  }
  return merged
}

/** A matcher for the routes' path templates: exact paths first, then `{param}` templates. */
function compileRoutes(routes: Routes) {
  const templates = Object.entries(routes)
    .filter(([path]) => path.includes('{'))
    .map(([path, route]) => {
      const names: string[] = []
      const source = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_, name) => {
        names.push(name)
        return '([^/]+)'
      })
      return { pattern: new RegExp(`^${source}$`), names, route }
    })
  return (path: string): { route: Routes[string]; params: Record<string, string> } | null => {
    const exact = Object.hasOwn(routes, path) && !path.includes('{') ? routes[path] : undefined
    if (exact) return { route: exact, params: {} }
    for (const { pattern, names, route } of templates) {
      const found = pattern.exec(path)
      if (!found) continue
      const params: Record<string, string> = {}
      try {
        names.forEach((name, i) => {
          params[name] = decodeURIComponent(found[i + 1] as string)
        })
      } catch {
        return null
      }
      return { route, params }
    }
    return null
  }
}
