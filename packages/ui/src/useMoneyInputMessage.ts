'use client'
import { formatMoney, usd } from '@payg-kit/core'
import { useCallback } from 'react'
import type { MoneyInputResult } from './parseMoneyInput'
import { useFormat } from './useFormat'
import { useMessages } from './useMessages'

/** The strings of every money field's refusals, overridable through `PaygProvider`'s `messages`. */
export const moneyInputMessages = {
  'moneyInput.empty': 'Enter an amount.',
  'moneyInput.negative': 'The amount can’t be negative.',
  'moneyInput.notANumber': 'Enter the amount in numbers, such as {example}.',
  'moneyInput.digits':
    '“{found}” is not read as a digit. Type the amount in digits, such as {example}.',
  'moneyInput.exponent': 'Write the amount out in full, such as {example}, without an exponent.',
  'moneyInput.currency': 'Amounts are in US dollars: leave out “{found}”.',
  'moneyInput.multipleDecimals': 'Use one decimal separator at most, as in {example}.',
  'moneyInput.grouping': 'Check the separators: write the amount as {example}, or without them.',
  'moneyInput.didYouMean': 'Did you mean {amount}?',
  'moneyInput.didYouMeanEither': 'Did you mean {first} or {second}?',
  'moneyInput.cents': 'Whole dollars only: leave out the cents.',
  'moneyInput.tooManyDecimals': 'Use at most {digits} digits after the decimal separator.',
} as const

/** Internal: why a money field refused what was typed, as a sentence in the provider's locale. */
export function useMoneyInputMessage() {
  const { t } = useMessages(moneyInputMessages)
  const { locale } = useFormat()
  return useCallback(
    (
      problem: Extract<MoneyInputResult, { ok: false }>,
      options: { wholeUnits?: boolean; maxFractionDigits?: number } = {},
    ): string => {
      // Each meaning as the field reads it back in this locale, "$1,000" or "1.000 $".
      const amount = (value: string) =>
        formatMoney(usd(value), {
          locale,
          minimumFractionDigits: value.includes('.') ? 2 : 0,
        })
      const number = (value: number, digits: number) =>
        new Intl.NumberFormat(locale, { minimumFractionDigits: digits }).format(value)
      const example = options.wholeUnits ? number(1250, 0) : number(1250.5, 2)
      const [first, second] = problem.meanings ?? []
      switch (problem.reason) {
        case 'unclear':
          if (first && second) {
            return t('moneyInput.didYouMeanEither', {
              first: amount(first),
              second: amount(second),
            })
          }
          if (first) return t('moneyInput.didYouMean', { amount: amount(first) })
          return t('moneyInput.grouping', { example })
        case 'notANumber':
        case 'digits':
          return t(`moneyInput.${problem.reason}`, {
            example: number(25, 0),
            found: problem.found ?? '',
          })
        case 'exponent':
          return t('moneyInput.exponent', { example: number(1000, 0) })
        case 'tooManyDecimals':
          return t('moneyInput.tooManyDecimals', { digits: options.maxFractionDigits ?? 2 })
        case 'currency':
          return t('moneyInput.currency', { found: problem.found ?? '' })
        case 'grouping':
        case 'multipleDecimals':
          return t(`moneyInput.${problem.reason}`, { example })
        default:
          return t(`moneyInput.${problem.reason}`)
      }
    },
    [t, locale],
  )
}
