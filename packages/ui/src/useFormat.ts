'use client'
import type { Money } from '@payg-kit/core'
import { usePaygMessages } from '@payg-kit/react'
import { useMemo } from 'react'
import { displayMoney } from './displayMoney'

/** Money (by the one display policy, `displayMoney`), numbers and dates for the provider's locale. */
export function useFormat() {
  const { locale, messages } = usePaygMessages()
  return useMemo(() => {
    const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })
    const dateTimeFormat = new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
    })
    const numberFormat = new Intl.NumberFormat(locale)
    const money = { locale, creditsLabel: messages['common.credits'] }
    return {
      locale,
      /** A balance, total or top-up: whole cents, rounded down. */
      money: (value: Money) => displayMoney(value, 'amount', money),
      /** A unit price or per-request cost: every sub-cent digit it has. */
      price: (value: Money) => displayMoney(value, 'price', money),
      /** Every digit, for a title or details. */
      exact: (value: Money) => displayMoney(value, 'exact', money),
      number: (value: number) => numberFormat.format(value),
      date: (value: string | Date) => dateFormat.format(new Date(value)),
      dateTime: (value: string | Date) => dateTimeFormat.format(new Date(value)),
    }
  }, [locale, messages])
}
