'use client'
import type { Money } from '@payg-kit/core'
import type { ReactNode } from 'react'
import { useFormat } from '../useFormat'

/** Internal: an amount by the display policy, with every digit in its title when they differ. */
export function Amount({ value, price }: { value: Money; price?: boolean }): ReactNode {
  const format = useFormat()
  const shown = price ? format.price(value) : format.money(value)
  const exact = format.exact(value)
  return (
    <span className="payg-amount" title={exact === shown ? undefined : exact}>
      {shown}
    </span>
  )
}
