import { defineProject } from 'vitest/config'
import { testNow } from '../../vitest.clock.ts'

export default defineProject({
  test: {
    name: 'contract',
    // The mock's clock is pinned to this instant (test/clock.ts).
    provide: { testNow },
    testTimeout: 30_000,
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
})
