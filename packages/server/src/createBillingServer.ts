import {
  AuthError,
  compare,
  type components,
  type DecimalInput,
  isZero,
  NotFoundError,
  usd,
  ValidationError,
} from '@payg-kit/core'
import { toApiError, withMessage } from './apiError'
import type { Database } from './database'
import { createLedger, type Ledger, type LedgerOptions, TRANSACTION_TYPES } from './ledger'

type Balance = components['schemas']['Balance']

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
}

/** A Fetch-API handler for the spec's `/billing` operations, and the ledger behind it. */
export interface BillingServer {
  (request: Request): Promise<Response>
  /** The same ledger, for the writes only a platform makes (charge, refund, grant, adjust). */
  ledger: Ledger
}

const JSON_HEADERS = { 'content-type': 'application/json', 'cache-control': 'no-store' }

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: JSON_HEADERS })
}

function invalid(field: string, code: string, message: string): ValidationError {
  return withMessage(
    new ValidationError({ status: 422, message, fieldErrors: [{ field, code, message }] }),
    message,
  )
}

/**
 * The billing extension as a `(Request) => Promise<Response>` handler, mountable in a Next.js
 * route handler, Hono, or Node's http through `toNodeListener` from `@payg-kit/core/proxy`.
 * It keeps no state in memory: any number of processes can serve one database.
 */
export function createBillingServer(options: BillingServerOptions): BillingServer {
  const { authenticate, basePath = '', lowBalanceThreshold = null } = options
  const ledger = createLedger(options)
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

  async function getBalance(accountId: string): Promise<Response> {
    const { balance, updatedAt } = await account(accountId)
    const state: Balance['state'] = isZero(balance)
      ? 'PAUSED'
      : lowBalanceThreshold !== null && compare(balance, usd(lowBalanceThreshold)) < 0
        ? 'LOW'
        : 'OK'
    const body: Balance = {
      balance: balance.amount,
      currency: 'USD',
      billingModel: 'PAYG',
      credits: null,
      state,
      lowBalanceThreshold,
      autoTopUpEnabled: false,
      updatedAt,
    }
    return json(200, body)
  }

  async function listTransactions(accountId: string, query: URLSearchParams): Promise<Response> {
    await account(accountId)
    const limitText = query.get('limit')
    let limit = 20
    if (limitText !== null) {
      limit = /^\d{1,3}$/.test(limitText) ? Number(limitText) : Number.NaN
      if (!(limit >= 1 && limit <= 100)) {
        throw invalid('limit', 'OUT_OF_RANGE', 'limit must be a whole number from 1 to 100.')
      }
    }
    const type = query.get('type')
    if (type !== null && !TRANSACTION_TYPES.includes(type as never)) {
      throw invalid('type', 'INVALID_TYPE', `type must be one of ${TRANSACTION_TYPES.join(', ')}.`)
    }
    const cursor = query.get('cursor')
    const page = await ledger.transactions(accountId, {
      cursor,
      limit,
      type: type as (typeof TRANSACTION_TYPES)[number] | null,
    })
    return json(200, page)
  }

  const routes: Record<
    string,
    Record<string, (a: string, q: URLSearchParams) => Promise<Response>>
  > = {
    '/billing/balance': { GET: (a) => getBalance(a) },
    '/billing/transactions': { GET: listTransactions },
  }

  const handler = async (request: Request): Promise<Response> => {
    try {
      const url = new URL(request.url)
      const path = url.pathname.startsWith(`${basePath}/`)
        ? url.pathname.slice(basePath.length)
        : null
      const route = path === null ? undefined : routes[path.replace(/\/+$/, '')]
      if (!route) {
        return json(404, { code: 'NOT_FOUND', message: 'No such billing operation.' })
      }
      const operation = route[request.method]
      if (!operation) {
        return new Response(
          JSON.stringify({
            code: 'BAD_REQUEST',
            message: `${request.method} is not allowed here.`,
          }),
          { status: 405, headers: { ...JSON_HEADERS, allow: Object.keys(route).join(', ') } },
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
      return await operation(accountId, url.searchParams)
    } catch (error) {
      const { status, body } = toApiError(error)
      return json(status, body)
    }
  }
  return Object.assign(handler, { ledger })
}
