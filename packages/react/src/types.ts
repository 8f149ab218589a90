import type { AccountState, Money } from '@payg-kit/core'

/**
 * Strings a host app overrides by key (the UI package defines the keys it reads). Values are
 * plain strings; formatting placeholders, if any, are the reading component's business.
 */
export type PaygMessages = Readonly<Record<string, string>>

/** One problem with a pricing request found before it is sent; the same shape as the API's `FieldError`. */
export interface PricingProblem {
  /** Dotted path, e.g. `serviceParams.IMAGE_GENERATION.numImages`. */
  field: string
  message: string
  /** `REQUIRED`, `OUT_OF_RANGE`, `NOT_MULTIPLE_OF`, `INVALID_TYPE`, `INVALID_VALUE` or `TOO_LARGE`. */
  code: string
}

/** Why the account was paused, as the last refusal (HTTP 402) reported it. */
export interface PaygPause {
  /** When the refusal arrived (ms since the epoch). */
  pausedAt: number
  /** The balance the server reported with the refusal, when it did. */
  balance: Money | null
  /** What the refused request needed, when the server said. */
  required: Money | null
}

/** The account state every hook and widget can read. */
export interface PaygStatus {
  /** The account state as far as the kit knows: the server's, or PAUSED after a refusal. */
  state: AccountState | undefined
  isPaused: boolean
  isLow: boolean
  /** The last refusal, until credit is added. */
  pause: PaygPause | null
}
