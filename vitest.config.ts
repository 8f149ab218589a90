import { fileURLToPath } from 'node:url'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import { playwright } from '@vitest/browser-playwright'
import type { Plugin } from 'vite'
import { defineConfig } from 'vitest/config'
import { chromiumBrowser, chromiumLaunchOptions } from './vitest.browser.ts'
import { testNow } from './vitest.clock.ts'

/**
 * Counts the widgets' lazy chunks while they load (`lazy(() => import(…))` in packages/ui/src),
 * so a story is captured only once they are in (see .storybook/vitest.setup.ts).
 */
const trackLazyChunks: Plugin = {
  name: 'payg:track-lazy-chunks',
  enforce: 'pre',
  transform(code, id) {
    if (!id.includes('/packages/ui/src/') || !code.includes('lazy(')) return
    return code.replace(
      /lazy\(\(\) => import\(([^()]+)\)\)/g,
      'lazy(() => (globalThis.__paygTrackImport ?? ((chunk) => chunk))(import($1)))',
    )
  },
}

/** Whether the storybook project compares the stories' screenshots with their baselines. */
const compareScreenshots = !process.env.PAYG_TEST_NOW

/** The browser page the stories render in, as big as the tallest story's screenshot. */
const SCREENSHOT_PAGE = { width: 1280, height: 8000 }

// One run over every package (each package's vitest.config.ts names its environment) and example,
// plus every Storybook story run as a test in Chromium, where an a11y violation fails and its
// screenshots, light and dark, narrow and wide, must match the committed baselines.
export default defineConfig({
  test: {
    projects: [
      'packages/*',
      // The examples that have tests (examples/hono).
      'examples/*/vitest.config.ts',
      {
        plugins: [
          storybookTest({ configDir: fileURLToPath(new URL('./.storybook', import.meta.url)) }),
          trackLazyChunks,
        ],
        test: {
          name: 'storybook',
          // Screenshots are compared in every run at the default pinned clock (`pnpm test`,
          // `pnpm test:screenshots` for the stories alone); not in the date reruns
          // (scripts/test-dates.mjs), which show other dates.
          provide: {
            testNow,
            screenshots: compareScreenshots,
            screenshotPageHeight: SCREENSHOT_PAGE.height,
          },
          testTimeout: 30_000,
          browser: {
            ...chromiumBrowser,
            // A page big enough for the tallest story at full size (TransactionHistory's Load More
            // is about 5,700 px tall at 360 px): a story's frame that did not fit would be scaled
            // down to fit, and its screenshots with it, so a taller story fails instead.
            provider: playwright({
              launchOptions: chromiumLaunchOptions,
              // The baselines' time zone and language whatever the machine's (the date reruns
              // keep the time zone they set).
              contextOptions: {
                viewport: SCREENSHOT_PAGE,
                ...(compareScreenshots ? { timezoneId: 'UTC', locale: 'en-US' } : {}),
              },
            }),
            // Every story's screenshots (see .storybook/vitest.setup.ts), one folder per stories
            // file. A pixel may differ a little in colour (anti-aliasing), and at most 0.5% of
            // pixels may differ at all.
            expect: {
              toMatchScreenshot: {
                comparatorName: 'pixelmatch',
                comparatorOptions: { threshold: 0.2, allowedMismatchedPixelRatio: 0.005 },
                resolveScreenshotPath: ({ root, testFileName, arg, ext }) =>
                  `${root}/.storybook/screenshots/${testFileName.replace(/\.stories\.tsx?$/, '')}/${arg}${ext}`,
              },
            },
          },
          setupFiles: ['./.storybook/vitest.setup.ts'],
        },
      },
    ],
  },
})
