import { relative } from 'node:path'
import { toNodeListener } from '@payg-kit/core/proxy'
import {
  type BillingServer,
  createBillingServer,
  createFakePayments,
  type Database,
  illustrativePricing,
  migrate,
  pglite,
  postgres,
  TEST_CARDS,
} from '@payg-kit/server'
import type { Plugin } from 'vite'
import { PROXY_PATH } from '../src/proxyPath'
import { isTestCard, TEST_CARD_PATH, type TestCard } from '../src/testCards'
import { createPlaygroundSession, isUnder } from './session'

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
 * per-process session cookie as the proxy). `/api/payg/playground/test-card` switches the card.
 * The database is opened when the dev server listens (or on the first request) and closed with
 * it, so a restart of the dev server reopens the same data.
 */
export function billingServerPlugin(store: BillingStore): Plugin {
  const session = createPlaygroundSession()
  const payments = createFakePayments()
  let card: TestCard = 'visa'
  payments.setCard(PLAYGROUND_ACCOUNT, TEST_CARDS[card])
  let opened: { database: Database; listener: ReturnType<typeof toNodeListener> } | undefined

  function open() {
    if (opened) return opened
    const database = 'dataDir' in store ? pglite(store.dataDir) : postgres(store.databaseUrl)
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
    opened = { database, listener: toNodeListener(billing) }
    return opened
  }

  return {
    name: 'payg-billing-server',
    apply: 'serve',
    configureServer(server) {
      // Opened once the dev server listens (after a restart, once the old one closed the data),
      // so the page's first billing request does not wait for the database to start.
      server.httpServer?.once('listening', () => {
        migrate(open().database).catch((error: unknown) => {
          server.config.logger.error(`[playground] The billing database did not open: ${error}`)
        })
      })
      server.middlewares.use((req, res, next) => {
        if (isUnder(req.url, `${PROXY_PATH}/billing`)) {
          void open().listener(req, res)
          return
        }
        if (isUnder(req.url, TEST_CARD_PATH)) {
          res.setHeader('content-type', 'application/json')
          res.setHeader('cache-control', 'no-store')
          if (!session.has(req.headers.cookie ?? null)) {
            res.statusCode = 401
            res.end(JSON.stringify({ code: 'UNAUTHORIZED', message: 'Reload the page.' }))
            return
          }
          if (req.method === 'GET') {
            res.end(JSON.stringify({ card }))
            return
          }
          if (
            req.method !== 'PUT' ||
            !req.headers['content-type']?.startsWith('application/json')
          ) {
            res.statusCode = 405
            res.end(JSON.stringify({ code: 'BAD_REQUEST', message: 'PUT a JSON { card }.' }))
            return
          }
          let body = ''
          req.setEncoding('utf8')
          req.on('data', (chunk: string) => {
            body += chunk
            if (body.length > 1024) req.destroy()
          })
          req.on('end', () => {
            let next: unknown
            try {
              next = (JSON.parse(body) as { card?: unknown }).card
            } catch {
              next = undefined
            }
            if (!isTestCard(next)) {
              res.statusCode = 422
              res.end(JSON.stringify({ code: 'VALIDATION_ERROR', message: 'Unknown test card.' }))
              return
            }
            card = next
            payments.setCard(PLAYGROUND_ACCOUNT, TEST_CARDS[card])
            res.end(JSON.stringify({ card }))
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
