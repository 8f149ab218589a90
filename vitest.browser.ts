import { playwright } from '@vitest/browser-playwright'
import chromiumArgs from './chromium-args.json' with { type: 'json' }

/**
 * How every browser check launches Debian's Chromium (never a downloaded browser), quiet on a
 * closed network. `CHROMIUM_PATH` overrides where it lives.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  // One list for every browser check, the consumer check's script included (a JSON file, so a
  // plain .mjs script on Node 20 reads it too).
  args: chromiumArgs,
}

/** Vitest browser mode in that Chromium. */
export const chromiumBrowser = {
  enabled: true,
  headless: true,
  screenshotFailures: false,
  provider: playwright({ launchOptions: chromiumLaunchOptions }),
  instances: [{ browser: 'chromium' as const }],
}
