import { serve } from '@hono/node-server'
import { createFakePayments, pglite, postgres, TEST_CARDS } from '@payg-kit/server'
import { createApp } from './app'
import { signSession } from './session'

// PGlite in a folder by default; DATABASE_URL for PostgreSQL.
const database = process.env.DATABASE_URL
  ? postgres(process.env.DATABASE_URL)
  : pglite(process.env.PAYG_DATA_DIR ?? '.payg-data')
// The fake provider: swap in your PaymentProvider (a Stripe adapter) for real payments.
const payments = createFakePayments()
payments.setCard('acct_demo', TEST_CARDS.visa)
const sessionSecret = process.env.SESSION_SECRET ?? 'change-me'
const { app } = createApp({ database, payments, sessionSecret })

const port = Number(process.env.PORT ?? 3000)
const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) => {
  const cookie = `session=${signSession('acct_demo', sessionSecret)}`
  console.log(`Billing on http://127.0.0.1:${info.port}/api/billing/balance`)
  console.log(`Try: curl -H 'cookie: ${cookie}' http://127.0.0.1:${info.port}/api/billing/balance`)
})

process.once('SIGINT', () => {
  server.close(() => void database.close())
})
