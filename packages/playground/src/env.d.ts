import type { PaygMock } from '@payg-kit/msw'

declare global {
  /** True when the dev server runs with LEONARDO_API_KEY and proxies the real API (vite.config.ts). */
  const __PAYG_LIVE__: boolean

  interface Window {
    /** The mock behind the page (mock mode only), to poke at from the console. */
    paygMock?: PaygMock
  }
}
