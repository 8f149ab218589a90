import type { components } from '@payg-kit/core'

/** What a payment provider answers for one charge of a saved payment method. */
export type PaymentOutcome =
  | { status: 'SUCCEEDED'; paymentId: string; paymentMethodId: string | null }
  | {
      status: 'DECLINED'
      code: 'PAYMENT_DECLINED' | 'NO_PAYMENT_METHOD'
      /** The issuer's reason, e.g. `insufficient_funds`. */
      declineCode?: string
      paymentMethodId: string | null
    }
  | {
      /**
       * The issuer asks the cardholder to authenticate (3-D Secure): nothing is charged yet. The
       * payment succeeds only if the cardholder completes it on-session with `clientSecret`
       * (Stripe.js `confirmCardPayment`); a later charge or lookup with the same key then answers
       * `SUCCEEDED`. Never credit this outcome.
       */
      status: 'REQUIRES_ACTION'
      /** What a browser needs to complete the authentication. */
      clientSecret: string
      paymentMethodId: string | null
    }

/** What a provider reports from its own events (a verified webhook), for the server to act on. */
export type PaymentEvent =
  | {
      /** A payment's outcome became known or changed, e.g. after an authentication. */
      type: 'PAYMENT_SUCCEEDED' | 'PAYMENT_FAILED'
      accountId: string
      /** The key the payment was charged with (`PaymentProvider.charge`). */
      idempotencyKey: string
      outcome: PaymentOutcome
    }
  | { type: 'CARD_SAVED'; accountId: string; paymentMethodId: string }
  /**
   * The card the account was charged with was removed (with Stripe: detached from its customer);
   * `billing.handlePaymentEvent` turns auto top-up off. A redelivery may report it again.
   */
  | { type: 'CARD_REMOVED'; accountId: string; paymentMethodId: string }

/** Takes payments from an account's saved payment method. */
export interface PaymentProvider {
  /**
   * Charges `amount` (a decimal string, in US dollars) off-session. The same `idempotencyKey`
   * must never charge twice: a repeat answers that payment's outcome as it is now (the first,
   * unless an authentication completed since). Throws when the outcome is unknown.
   */
  charge(payment: {
    accountId: string
    amount: string
    idempotencyKey: string
  }): Promise<PaymentOutcome>
  /**
   * What became of the payment charged with `idempotencyKey` for `accountId`, without charging:
   * its outcome as it is now, or null when no payment was made with that key. For a `charge`
   * that threw or whose process died. Throws when the provider cannot tell yet (unreachable, or
   * the payment is still processing): ask again later. A `charge` still in flight may create the
   * payment after a null answer; make sure none is before acting on null.
   */
  lookup(payment: { accountId: string; idempotencyKey: string }): Promise<PaymentOutcome | null>
  /** The account's saved card as the spec's `PaymentMethod`, or null when none is saved. */
  paymentMethod?(accountId: string): Promise<PaymentMethod | null>
}

/** A saved card, summarised (the spec's `PaymentMethod`). */
export type PaymentMethod = components['schemas']['PaymentMethod']

/** The expiry every test card of the fake provider is saved with. */
export const TEST_CARD_EXPIRY = { expMonth: 12, expYear: 2034 } as const

function cardBrand(cardNumber: string): string {
  if (/^4/.test(cardNumber)) return 'visa'
  if (/^(5[1-5]|2[2-7])/.test(cardNumber)) return 'mastercard'
  if (/^3[47]/.test(cardNumber)) return 'amex'
  return 'unknown'
}

/** The payment method id the fake provider gives a test card. */
function cardId(cardNumber: string): string {
  return `pm_card_${cardNumber.slice(-4)}`
}

/** The fake provider's test cards, by number (as Stripe's test cards behave). */
export const TEST_CARDS = {
  /** Always succeeds. */
  visa: '4242424242424242',
  /** Always declined (`generic_decline`). */
  declined: '4000000000000002',
  /** Declined for insufficient funds. */
  insufficientFunds: '4000000000009995',
  /**
   * Asks for 3-D Secure on every payment, saved or not (Stripe's `4000002760003184`): a charge
   * answers `REQUIRES_ACTION` until `completeAuthentication` settles it.
   */
  authenticationRequired: '4000002760003184',
} as const

/** One payment the fake provider took or refused. */
export interface FakePayment {
  accountId: string
  amount: string
  idempotencyKey: string
  outcome: PaymentOutcome
}

/** Options of `createFakePayments`. */
export interface FakePaymentsOptions {
  /**
   * Called as a provider's webhook would be, with `CARD_REMOVED` when `setCard` removes a saved
   * card (saving one needs no event). Wire it to the billing server, so that auto top-up turns
   * off: `onEvent: (event) => billing.handlePaymentEvent(event)`.
   */
  onEvent?(event: PaymentEvent): Promise<void> | void
}

/** A payment provider for tests and the embedded default: cards are set per account. */
export interface FakePayments extends PaymentProvider {
  /**
   * Saves a card for the account (`TEST_CARDS`), or removes it with null. The card changes at
   * once; the promise settles once `onEvent` has handled a removal (and rejects if it threw).
   */
  setCard(accountId: string, cardNumber: string | null): Promise<void>
  /** Every distinct payment attempted, in order (a repeated key is not a new payment). */
  readonly payments: readonly FakePayment[]
  /**
   * Ends the 3-D Secure step of the payment charged with `idempotencyKey`, as the cardholder
   * would: `'succeed'` takes the payment, `'fail'` declines it (`payment_intent_authentication_failure`).
   */
  completeAuthentication(idempotencyKey: string, result: 'succeed' | 'fail'): PaymentOutcome
  /**
   * `completeAuthentication` by the `clientSecret` the top-up's 402 carried, as the cardholder's
   * bank page (Stripe.js's `handleNextAction`) knows it: null when no payment of `accountId`
   * waits under that secret (answered already, or never asked).
   */
  authenticate(
    accountId: string,
    clientSecret: string,
    result: 'succeed' | 'fail',
  ): PaymentOutcome | null
}

/** A fake provider with test cards that succeed, decline or ask for 3-D Secure; state in memory. */
export function createFakePayments(options: FakePaymentsOptions = {}): FakePayments {
  const cards = new Map<string, string>()
  const byKey = new Map<string, FakePayment>()
  const payments: FakePayment[] = []
  const completeAuthentication: FakePayments['completeAuthentication'] = (
    idempotencyKey,
    result,
  ) => {
    const payment = byKey.get(idempotencyKey)
    if (payment?.outcome.status !== 'REQUIRES_ACTION') {
      throw new Error('[payg-kit] No payment waiting for authentication under this key.')
    }
    const { clientSecret, paymentMethodId } = payment.outcome
    payment.outcome =
      result === 'succeed'
        ? {
            status: 'SUCCEEDED',
            paymentId: clientSecret.replace(/_secret$/, ''),
            paymentMethodId,
          }
        : {
            status: 'DECLINED',
            code: 'PAYMENT_DECLINED',
            declineCode: 'payment_intent_authentication_failure',
            paymentMethodId,
          }
    return payment.outcome
  }
  return {
    payments,
    async setCard(accountId, cardNumber) {
      const removed = cards.get(accountId)
      if (cardNumber === null) cards.delete(accountId)
      else cards.set(accountId, cardNumber)
      // The card changed before this first await: a caller that does not wait sees it at once.
      if (cardNumber === null && removed !== undefined) {
        await options.onEvent?.({
          type: 'CARD_REMOVED',
          accountId,
          paymentMethodId: cardId(removed),
        })
      }
    },
    async paymentMethod(accountId) {
      const card = cards.get(accountId)
      if (card === undefined) return null
      const last4 = card.slice(-4)
      return { id: cardId(card), brand: cardBrand(card), last4, ...TEST_CARD_EXPIRY }
    },
    async charge({ accountId, amount, idempotencyKey }) {
      const seen = byKey.get(idempotencyKey)
      if (seen) {
        if (seen.accountId !== accountId || seen.amount !== amount) {
          throw new Error('[payg-kit] Idempotency key reused with different payment parameters.')
        }
        return seen.outcome
      }
      const card = cards.get(accountId)
      // Without a card no payment is made, so nothing is kept under the key: sent again once a
      // card is saved, it pays (as Stripe, which creates no PaymentIntent then).
      if (card === undefined) {
        return { status: 'DECLINED', code: 'NO_PAYMENT_METHOD', paymentMethodId: null }
      }
      const paymentMethodId = cardId(card)
      const paymentId = `pay_${crypto.randomUUID()}`
      const outcome: PaymentOutcome =
        card === TEST_CARDS.visa
          ? { status: 'SUCCEEDED', paymentId, paymentMethodId }
          : card === TEST_CARDS.authenticationRequired
            ? { status: 'REQUIRES_ACTION', clientSecret: `${paymentId}_secret`, paymentMethodId }
            : {
                status: 'DECLINED',
                code: 'PAYMENT_DECLINED',
                declineCode:
                  card === TEST_CARDS.insufficientFunds ? 'insufficient_funds' : 'generic_decline',
                paymentMethodId,
              }
      const payment = { accountId, amount, idempotencyKey, outcome }
      byKey.set(idempotencyKey, payment)
      payments.push(payment)
      return outcome
    },
    async lookup({ accountId, idempotencyKey }) {
      const seen = byKey.get(idempotencyKey)
      return seen && seen.accountId === accountId ? seen.outcome : null
    },
    authenticate(accountId, clientSecret, result) {
      const waiting = payments.find(
        (payment) =>
          payment.accountId === accountId &&
          payment.outcome.status === 'REQUIRES_ACTION' &&
          payment.outcome.clientSecret === clientSecret,
      )
      return waiting ? completeAuthentication(waiting.idempotencyKey, result) : null
    },
    completeAuthentication,
  }
}
