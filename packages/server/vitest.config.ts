import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'server',
    // A slow or busy machine gets time to finish; assertions decide pass or fail, not the clock.
    // Starting PGlite (initdb in WebAssembly) takes tens of seconds on a loaded machine.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    environment: 'node',
    include: ['src/**/*.test.ts'],
    // Starts a throwaway PostgreSQL cluster on loopback (or uses PAYG_TEST_DATABASE_URL).
    globalSetup: ['./test/postgres.ts'],
  },
})
