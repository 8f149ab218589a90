import type { IncomingMessage } from 'node:http'
import { relative } from 'node:path'
import { toNodeListener } from '@payg-kit/core/proxy'
import {
  type BillingServer,
  createBillingServer,
  createFakePayments,
  type Database,
  illustrativePricing,
  migrate,
  type PaymentProvider,
  pglite,
  postgres,
  TEST_CARDS,
} from '@payg-kit/server'
import { createStripePayments, type StripePayments } from '@payg-kit/server/stripe'
import Stripe from 'stripe'
import type { Plugin } from 'vite'
import { PROXY_PATH } from '../src/proxyPath'
import { TEST_BANK_PATH, TEST_CARD_PATH, type TestCard } from '../src/testCards'
import { createPlaygroundSession, isUnder } from './session'

/** Stripe's test mode for `pnpm dev`: a test secret key, and where Stripe's webhooks are verified. */
export interface StripeTestMode {
  /** A test-mode secret key (`sk_test_...` or `rk_test_...`); a live key is refused. */
  secretKey: string
  /** The signing secret `stripe listen` prints (`whsec_...`), for the webhook route. */
  webhookSecret?: string
  /** Another Stripe API host, e.g. a stand-in on loopback (`http://127.0.0.1:12111`). */
  apiBase?: string
}

/** Stripe's test PaymentMethods, one per test card of the picker (saved through a SetupIntent). */
/** Whether a value names one of the test cards. */
function isTestCard(value: unknown): value is TestCard {
  return typeof value === 'string' && Object.hasOwn(TEST_CARDS, value)
}

const STRIPE_TEST_PAYMENT_METHODS: Record<TestCard, string> = {
  visa: 'pm_card_visa',
  declined: 'pm_card_chargeDeclined',
  insufficientFunds: 'pm_card_chargeDeclinedInsufficientFunds',
  authenticationRequired: 'pm_card_authenticationRequired',
}

/** Where Stripe posts its events in Stripe mode: `stripe listen --forward-to` this path. */
export const STRIPE_WEBHOOK_PATH = `${PROXY_PATH}/stripe/webhook`

/** The one account the playground's page acts for. */
export const PLAYGROUND_ACCOUNT = 'acct_playground'

/** Where the billing server keeps its data: a PGlite folder, or a PostgreSQL server. */
export type BillingStore = { dataDir: string } | { databaseUrl: string }

/** What the page is told about its billing backend: never a credential. */
export function describeStore(store: BillingStore, root: string): string {
  if ('dataDir' in store) {
    const shown = relative(root, store.dataDir)
    return `PGlite in ${shown.startsWith('..') ? store.dataDir : shown || '.'}`
  }
  try {
    const url = new URL(store.databaseUrl)
    return `PostgreSQL at ${url.host}${url.pathname}`
  } catch {
    return 'PostgreSQL (DATABASE_URL)'
  }
}

/**
 * Mounts `@payg-kit/server` on the dev server: every request under `/api/payg/billing` is
 * answered by the real billing server (the fake payment provider, a test card saved), for the
 * playground's account, and only for a browser on this machine that loaded the page (the same
 * per-process session cookie as the proxy). `/api/payg/playground/test-card` switches the card,
 * and `/api/payg/playground/authenticate` answers a 3-D Secure check as the test bank.
 * The database is opened when the dev server listens (or on the first request) and closed with
 * it, so a restart of the dev server reopens the same data.
 */
export function billingServerPlugin(store: BillingStore, stripeMode?: StripeTestMode): Plugin {
  if (stripeMode && !/^(sk|rk)_test_/.test(stripeMode.secretKey)) {
    throw new Error('[playground] `pnpm dev` takes a Stripe TEST key only (sk_test_...).')
  }
  const session = createPlaygroundSession()
  const fake = createFakePayments()
  let card: TestCard = 'visa'
  fake.setCard(PLAYGROUND_ACCOUNT, TEST_CARDS[card])
  let opened:
    | {
        database: Database
        listener: ReturnType<typeof toNodeListener>
        saveCard(card: TestCard): Promise<void>
        webhook: ReturnType<typeof toNodeListener> | null
      }
    | undefined

  function open() {
    if (opened) return opened
    const database = 'dataDir' in store ? pglite(store.dataDir) : postgres(store.databaseUrl)
    let payments: PaymentProvider = fake
    let stripePayments: StripePayments | null = null
    let stripe: Stripe | null = null
    if (stripeMode) {
      const base = stripeMode.apiBase ? new URL(stripeMode.apiBase) : null
      stripe = new Stripe(stripeMode.secretKey, {
        telemetry: false,
        ...(base && {
          host: base.hostname,
          port: Number(base.port) || undefined,
          protocol: base.protocol === 'http:' ? 'http' : 'https',
        }),
      })
      stripePayments = createStripePayments({
        stripe,
        database,
        ...(stripeMode.webhookSecret && { webhookSecret: stripeMode.webhookSecret }),
      })
      payments = stripePayments
    }
    const billing: BillingServer = createBillingServer({
      database,
      payments,
      basePath: PROXY_PATH,
      authenticate: (request) =>
        session.has(request.headers.get('cookie')) ? PLAYGROUND_ACCOUNT : null,
      newAccountCredit: '5',
      lowBalanceThreshold: 10,
      // The same illustrative prices as the mock's calculator: quotes agree with the widgets.
      pricing: illustrativePricing(),
    })
    const saveCard = async (next: TestCard) => {
      if (!stripePayments || !stripe) {
        fake.setCard(PLAYGROUND_ACCOUNT, TEST_CARDS[next])
        return
      }
      // What a billing page does with Stripe.js, with a test PaymentMethod instead of a form.
      const { setupIntentId } = await stripePayments.setupCard(PLAYGROUND_ACCOUNT)
      await stripe.setupIntents.confirm(setupIntentId, {
        payment_method: STRIPE_TEST_PAYMENT_METHODS[next],
      })
      await stripePayments.completeSetup(PLAYGROUND_ACCOUNT, setupIntentId)
    }
    const webhook =
      stripePayments && stripeMode?.webhookSecret ? toNodeListener(stripePayments.webhook) : null
    opened = { database, listener: toNodeListener(billing), saveCard, webhook }
    return opened
  }

  /**
   * The test bank's answer to a 3-D Secure check, as the cardholder gives it on their bank's
   * page: the fake provider's payment waiting under `clientSecret` succeeds or fails. With
   * Stripe, Stripe.js shows the bank's page instead, so there is nothing to answer here.
   */
  const authenticate = (body: Record<string, unknown> | null): [number, unknown] => {
    if (stripeMode) {
      return [409, { code: 'CONFLICT', message: 'With Stripe, Stripe.js asks the bank.' }]
    }
    const { clientSecret, result } = body ?? {}
    if (typeof clientSecret !== 'string' || (result !== 'succeed' && result !== 'fail')) {
      return [
        422,
        { code: 'VALIDATION_ERROR', message: 'Send { clientSecret, result: "succeed" | "fail" }.' },
      ]
    }
    const outcome = fake.authenticate(PLAYGROUND_ACCOUNT, clientSecret, result)
    if (!outcome) {
      return [404, { code: 'NOT_FOUND', message: 'No payment waits for this check.' }]
    }
    return [200, { status: outcome.status }]
  }

  return {
    name: 'payg-billing-server',
    apply: 'serve',
    configureServer(server) {
      // Opened once the dev server listens (after a restart, once the old one closed the data),
      // so the page's first billing request does not wait for the database to start.
      server.httpServer?.once('listening', () => {
        const { database, saveCard } = open()
        migrate(database)
          // With Stripe, the account's customer gets the picked test card saved at start.
          .then(() => (stripeMode ? saveCard(card) : undefined))
          .catch((error: unknown) => {
            server.config.logger.error(`[playground] The billing database did not open: ${error}`)
          })
      })
      server.middlewares.use((req, res, next) => {
        if (isUnder(req.url, `${PROXY_PATH}/billing`)) {
          void open().listener(req, res)
          return
        }
        if (isUnder(req.url, STRIPE_WEBHOOK_PATH)) {
          // Stripe calls this, not the page: the signature is its credential, not the cookie.
          const { webhook } = open()
          if (webhook) void webhook(req, res)
          else {
            res.statusCode = 404
            res.end()
          }
          return
        }
        if (isUnder(req.url, `${PROXY_PATH}/playground`)) {
          res.setHeader('content-type', 'application/json')
          res.setHeader('cache-control', 'no-store')
          const reply = (status: number, body: unknown) => {
            res.statusCode = status
            res.end(JSON.stringify(body))
          }
          if (!session.has(req.headers.cookie ?? null)) {
            reply(401, { code: 'UNAUTHORIZED', message: 'Reload the page.' })
            return
          }
          const route = isUnder(req.url, TEST_CARD_PATH)
            ? 'card'
            : isUnder(req.url, TEST_BANK_PATH)
              ? 'bank'
              : null
          if (route === null) {
            reply(404, { code: 'NOT_FOUND', message: 'No such playground route.' })
            return
          }
          if (route === 'card' && req.method === 'GET') {
            reply(200, { card })
            return
          }
          const method = route === 'card' ? 'PUT' : 'POST'
          if (
            req.method !== method ||
            !req.headers['content-type']?.startsWith('application/json')
          ) {
            res.setHeader('allow', route === 'card' ? 'GET, PUT' : 'POST')
            reply(405, {
              code: 'BAD_REQUEST',
              message:
                route === 'card' ? 'PUT a JSON { card }.' : 'POST a JSON { clientSecret, result }.',
            })
            return
          }
          void readJson(req).then((body) => {
            if (route === 'bank') {
              reply(...authenticate(body))
              return
            }
            const next = body?.card
            if (!isTestCard(next)) {
              reply(422, { code: 'VALIDATION_ERROR', message: 'Unknown test card.' })
              return
            }
            open()
              .saveCard(next)
              .then(() => {
                card = next
                reply(200, { card })
              })
              .catch((error: unknown) => {
                server.config.logger.error(`[playground] The test card was not saved: ${error}`)
                reply(502, { code: 'SERVICE_UNAVAILABLE', message: 'Try again.' })
              })
          })
          return
        }
        session.grant(req, res)
        next()
      })
    },
    async closeServer() {
      const closing = opened
      opened = undefined
      await closing?.database.close()
    },
  }
}

/** A request's JSON object body (at most 1 KiB), or null when it is not one. */
function readJson(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  return new Promise((resolve) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => {
      body += chunk
      if (body.length > 1024) {
        req.destroy()
        resolve(null)
      }
    })
    req.on('end', () => {
      try {
        const value: unknown = JSON.parse(body)
        resolve(
          typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null,
        )
      } catch {
        resolve(null)
      }
    })
  })
}
