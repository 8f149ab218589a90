import { formatMoney, type Money, usd } from '@payg-kit/core'

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
 * Dollars rounded down to whole cents, exactly: `'100.8072'` -> `'100.80'`, `'-0.001'` ->
 * `'-0.01'`. The one rounding the display needs, without the general `divide` and its checks.
 */
function floorToCents(value: Money): Money {
  // Normalised: no exponent, no trailing zeros, so any digit past the cents is not zero.
  const { amount } = usd(value.amount)
  const [whole = '', fraction = ''] = amount.split('.')
  if (fraction.length <= 2) return value
  // The cents toward zero; a negative amount goes one cent lower.
  const cents = BigInt(whole + fraction.slice(0, 2)) - (amount.startsWith('-') ? 1n : 0n)
  const digits = (cents < 0n ? -cents : cents).toString().padStart(3, '0')
  return usd(`${cents < 0n ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`)
}

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
  const shown = display === 'amount' && value.unit === 'USD' ? floorToCents(value) : value
  // Intl writes a hyphen-minus; a number reads better with the real minus sign.
  return formatMoney(shown, options).replace('-', MINUS)
}
