import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { TEST_CARDS } from '@payg-kit/server'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { type BillingStore, billingServerPlugin, describeStore } from './server/billingServerPlugin'
import { paygProxyPlugin } from './server/paygProxyPlugin'

const root = fileURLToPath(new URL('.', import.meta.url))

// Mock by default. `LEONARDO_API_KEY=... pnpm playground` serves the page live instead: the dev
// server proxies the Leonardo endpoints with the key, and the page only learns that it is live.
// `PAYG_UPSTREAM=leonardo-only pnpm playground` is live mode against Leonardo's paths on loopback.
// `pnpm dev` (`--mode server`) runs billing on the real @payg-kit/server in this process: PGlite
// in .payg-data (`PAYG_DATA_DIR` elsewhere, relative to this folder; `DATABASE_URL` for PostgreSQL);
// the rest stays on the mock.
// (A static build has no server to hold a key, so `vite build` is always the mock.)
// Loaded with `--configLoader runner`: the proxy is imported from the workspace's TypeScript
// source, which the default loader leaves to Node, and Node 20 cannot run .ts files.
export default defineConfig(({ command, mode }) => {
  const serve = command === 'serve'
  const upstream = process.env.PAYG_UPSTREAM || undefined
  // `PAYG_UPSTREAM=leonardo-only` is live mode against a stand-in for Leonardo on loopback: no key needed.
  const apiKey =
    process.env.LEONARDO_API_KEY?.trim() || (upstream === 'leonardo-only' ? 'loopback' : '')
  const store: BillingStore | null =
    serve && mode === 'server'
      ? process.env.DATABASE_URL
        ? { databaseUrl: process.env.DATABASE_URL }
        : { dataDir: resolve(root, process.env.PAYG_DATA_DIR || '.payg-data') }
      : null
  if (store && apiKey) {
    console.warn(
      '[playground] `pnpm dev` runs on the mock and the billing server; LEONARDO_API_KEY is used by `pnpm playground`.',
    )
  }
  // `STRIPE_SECRET_KEY=sk_test_... pnpm dev`: payments through Stripe's test mode, not the fake.
  const stripeKey = process.env.STRIPE_SECRET_KEY?.trim()
  const stripeMode =
    store && stripeKey
      ? {
          secretKey: stripeKey,
          webhookSecret: process.env.STRIPE_WEBHOOK_SECRET?.trim() || undefined,
          apiBase: process.env.STRIPE_API_BASE?.trim() || undefined,
        }
      : undefined
  const proxy = serve && apiKey && !store ? paygProxyPlugin({ apiKey, upstream }) : null
  return {
    plugins: [react(), proxy, store && billingServerPlugin(store, stripeMode)],
    define: {
      // The only thing the page learns about the key: whether there is one.
      __PAYG_LIVE__: JSON.stringify(proxy !== null),
      // And about the billing server: what stores its data (never a credential).
      __PAYG_BILLING_SERVER__: JSON.stringify(
        store &&
          `${describeStore(store, resolve(root, '../..'))}${stripeMode ? ', payments through Stripe test mode' : ''}`,
      ),
      // Whether the page's test bank can answer a 3-D Secure check: on the mock, or on the
      // server's fake provider; with Stripe, Stripe.js would show the bank's page.
      __PAYG_TEST_BANK__: JSON.stringify(proxy === null && !stripeMode),
      // The card form's test cards, as the server's fake provider knows them.
      __PAYG_TEST_CARDS__: JSON.stringify(TEST_CARDS),
    },
    // msw's worker script, served from where Storybook keeps it rather than copied.
    publicDir: '../../.storybook/public',
    build: { chunkSizeWarningLimit: 1500 },
  }
})
