import {
  type BillingServer,
  createBillingServer,
  createFakePayments,
  pglite,
  postgres,
  TEST_CARDS,
} from '@payg-kit/server'
import { sessionAccount } from './session'

function createBilling(): BillingServer {
  const payments = createFakePayments() // your PaymentProvider (a Stripe adapter) in production
  payments.setCard('acct_demo', TEST_CARDS.visa)
  return createBillingServer({
    // PostgreSQL when DATABASE_URL is set; PGlite in a folder otherwise.
    database: process.env.DATABASE_URL
      ? postgres(process.env.DATABASE_URL)
      : pglite(process.env.PAYG_DATA_DIR ?? '.payg-data'),
    payments,
    basePath: '/api', // the route below serves /api/billing/...
    authenticate: (request) =>
      sessionAccount(request.headers.get('cookie'), process.env.SESSION_SECRET ?? 'change-me'),
    newAccountCredit: '5',
    lowBalanceThreshold: 10,
  })
}

// One billing server per process: `next dev` re-evaluates modules on every change, and a second
// PGlite on the same folder must not be opened.
const cache = globalThis as { paygBilling?: BillingServer }

/** The app's billing server; `billing.ledger.charge(...)` from your job endpoints. */
export const billing: BillingServer = cache.paygBilling ?? createBilling()
cache.paygBilling = billing
