import { multiply, usd } from '../money'
import type { Money } from '../types'

/**
 * What one legacy plan credit is worth in dollars when a plan migrates to PAYG: $0.0012, the
 * rate at which the published 40-credit price of 4 Alchemy Lightning XL images at 1024x1024 is
 * the published PAYG price of $0.048.
 */
export const DOLLARS_PER_CREDIT = '0.0012'

/** The non-expiring dollar balance `creditsRemaining` plan credits become on migration. */
export function migrationCredit(creditsRemaining: number): Money<'USD'> {
  if (!Number.isSafeInteger(creditsRemaining) || creditsRemaining < 0) {
    throw new RangeError(
      `[payg-kit] Plan credits are a whole number of at least 0, not ${String(creditsRemaining)}.`,
    )
  }
  return multiply(usd(DOLLARS_PER_CREDIT), creditsRemaining)
}
