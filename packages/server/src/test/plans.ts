import type { LegacyPlan } from '../plans'

/** A legacy monthly plan part-used in June 2026, renewing on 1 July: the tests' usual plan. */
export const STANDARD_PLAN: LegacyPlan = {
  name: 'API Standard',
  monthlyPrice: '49',
  creditsPerMonth: 25_000,
  creditsRemaining: 24_000,
  renewalDate: '2026-07-01T00:00:00.000Z',
}
