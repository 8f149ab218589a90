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

/** Takes payments from an account's saved payment method. */
export interface PaymentProvider {
  /**
   * Charges `amount` (a decimal string, in US dollars) off-session. The same `idempotencyKey`
   * must never charge twice: a repeat answers the first outcome. Throws when the outcome is unknown.
   */
  charge(payment: {
    accountId: string
    amount: string
    idempotencyKey: string
  }): Promise<PaymentOutcome>
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

/** The fake provider's test cards, by number (as Stripe's test cards behave). */
export const TEST_CARDS = {
  /** Always succeeds. */
  visa: '4242424242424242',
  /** Always declined (`generic_decline`). */
  declined: '4000000000000002',
  /** Declined for insufficient funds. */
  insufficientFunds: '4000000000009995',
} as const

/** One payment the fake provider took or refused. */
export interface FakePayment {
  accountId: string
  amount: string
  idempotencyKey: string
  outcome: PaymentOutcome
}

/** A payment provider for tests and the embedded default: cards are set per account. */
export interface FakePayments extends PaymentProvider {
  /** Saves a card for the account (`TEST_CARDS`), or removes it with null. */
  setCard(accountId: string, cardNumber: string | null): void
  /** Every distinct payment attempted, in order (a repeated key is not a new payment). */
  readonly payments: readonly FakePayment[]
}

/** A fake provider with test cards that succeed or decline; it keeps its state in memory. */
export function createFakePayments(): FakePayments {
  const cards = new Map<string, string>()
  const byKey = new Map<string, FakePayment>()
  const payments: FakePayment[] = []
  return {
    payments,
    setCard(accountId, cardNumber) {
      if (cardNumber === null) cards.delete(accountId)
      else cards.set(accountId, cardNumber)
    },
    async paymentMethod(accountId) {
      const card = cards.get(accountId)
      if (card === undefined) return null
      const last4 = card.slice(-4)
      return { id: `pm_card_${last4}`, brand: cardBrand(card), last4, ...TEST_CARD_EXPIRY }
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
      const paymentMethodId = card ? `pm_card_${card.slice(-4)}` : null
      const outcome: PaymentOutcome =
        card === undefined
          ? { status: 'DECLINED', code: 'NO_PAYMENT_METHOD', paymentMethodId }
          : card === TEST_CARDS.visa
            ? { status: 'SUCCEEDED', paymentId: `pay_${crypto.randomUUID()}`, paymentMethodId }
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
  }
}
