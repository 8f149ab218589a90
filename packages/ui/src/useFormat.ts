'use client'
import type { Money } from '@payg-kit/core'
import { useMemo } from 'react'
import { displayMoney } from './displayMoney'
import { useMessages } from './useMessages'

/** English defaults of the strings shared by every widget. */
export const commonMessages = {
  'common.credits': '{count, plural, one {credit} other {credits}}',
} as const

/** Money (by the one display policy, `displayMoney`), numbers and dates for the provider's locale. */
export function useFormat() {
  const { t, locale } = useMessages(commonMessages)
  return useMemo(() => {
    const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })
    const dateTimeFormat = new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
    })
    const numberFormat = new Intl.NumberFormat(locale)
    const options = (value: Money) => ({
      locale,
      creditsLabel: t('common.credits', { count: value.amount }),
    })
    const exact = (value: Money) => displayMoney(value, 'exact', options(value))
    return {
      locale,
      /** A balance, total or top-up: whole cents, rounded down. */
      money: (value: Money) => displayMoney(value, 'amount', options(value)),
      /** A unit price or per-request cost: every sub-cent digit it has (the same as `exact`). */
      price: exact,
      /** Every digit, for a title or details. */
      exact,
      number: (value: number) => numberFormat.format(value),
      date: (value: string | Date) => dateFormat.format(new Date(value)),
      dateTime: (value: string | Date) => dateTimeFormat.format(new Date(value)),
    }
  }, [locale, t])
}
