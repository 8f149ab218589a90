import { PROXY_PATH } from './proxyPath'

/** The fake payment provider's test cards the playground can save, as `TEST_CARDS` names them. */
export const TEST_CARD_NAMES = [
  'visa',
  'declined',
  'insufficientFunds',
  'authenticationRequired',
] as const

/** One of `TEST_CARD_NAMES`, named as in `TEST_CARDS` of `@payg-kit/server`. */
export type TestCard = (typeof TEST_CARD_NAMES)[number]

/** The last four digits of each test card, as the API reports them (`TEST_CARDS`' numbers). */
export const TEST_CARD_DIGITS: Record<TestCard, string> = {
  visa: '4242',
  declined: '0002',
  insufficientFunds: '9995',
  authenticationRequired: '3184',
}

/** Whether a value names one of the test cards. */
export function isTestCard(value: unknown): value is TestCard {
  return TEST_CARD_NAMES.includes(value as TestCard)
}

/** The dev server's route (server mode only) that reads (GET) and switches (PUT) the saved card. */
export const TEST_CARD_PATH = `${PROXY_PATH}/playground/test-card`

/**
 * The dev server's route (server mode, fake provider only) where the test bank answers a 3-D
 * Secure check: POST `{ clientSecret, result: 'succeed' | 'fail' }`.
 */
export const TEST_BANK_PATH = `${PROXY_PATH}/playground/authenticate`
