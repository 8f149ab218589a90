import { createBillingServer, type Database, type PaymentProvider } from '@payg-kit/server'
import { Hono } from 'hono'
import { sessionAccount } from './session'

/** Options of `createApp`. */
export interface AppOptions {
  database: Database
  payments: PaymentProvider
  /** The secret the session cookies are signed with. */
  sessionSecret: string
}

/**
 * A Hono app that serves the billing extension at `/api/billing/*` for the account of the
 * request's signed session cookie. Your own routes sit beside it; a job endpoint charges with
 * `billing.ledger.charge(...)`, which is never reachable over HTTP.
 */
export function createApp({ database, payments, sessionSecret }: AppOptions) {
  const billing = createBillingServer({
    database,
    payments,
    basePath: '/api',
    authenticate: (request) => sessionAccount(request.headers.get('cookie'), sessionSecret),
    newAccountCredit: '5',
    lowBalanceThreshold: 10,
  })
  const app = new Hono()
  app.all('/api/billing/*', (c) => billing(c.req.raw))
  app.get('/', (c) => c.text('payg-kit billing on Hono: see /api/billing/balance'))
  return { app, billing }
}
