import { defineProject } from 'vitest/config'
import { testNow } from '../../vitest.clock.ts'

export default defineProject({
  test: {
    name: 'react',
    // Every date-dependent test pins its clock to this instant (test/clock.ts).
    provide: { testNow },
    // A slow or busy machine gets time to finish; assertions decide pass or fail, not the clock.
    testTimeout: 30_000,
    environment: 'jsdom',
    include: ['src/**/*.test.tsx', 'src/**/*.test.ts'],
    setupFiles: ['./src/test/setup.ts'],
    // The React version test checks that this leg really runs React 19.
    env: { PAYG_EXPECTED_REACT_MAJOR: '19' },
    typecheck: { enabled: true, include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
})
