import { defineConfig } from 'vitest/config'

// One run over every package; each package's vitest.config.ts names its own environment.
export default defineConfig({
  test: {
    projects: ['packages/*'],
  },
})
