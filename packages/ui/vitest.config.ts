import react from '@vitejs/plugin-react'
import { defineProject } from 'vitest/config'
import { chromiumBrowser } from '../../vitest.browser.ts'
import { testNow } from '../../vitest.clock.ts'

// Component tests run in Debian's Chromium; the msw worker script is served from .storybook/public.
export default defineProject({
  plugins: [react()],
  publicDir: '../../.storybook/public',
  test: {
    name: 'ui',
    // Every date-dependent test pins its clock to this instant (test/clock.ts).
    provide: { testNow },
    // A slow or busy machine gets time to finish; assertions decide pass or fail, not the clock.
    testTimeout: 30_000,
    include: ['src/**/*.test.tsx'],
    setupFiles: ['./src/test/failOnConsole.ts'],
    browser: chromiumBrowser,
    // `expect.element` waits up to 5 s, not 1 s, so a busy machine does not fail it.
    expect: { poll: { timeout: 5000 } },
  },
})
