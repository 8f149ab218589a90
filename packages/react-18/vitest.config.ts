import { fileURLToPath } from 'node:url'
import { defineProject } from 'vitest/config'
import { testNow } from '../../vitest.clock.ts'

// Runs @payg-kit/react's own test files against React 18: every React-facing import, in the
// tests and in the package's source, resolves to the copies installed here (which pnpm
// resolved with React 18 peers).
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))
const installed = (name: string) => here(`./node_modules/${name}`)

const exact = (name: string, target = installed(name)) => ({
  find: new RegExp(`^${name.replace(/[/.]/g, '\\$&')}$`),
  replacement: target,
})

export default defineProject({
  // The tests live in ../react. `test.root` is what the root config's `projects` honours,
  // `root` what a run from this folder does.
  root: here('../react'),
  resolve: {
    alias: [
      exact('react'),
      exact('react/jsx-runtime', installed('react/jsx-runtime.js')),
      exact('react/jsx-dev-runtime', installed('react/jsx-dev-runtime.js')),
      exact('react-dom'),
      exact('react-dom/client', installed('react-dom/client.js')),
      exact('react-dom/server', installed('react-dom/server.node.js')),
      exact('@tanstack/react-query'),
      exact('@testing-library/react'),
    ],
  },
  test: {
    name: 'react-18',
    // Every date-dependent test pins its clock to this instant (test/clock.ts).
    provide: { testNow },
    // A slow or busy machine gets time to finish; assertions decide pass or fail, not the clock.
    testTimeout: 30_000,
    root: here('../react'),
    environment: 'jsdom',
    include: ['src/**/*.test.tsx'],
    setupFiles: ['./src/test/setup.ts'],
    env: { PAYG_EXPECTED_REACT_MAJOR: '18' },
  },
})
