import {
  AuthError,
  compare,
  type DecimalInput,
  isNegative,
  isZero,
  NotFoundError,
  type Usd,
  usd,
} from '@payg-kit/core'
import { createOriginCheck } from '@payg-kit/core/proxy'
import {
  allowHeader,
  isJsonBody,
  JSON_BODY_MESSAGE,
  methodNotAllowedMessage,
  UNKNOWN_OPERATION_MESSAGE,
} from '@payg-kit/core/rules'
import { toApiError } from './apiError'
import {
  createAutoTopUpEngine,
  type PaymentStep,
  type PaymentStepInfo,
  type ResumeResult,
} from './autoTopUp'
import type { Database } from './database'
import { json } from './http'
import { createLedgerEngine, type Ledger, type LedgerOptions } from './ledger'
import type { PaymentEvent, PaymentProvider } from './payments'
import { autoTopUpRoutes } from './routes/autoTopUp'
import { balanceRoutes } from './routes/balance'
import { paymentMethodRoutes } from './routes/paymentMethod'
import { type PricingOptions, pricingRoutes } from './routes/pricing'
import { subscriptionRoutes } from './routes/subscription'
import { topUpHistoryRoutes } from './routes/topUpHistory'
import { topUpRoutes } from './routes/topUps'
import { transactionRoutes } from './routes/transactions'
import type { Routes, ServerContext } from './routes/types'
import { usageRoutes } from './routes/usage'
import { DEFAULT_TOP_UP_POLICY } from './topUpPolicy'
import {
  createWebhookDispatcher,
  enqueueEvents,
  eventsOf,
  type WebhookDispatcher,
  type WebhookOptions,
} from './webhooks'

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
  /**
   * Origins besides the server's own whose pages may write (top up, save settings, migrate),
   * such as `'https://app.example.com'`. A write a browser sends from any other site is a 403,
   * so a session cookie cannot be used from another site's form or fetch (default none).
   */
  allowedOrigins?: readonly string[]
  /** Where `/billing` is mounted, e.g. `/api` for `/api/billing/balance` (default ''). */
  basePath?: string
  /** Takes top-up payments; without one, `/billing/top-ups` is not served. */
  payments?: PaymentProvider
  /** Whole-dollar bounds of one top-up (default the spec's `TopUpLimits`, 5 to 10,000). */
  topUpLimits?: { min: number; max: number }
  /**
   * Outgoing webhooks (Standard Webhooks): events are written to an outbox in the transaction of
   * the change they report, and delivered by `billing.webhooks.deliverDue()` / `.start()`.
   */
  webhooks?: WebhookOptions
  /**
   * How long one process may drive a top-up attempt before another takes it over, in
   * milliseconds (default 60 seconds); a crashed process's attempt is resumed after it.
   */
  attemptLeaseMs?: number
  /** Called at each step of a top-up payment; a throw there stops the work as a crash would. */
  onPaymentStep?(step: PaymentStep, attempt: PaymentStepInfo): void | Promise<void>
  /** The price catalog and price function; without it, `/billing/pricing` is not served. */
  pricing?: PricingOptions
}

/** A Fetch-API handler for the spec's `/billing` operations, and the ledger behind it. */
export interface BillingServer {
  (request: Request): Promise<Response>
  /**
   * The same ledger, for the writes only a platform makes (charge, refund, grant, adjust); a
   * charge that takes the balance below an enabled auto top-up's threshold tops up.
   */
  ledger: Ledger
  /** Delivers the outbox of outgoing webhooks; null without the `webhooks` option. */
  webhooks: WebhookDispatcher | null
  /**
   * Drives every pending top-up attempt (of one account, or all) to its end, such as those a
   * crashed process left; call it on start-up. Accounts also resume theirs when next touched.
   */
  resumePending(accountId?: string): Promise<ResumeResult>
  /** Acts on a provider's `PaymentEvent` (an adapter's `onEvent`); the same event again is safe. */
  handlePaymentEvent(event: PaymentEvent): Promise<void>
}

/**
 * The billing extension as a `(Request) => Promise<Response>` handler, mountable in a Next.js
 * route handler, Hono, or Node's http through `toNodeListener` from `@payg-kit/core/proxy`.
 * It keeps no state in memory: any number of processes can serve one database.
 */
export function createBillingServer(options: BillingServerOptions): BillingServer {
  const { authenticate, lowBalanceThreshold = null } = options
  const basePath = (options.basePath ?? '').replace(/\/+$/, '')
  const { webhooks: webhookOptions } = options
  const lowThreshold = lowBalanceThreshold === null ? null : usd(lowBalanceThreshold)
  const engine = createLedgerEngine({
    ...options,
    // A write that lowers the balance runs the auto top-up rule in its own transaction.
    afterEntry: async (tx, accountId, entry, balance, at) => {
      if (isNegative(entry.amount)) await autoTopUp.runRule(tx, accountId, balance, at)
    },
    // Every entry reports its events (a top-up, a crossing) into the outbox, in its transaction.
    appended: webhookOptions
      ? async (tx, accountId, entry, balance, at) => {
          // "Low" is what the balance reports: the auto top-up threshold while that is on.
          const settings = await autoTopUp.settings(tx, accountId)
          const low = settings?.enabled
            ? settings.threshold === null
              ? null
              : usd(settings.threshold)
            : lowThreshold
          await enqueueEvents(
            tx,
            accountId,
            balance,
            at,
            eventsOf(entry, balance, low),
            webhookOptions,
          )
        }
      : undefined,
  })
  const webhooks = webhookOptions
    ? createWebhookDispatcher(options.database, webhookOptions, options.now, engine.start)
    : null
  const autoTopUp = createAutoTopUpEngine({
    database: options.database,
    engine,
    payments: options.payments,
    topUpLimits: options.topUpLimits ?? DEFAULT_TOP_UP_POLICY,
    leaseMs: options.attemptLeaseMs ?? 60_000,
    onStep: options.onPaymentStep,
    declined: webhookOptions
      ? async (tx, accountId, at, events) => {
          const [row] = await tx.query<{ balance: string }>(
            'SELECT balance::text AS balance FROM payg_accounts WHERE id = $1',
            [accountId],
          )
          await enqueueEvents(tx, accountId, usd(row?.balance ?? '0'), at, events, webhookOptions)
        }
      : undefined,
  })
  /** After a write commits: the attempt it recorded (and any other pending one) is driven. */
  const touched = async <T>(accountId: string, written: T): Promise<T> => {
    // The write has committed. A provider outage leaves the attempt pending (drive catches it);
    // only a database failure here reaches the caller, whose retry with the same key replays.
    await autoTopUp.touch(accountId)
    return written
  }
  const ledger: Ledger = {
    ...engine.ledger,
    charge: async (accountId, ...rest) =>
      touched(accountId, await engine.ledger.charge(accountId, ...rest)),
    refund: async (accountId, ...rest) =>
      touched(accountId, await engine.ledger.refund(accountId, ...rest)),
    grant: async (accountId, ...rest) =>
      touched(accountId, await engine.ledger.grant(accountId, ...rest)),
    adjust: async (accountId, ...rest) =>
      touched(accountId, await engine.ledger.adjust(accountId, ...rest)),
  }
  const newAccountCredit =
    options.newAccountCredit === undefined ? undefined : usd(options.newAccountCredit)

  async function account(accountId: string) {
    try {
      await ledger.account(accountId)
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error
      await ledger.openAccount(
        accountId,
        newAccountCredit && !isZero(newAccountCredit) ? { freeCredit: newAccountCredit } : {},
      )
    }
    // Touching an account resumes its pending top-ups and runs a new month's auto top-up.
    await autoTopUp.touch(accountId)
    return ledger.account(accountId)
  }

  async function balanceBody(accountId: string, balance: Usd, updatedAt: string) {
    const settings = await autoTopUp.settings(options.database, accountId)
    const autoTopUpEnabled = settings?.enabled ?? false
    // The low-balance level is the auto top-up threshold while that is on.
    const low = autoTopUpEnabled ? (settings?.threshold ?? null) : lowBalanceThreshold
    // On a legacy plan requests spend credits: the state follows the credits left.
    const credits = (await ledger.plan(accountId)).plan?.creditsRemaining ?? null
    const paygState = isZero(balance)
      ? 'PAUSED'
      : low !== null && compare(balance, usd(low)) < 0
        ? 'LOW'
        : 'OK'
    const state = credits === null ? paygState : credits > 0 ? 'OK' : 'PAUSED'
    return {
      balance: balance.amount,
      currency: 'USD',
      billingModel: credits === null ? 'PAYG' : 'SUBSCRIPTION',
      credits,
      state,
      lowBalanceThreshold: low,
      autoTopUpEnabled,
      updatedAt,
    } as const
  }

  const context: ServerContext = { options, engine, ledger, autoTopUp, account, balanceBody }
  const routes: Routes = mergeRoutes([
    balanceRoutes(context),
    autoTopUpRoutes(context),
    transactionRoutes(context),
    options.payments ? topUpRoutes(context) : {},
    options.payments ? topUpHistoryRoutes(context) : {},
    usageRoutes(context),
    paymentMethodRoutes(context),
    subscriptionRoutes(context),
    options.pricing ? pricingRoutes(context, options.pricing) : {},
  ])
  const match = compileRoutes(routes)

  const fromAllowedOrigin = createOriginCheck(options.allowedOrigins ?? [], 'createBillingServer')
  const handler = async (request: Request): Promise<Response> => {
    try {
      const url = new URL(request.url)
      const path = url.pathname.startsWith(`${basePath}/`)
        ? url.pathname.slice(basePath.length)
        : null
      const found = path === null ? null : match(path.replace(/\/+$/, ''))
      if (!found) return json(404, { code: 'NOT_FOUND', message: UNKNOWN_OPERATION_MESSAGE })
      // Only the route's own methods: a method named like an Object member (`toString`,
      // `constructor`, which a Fetch Request allows) is not an operation.
      const operation = Object.hasOwn(found.route, request.method)
        ? found.route[request.method as keyof Routes[string]]
        : undefined
      if (!operation) {
        return json(
          405,
          { code: 'BAD_REQUEST', message: methodNotAllowedMessage(request.method) },
          { allow: allowHeader(Object.keys(found.route)) },
        )
      }
      // A write from another site's page (a form, or a fetch without a preflight) is refused
      // before the session it carries is read; so is a body that is not JSON.
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        if (!fromAllowedOrigin(request, url)) {
          return json(403, {
            code: 'FORBIDDEN',
            message: 'Writes are accepted only from the billing page’s own origin.',
          })
        }
        const declared = request.headers.get('content-length')
        const hasBody =
          request.headers.has('transfer-encoding') || (declared !== null && declared !== '0')
        if (!isJsonBody(request.headers.get('content-type'), hasBody)) {
          return json(415, { code: 'BAD_REQUEST', message: JSON_BODY_MESSAGE })
        }
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
  const resumePending = async (accountId?: string) => {
    await engine.start()
    return autoTopUp.resume(accountId ?? null, true)
  }
  const handlePaymentEvent = async (event: PaymentEvent): Promise<void> => {
    switch (event.type) {
      case 'PAYMENT_SUCCEEDED':
      case 'PAYMENT_FAILED':
        // Drives the account's pending attempts, the one charged with the event's key among
        // them; a settled one is left as it is.
        await resumePending(event.accountId)
        return
      case 'CARD_REMOVED':
        await autoTopUp.paymentMethodRemoved(event.accountId)
        return
      case 'CARD_SAVED':
        // Nothing waits for a card: an attempt without one is declined at once, and auto top-up
        // turned off stays off until the user turns it on again.
        return
    }
  }
  return Object.assign(handler, { ledger, webhooks, resumePending, handlePaymentEvent })
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
