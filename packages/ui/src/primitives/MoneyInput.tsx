'use client'
import type { InputHTMLAttributes, ReactNode, Ref } from 'react'

/** Where `locale` writes the currency sign of `currency`, and the sign itself. */
export function currencyAdornment(
  locale: string | undefined,
  currency = 'USD',
): { symbol: string; position: 'start' | 'end' } {
  const parts = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(1)
  const sign = parts.findIndex((part) => part.type === 'currency')
  const number = parts.findIndex((part) => part.type === 'integer')
  return { symbol: parts[sign]?.value ?? currency, position: sign > number ? 'end' : 'start' }
}

/** Internal: a text input for an amount, with the currency sign where the locale writes it. */
export function MoneyInput({
  locale,
  currency,
  inputRef,
  className,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & {
  locale: string | undefined
  currency?: string
  inputRef?: Ref<HTMLInputElement>
}): ReactNode {
  const { symbol, position } = currencyAdornment(locale, currency)
  return (
    <span className="payg-money-input" data-adornment={position}>
      <span className="payg-money-input__adornment" aria-hidden="true">
        {symbol}
      </span>
      <input
        ref={inputRef}
        className={className ? `payg-input ${className}` : 'payg-input'}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        {...input}
      />
    </span>
  )
}
