import type { PaygMock } from '@payg-kit/msw'
import type { TEST_CARDS } from '@payg-kit/server'

declare global {
  /** True when the dev server runs with LEONARDO_API_KEY and proxies the real API (vite.config.ts). */
  const __PAYG_LIVE__: boolean
  /**
   * In server mode (`pnpm dev`), what stores the billing server's data, e.g. "PGlite in
   * packages/playground/.payg-data"; null when billing is on the mock or live (vite.config.ts).
   */
  const __PAYG_BILLING_SERVER__: string | null
  /** Whether the page's test bank answers 3-D Secure checks: the mock or the fake provider. */
  const __PAYG_TEST_BANK__: boolean
  /** The fake payment provider's test cards by name, `TEST_CARDS` of `@payg-kit/server`. */
  const __PAYG_TEST_CARDS__: typeof TEST_CARDS

  interface Window {
    /** The mock behind the page (mock mode only), to poke at from the console. */
    paygMock?: PaygMock
  }
}
