import { divide, formatMoney, type Money } from '@payg-kit/core'

/**
 * How an amount is shown:
 * - `amount`: balances, totals and top-ups, in whole cents, rounded down, so a balance is never
 *   shown higher than it is;
 * - `exact`: every digit it has: unit prices and per-request costs (their sub-cent digits
 *   matter), and the full figure behind an `amount` in a title or details.
 */
export type MoneyDisplay = 'amount' | 'exact'

/** Options of `displayMoney`. */
export interface DisplayMoneyOptions {
  locale?: string
  /** The word after a credit amount. */
  creditsLabel?: string
}

const MINUS = '\u2212'

/**
 * The one display policy of every widget: dollars rounded as `display` says, a real minus sign,
 * credits never with a currency sign.
 * @example displayMoney(usd('100.8072'), 'amount', { locale: 'en-US' }) // '$100.80'
 */
export function displayMoney(
  value: Money,
  display: MoneyDisplay,
  options: DisplayMoneyOptions = {},
): string {
  const shown = display === 'amount' && value.unit === 'USD' ? divide(value, 1, 2, 'floor') : value
  // Intl writes a hyphen-minus; a number reads better with the real minus sign.
  return formatMoney(shown, options).replace('-', MINUS)
}
