import { defineProject } from 'vitest/config'
import { testNow } from '../../vitest.clock.ts'

// The playground is tested as a person uses it: built (or served by Vite's dev server in live
// mode), opened in Debian's Chromium by Playwright, and read through roles and text.
export default defineProject({
  test: {
    name: 'playground',
    // Every date-dependent test pins its clock to this instant (test/clock.ts).
    provide: { testNow },
    environment: 'node',
    include: ['src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
