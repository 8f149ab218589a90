import { defineProject } from 'vitest/config'
import { testNow } from '../../vitest.clock.ts'

export default defineProject({
  test: {
    name: 'conformance',
    // Both backends' clocks are pinned to this instant (test/clock.ts).
    provide: { testNow },
    testTimeout: 30_000,
    // Starting the embedded PostgreSQL (beforeAll) can take long on a loaded machine.
    hookTimeout: 180_000,
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
})
