import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'
import { chromiumBrowser } from '../../../vitest.browser.ts'
import { testNow } from '../../../vitest.clock.ts'

// The widget benchmarks, in Debian's Chromium with React's production build (what users run):
// `pnpm bench:chart` (SpendChart) and `pnpm bench:widgets` (TransactionHistory). Not part of
// `pnpm test`: they print figures and assert none.
const production = JSON.stringify('production')
export default defineConfig({
  plugins: [react()],
  root: fileURLToPath(new URL('..', import.meta.url)),
  publicDir: '../../.storybook/public',
  mode: 'production',
  define: { 'process.env.NODE_ENV': production },
  test: {
    name: 'ui-bench',
    provide: { testNow },
    include: ['bench/**/*.bench.tsx'],
    testTimeout: 600_000,
    browser: { ...chromiumBrowser, viewport: { width: 1280, height: 900 } },
  },
})
