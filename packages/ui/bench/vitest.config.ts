import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'
import { chromiumBrowser } from '../../../vitest.browser.ts'
import { testNow } from '../../../vitest.clock.ts'

// `pnpm bench:chart`: SpendChart's render time and DOM size in Debian's Chromium, with React's
// production build (what users run). Not part of `pnpm test`: it prints figures, it asserts none.
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
    testTimeout: 300_000,
    browser: chromiumBrowser,
  },
})
