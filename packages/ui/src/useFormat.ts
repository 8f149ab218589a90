'use client'
import { formatMoney, type Money } from '@payg-kit/core'
import { usePaygMessages } from '@payg-kit/react'
import { useMemo } from 'react'
import { fillMessage } from './fillMessage'

/** English defaults of the strings shared by every widget. */
export const commonMessages = {
  'common.credits': '{count, plural, one {credit} other {credits}}',
} as const

/** Money, numbers and dates formatted with `Intl` for the provider's locale. */
export function useFormat() {
  const { locale, messages } = usePaygMessages()
  return useMemo(() => {
    const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })
    const dateTimeFormat = new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
    })
    const numberFormat = new Intl.NumberFormat(locale)
    const credits = messages['common.credits'] ?? commonMessages['common.credits']
    return {
      locale,
      money: (value: Money) =>
        formatMoney(value, {
          locale,
          creditsLabel: fillMessage(credits, { count: value.amount }, locale),
        }),
      number: (value: number) => numberFormat.format(value),
      date: (value: string | Date) => dateFormat.format(new Date(value)),
      dateTime: (value: string | Date) => dateTimeFormat.format(new Date(value)),
    }
  }, [locale, messages])
}
