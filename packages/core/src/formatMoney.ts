import { money } from './money'
import type { Money } from './types'

/** Options of `formatMoney`. */
export interface FormatMoneyOptions {
  /** A BCP 47 locale (or a list); the runtime's default locale when omitted. */
  locale?: string | readonly string[]
  /** How dollars show their currency: `symbol` ($, the default), `narrowSymbol`, `code` (USD) or `name`. */
  currencyDisplay?: 'symbol' | 'narrowSymbol' | 'code' | 'name'
  /**
   * Fraction digits always shown. Default 2 for dollars, 0 for credits. Digits beyond it are
   * shown too, never rounded away (up to 20, the most `Intl.NumberFormat` accepts on Node 20).
   */
  minimumFractionDigits?: number
  /** The word after a credit amount. Default `credits` (`credit` for exactly 1). */
  creditsLabel?: string
}

// Intl.NumberFormat is costly to build and a page formats many amounts with the same settings.
const formatters = /* @__PURE__ */ new Map<string, Intl.NumberFormat>()

/**
 * Formats an amount for a locale without rounding a single digit away: dollars as currency,
 * credits as a number and a unit word.
 * @example formatMoney(usd('1234.5'), { locale: 'de-DE' }) // '1.234,50 $'
 */
export function formatMoney(m: Money, options: FormatMoneyOptions = {}): string {
  const { amount, unit } = money(m.amount, m.unit)
  const dollars = unit === 'USD'
  const point = amount.indexOf('.')
  const minimum = options.minimumFractionDigits ?? (dollars ? 2 : 0)
  // Show every digit the amount has, up to the 20 fraction digits Intl allows everywhere.
  const maximum = Math.min(20, Math.max(minimum, point < 0 ? 0 : amount.length - point - 1))
  const key = `${options.locale}|${unit}|${options.currencyDisplay}|${minimum}|${maximum}`
  let formatter = formatters.get(key)
  if (!formatter) {
    formatter = new Intl.NumberFormat(options.locale as string | string[] | undefined, {
      style: dollars ? 'currency' : 'decimal',
      currency: 'USD',
      currencyDisplay: options.currencyDisplay,
      minimumFractionDigits: minimum,
      maximumFractionDigits: maximum,
    })
    formatters.set(key, formatter)
  }
  // A decimal string is formatted exactly (Intl.NumberFormat v3); a number would be a float.
  const text = (formatter.format as unknown as (value: string) => string)(amount)
  if (dollars) return text
  return `${text} ${options.creditsLabel ?? (amount === '1' ? 'credit' : 'credits')}`
}
