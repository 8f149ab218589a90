import type { AccountSetup } from './ledger'

/** The names of the mock's scenarios, for Storybook controls and `createPaygMock({ scenario })`. */
export const SCENARIO_NAMES = [
  'newAccount',
  'healthy',
  'lowBalance',
  'zeroBalance',
  'autoTopUpOn',
  'paymentDeclined',
  'noPaymentMethod',
  'legacySubscription',
  'customDiscounts',
  'rateLimited',
  'flaky',
] as const

/** A scenario name. */
export type ScenarioName = (typeof SCENARIO_NAMES)[number]

/** How the mock's network behaves, apart from the account. */
export interface TransportSetup {
  /** Answer the first `requests` requests with 429 and `Retry-After: retryAfterSeconds`. */
  rateLimit?: { requests: number; retryAfterSeconds?: number }
  /** Probability (seeded) of a 500/503 before anything is committed. */
  errorRate?: number
  /** Latency in ms, fixed or a seeded range. */
  latency?: number | readonly [min: number, max: number]
}

/** A scenario: a documented preset of the ledger, plus network behaviour. */
export interface Scenario {
  /** What the scenario shows, in one sentence. */
  description: string
  account: AccountSetup
  transport?: TransportSetup
}

const healthy: AccountSetup = {
  createdDaysAgo: 60,
  topUps: [{ amount: 100, daysAgo: 45 }],
  usageDays: 30,
  lowBalanceThreshold: 10,
}

/**
 * The scenarios. Balances come from a seeded usage history priced with the illustrative table,
 * so they are stable for a given seed; where a scenario states an exact balance it is exact.
 */
export const scenarios: Readonly<Record<ScenarioName, Scenario>> = {
  newAccount: {
    description:
      'A new PAYG account: $5 of free credit (one FREE_CREDIT entry), a saved card, no usage.',
    account: { createdDaysAgo: 0 },
  },
  healthy: {
    description:
      'A PAYG account with about $100 after a $100 top-up and 30 days of usage; low-balance level $10; state OK.',
    account: healthy,
  },
  lowBalance: {
    description: 'A PAYG account at exactly $2.4567, below its $10 low-balance level: state LOW.',
    account: {
      createdDaysAgo: 20,
      usageDays: 14,
      balance: '2.4567',
      lowBalanceThreshold: 10,
    },
  },
  zeroBalance: {
    description:
      'The free credit is used up: balance exactly $0, state PAUSED, requests refused with 402 until a top-up.',
    account: { createdDaysAgo: 40, usageDays: 30, usagePerDay: [6, 14], balance: '0' },
  },
  autoTopUpOn: {
    description:
      'Auto top-up on (add $50 below $10, cap $500 a month): one automatic $50 top-up last month and one this month, whatever day it is.',
    account: {
      createdDaysAgo: 75,
      topUps: [
        { amount: 20, daysAgo: 70 },
        { amount: 50, monthsAgo: 1, kind: 'AUTOMATIC' },
        { amount: 50, monthsAgo: 0, kind: 'AUTOMATIC' },
      ],
      usageDays: 30,
      usagePerDay: [20, 40],
      autoTopUp: { enabled: true, threshold: 10, amount: 50, monthlyCap: 500 },
    },
  },
  paymentDeclined: {
    description:
      'The saved card declines: top-ups answer 402 PAYMENT_DECLINED; auto top-up was turned off after 3 declines; balance $4.20 (LOW).',
    account: {
      createdDaysAgo: 60,
      topUps: [
        { amount: 50, daysAgo: 40 },
        { amount: 50, daysAgo: 3, kind: 'AUTOMATIC', status: 'DECLINED' },
        { amount: 50, daysAgo: 2, kind: 'AUTOMATIC', status: 'DECLINED' },
        { amount: 50, daysAgo: 1, kind: 'AUTOMATIC', status: 'DECLINED' },
      ],
      usageDays: 30,
      usagePerDay: [30, 50],
      balance: '4.2',
      lowBalanceThreshold: 10,
      cardDeclines: true,
      autoTopUp: { enabled: false, threshold: 10, amount: 50, disabledReason: 'PAYMENT_DECLINED' },
    },
  },
  noPaymentMethod: {
    description:
      'A new PAYG account with $5 of free credit and no saved card: top-ups answer 402 NO_PAYMENT_METHOD.',
    account: { createdDaysAgo: 0, paymentMethod: null },
  },
  legacySubscription: {
    description:
      'A legacy "API Standard" plan ($49/month, 25,000 credits, renewed a few days ago) with 24,000 credits left and 30 days of usage charged in CREDITS (in its transactions and usage); migrating converts them at $0.0012 each.',
    account: {
      billingModel: 'SUBSCRIPTION',
      createdDaysAgo: 400,
      usageDays: 30,
      usagePerDay: [4, 10],
      plan: {
        name: 'API Standard',
        monthlyPrice: '49',
        creditsPerMonth: 25_000,
        creditsRemaining: 24_000,
        // 1 to 4 days into its period, whatever the month: what it used since fits 1,000 credits.
        renewsInDays: 27,
      },
    },
  },
  customDiscounts: {
    description:
      'A custom-deal PAYG account with per-model discounts (PHOENIX 20%, FLUX_DEV 15%): prices shown beside list prices.',
    account: {
      createdDaysAgo: 90,
      topUps: [{ amount: 250, daysAgo: 20 }],
      usageDays: 14,
      lowBalanceThreshold: 25,
      customPricing: true,
      discounts: { PHOENIX: 20, FLUX_DEV: 15 },
    },
  },
  rateLimited: {
    description:
      'The healthy account behind a rate limit: the first 3 requests answer 429 with Retry-After: 1, then requests pass.',
    account: healthy,
    transport: { rateLimit: { requests: 3, retryAfterSeconds: 1 } },
  },
  flaky: {
    description:
      'The healthy account on a flaky network: 50-400 ms latency and a seeded 25% of requests fail with 500/503 before anything is charged.',
    account: healthy,
    transport: { errorRate: 0.25, latency: [50, 400] },
  },
}
