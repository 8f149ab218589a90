import type { TEST_CARDS } from '@payg-kit/server'
import { PROXY_PATH } from './proxyPath'

/** One of the fake payment provider's test cards, as `TEST_CARDS` of `@payg-kit/server` names it. */
export type TestCard = keyof typeof TEST_CARDS

/** The dev server's route (server mode only) that reads (GET) and switches (PUT) the saved card. */
export const TEST_CARD_PATH = `${PROXY_PATH}/playground/test-card`

/**
 * The dev server's route (server mode, fake provider only) where the test bank answers a 3-D
 * Secure check: POST `{ clientSecret, result: 'succeed' | 'fail' }`.
 */
export const TEST_BANK_PATH = `${PROXY_PATH}/playground/authenticate`
