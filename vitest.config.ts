import { fileURLToPath } from 'node:url'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import { defineConfig } from 'vitest/config'
import { chromiumBrowser } from './vitest.browser.ts'
import { testNow } from './vitest.clock.ts'

// One run over every package (each package's vitest.config.ts names its environment),
// plus every Storybook story run as a test in Chromium, where an a11y violation fails.
export default defineConfig({
  test: {
    projects: [
      'packages/*',
      {
        plugins: [
          storybookTest({ configDir: fileURLToPath(new URL('./.storybook', import.meta.url)) }),
        ],
        test: {
          name: 'storybook',
          provide: { testNow },
          testTimeout: 30_000,
          browser: chromiumBrowser,
          setupFiles: ['./.storybook/vitest.setup.ts'],
        },
      },
    ],
  },
})
