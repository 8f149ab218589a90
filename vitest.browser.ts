import { playwright } from '@vitest/browser-playwright'

/**
 * Vitest browser mode in Debian's Chromium (never a downloaded browser).
 * `CHROMIUM_PATH` overrides where it lives.
 */
export const chromiumBrowser = {
  enabled: true,
  headless: true,
  screenshotFailures: false,
  provider: playwright({
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    },
  }),
  instances: [{ browser: 'chromium' as const }],
}
