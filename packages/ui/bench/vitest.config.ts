import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'
import { chromiumBrowser } from '../../../vitest.browser.ts'

// The widgets benchmark (`pnpm bench:widgets`): runs in Debian's Chromium like the component
// tests, prints figures and asserts none.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  plugins: [react()],
  test: {
    name: 'bench-widgets',
    include: ['bench/**/*.bench.tsx'],
    testTimeout: 600_000,
    browser: { ...chromiumBrowser, viewport: { width: 1280, height: 900 } },
  },
})
