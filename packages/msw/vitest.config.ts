import { defineProject } from 'vitest/config'
import { testNow } from '../../vitest.clock.ts'

export default defineProject({
  test: {
    name: 'msw',
    // Every date-dependent test pins its clock to this instant (test/clock.ts).
    provide: { testNow },
    // A slow or busy machine gets time to finish; assertions decide pass or fail, not the clock.
    testTimeout: 30_000,
    environment: 'node',
    include: ['src/**/*.test.ts'],
    typecheck: { enabled: true, include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
})
