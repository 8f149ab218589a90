import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'example-hono',
    environment: 'node',
    include: ['src/**/*.test.ts'],
    // PGlite compiles its WebAssembly on start: slow on a busy machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
