import {
  AuthError,
  compare,
  type components,
  type DecimalInput,
  IdempotencyConflictError,
  isZero,
  NotFoundError,
  PaymentDeclinedError,
  ServerError,
  usd,
  ValidationError,
} from '@payg-kit/core'
import { toApiError, withMessage } from './apiError'
import type { Database } from './database'
import {
  badRequest,
  createLedgerEngine,
  type Ledger,
  type LedgerOptions,
  type LedgerWrite,
  sha256,
  TRANSACTION_TYPES,
} from './ledger'
import type { PaymentProvider } from './payments'

type Balance = components['schemas']['Balance']
type TopUp = components['schemas']['TopUp']
type TopUpResult = components['schemas']['TopUpResult']

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
  /** Takes top-up payments; without one, `POST /billing/top-ups` is not served. */
  payments?: PaymentProvider
  /** Whole-dollar bounds of one manual top-up (default 5 to 10,000). */
  topUpLimits?: { min: number; max: number }
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
  const engine = createLedgerEngine(options)
  const { ledger } = engine
  const { payments, topUpLimits = { min: 5, max: 10_000 } } = options
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

  function balanceBody(balance: ReturnType<typeof usd>, updatedAt: string): Balance {
    const state: Balance['state'] = isZero(balance)
      ? 'PAUSED'
      : lowBalanceThreshold !== null && compare(balance, usd(lowBalanceThreshold)) < 0
        ? 'LOW'
        : 'OK'
    return {
      balance: balance.amount,
      currency: 'USD',
      billingModel: 'PAYG',
      credits: null,
      state,
      lowBalanceThreshold,
      autoTopUpEnabled: false,
      updatedAt,
    }
  }

  async function getBalance(accountId: string): Promise<Response> {
    const { balance, updatedAt } = await account(accountId)
    return json(200, balanceBody(balance, updatedAt))
  }

  function topUpResponse(written: LedgerWrite & { topUp: TopUp }, replayed: boolean): Response {
    const body: TopUpResult = {
      topUp: written.topUp,
      balance: balanceBody(usd(written.balance), written.transaction.createdAt),
    }
    const headers: Record<string, string> = { ...JSON_HEADERS }
    if (replayed) headers['idempotent-replayed'] = 'true'
    return new Response(JSON.stringify(body), { status: 201, headers })
  }

  async function readAmount(request: Request): Promise<number> {
    let body: unknown
    try {
      body = JSON.parse(await request.text())
    } catch {
      throw badRequest('The request body is not valid JSON.')
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      throw invalid('amount', 'REQUIRED', 'The body must be an object with an amount.')
    }
    const extra = Object.keys(body).find((name) => name !== 'amount')
    if (extra !== undefined) {
      throw invalid(extra, 'NOT_ALLOWED', `${extra} is not a field of a top-up.`)
    }
    const { amount } = body as { amount?: unknown }
    if (typeof amount !== 'number' || !Number.isInteger(amount)) {
      throw invalid('amount', 'INVALID_TYPE', 'amount must be a whole number of dollars.')
    }
    if (amount < topUpLimits.min) {
      throw invalid('amount', 'TOO_SMALL', `A top-up is at least $${topUpLimits.min}.`)
    }
    if (amount > topUpLimits.max) {
      throw invalid('amount', 'TOO_LARGE', `A top-up is at most $${topUpLimits.max}.`)
    }
    return amount
  }

  async function createTopUp(
    provider: PaymentProvider,
    accountId: string,
    request: Request,
  ): Promise<Response> {
    const key = request.headers.get('idempotency-key')
    if (key === null) throw badRequest('The Idempotency-Key header is required for a top-up.')
    const amount = await readAmount(request)
    await account(accountId)
    const intent = { op: 'topUp', amount: String(amount) }
    const seen = await engine.peek<{ topUp: TopUp }>(accountId, key, intent)
    if (seen.state === 'conflict') engine.conflict(key)
    if (seen.state === 'replay') return topUpResponse(seen.response, true)
    // The provider's key is derived from the account and the key: a retry, or a request racing
    // this one, reaches the same payment, so it is taken once whatever happens here.
    let outcome: Awaited<ReturnType<PaymentProvider['charge']>>
    try {
      outcome = await provider.charge({
        accountId,
        amount: String(amount),
        idempotencyKey: await sha256(`top-up\n${accountId}\n${key}`),
      })
    } catch (cause) {
      const message = 'The payment could not be confirmed. Retry with the same Idempotency-Key.'
      throw withMessage(new ServerError({ status: 503, message, cause }), message)
    }
    if (outcome.status === 'DECLINED') {
      const message =
        outcome.code === 'NO_PAYMENT_METHOD'
          ? 'Add a payment method before topping up.'
          : 'Your card was declined. Update your payment method and try again.'
      throw withMessage(
        new PaymentDeclinedError({
          status: 402,
          code: outcome.code,
          message,
          details: outcome.declineCode ? { declineCode: outcome.declineCode } : undefined,
        }),
        message,
      )
    }
    const topUpId = `tu_${crypto.randomUUID()}`
    const written = await engine.write(
      accountId,
      key,
      intent,
      async (tx) => {
        // A key forgotten after its retention, sent again, reaches the same payment at the
        // provider: that payment was credited already and is never credited twice.
        const credited = await tx.query('SELECT 1 FROM payg_ledger WHERE payment_id = $1', [
          outcome.paymentId,
        ])
        if (credited.length > 0) {
          const message = 'This top-up was already credited. Start a new top-up with a new key.'
          throw withMessage(
            new IdempotencyConflictError({ status: 409, message, idempotencyKey: key }),
            message,
          )
        }
        return {
          type: 'TOP_UP',
          amount: usd(amount),
          description: 'Manual top-up',
          topUpId,
          paymentId: outcome.paymentId,
        }
      },
      ({ transaction }) => ({
        topUp: {
          id: topUpId,
          amount: String(amount),
          kind: 'MANUAL',
          status: 'SUCCEEDED',
          paymentMethodId: outcome.paymentMethodId,
          createdAt: transaction.createdAt,
        } satisfies TopUp,
      }),
    )
    return topUpResponse(written, written.replayed)
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

  type Operation = (accountId: string, url: URL, request: Request) => Promise<Response>
  const routes: Record<string, Record<string, Operation>> = {
    '/billing/balance': { GET: (a) => getBalance(a) },
    '/billing/transactions': { GET: (a, url) => listTransactions(a, url.searchParams) },
  }
  if (payments) {
    routes['/billing/top-ups'] = { POST: (a, _url, request) => createTopUp(payments, a, request) }
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
      return await operation(accountId, url, request)
    } catch (error) {
      const { status, body } = toApiError(error)
      return json(status, body)
    }
  }
  return Object.assign(handler, { ledger })
}
