import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'msw',
    // A slow or busy machine gets time to finish; assertions decide pass or fail, not the clock.
    testTimeout: 30_000,
    environment: 'node',
    include: ['src/**/*.test.ts'],
    typecheck: { enabled: true, include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
})
