import { defineProject } from 'vitest/config'
import { testNow } from '../../vitest.clock.ts'

// The embed script is tested as a page uses it: built, served over loopback HTTP next to the
// real proxy (in front of the mock), and driven in Debian's Chromium by Playwright.
export default defineProject({
  test: {
    name: 'embed',
    // Every date-dependent test pins its clock to this instant (test/clock.ts).
    provide: { testNow },
    environment: 'node',
    include: ['src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
