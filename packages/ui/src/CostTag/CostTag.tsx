'use client'
import type { Money } from '@payg-kit/core'
import type { ReactNode } from 'react'
import { useFormat } from '../useFormat'
import { useMessages } from '../useMessages'

/** CostTag's strings, overridable through `PaygProvider`'s `messages`. */
export const costTagMessages = {
  'costTag.label': 'Cost:',
  'costTag.listPrice': 'list price',
} as const

/** Props of CostTag. */
export interface CostTagProps {
  /** What a job cost (any job: a generation, an upscale...), in its own unit: dollars (PAYG) or credits (legacy plans), e.g. `useCreateJob().data.cost`. */
  cost: Money
  /** The list price, shown struck through beside `cost` (custom-deal discounts). */
  listCost?: Money
  className?: string
}

/**
 * A generation's cost as a compact inline tag, in its own unit (`$0.048` or `40 credits`), read
 * as "Cost: $0.048"; with `listCost`, the list price struck through beside it.
 * @example <CostTag cost={job.cost} />
 */
export function CostTag({ cost, listCost, className }: CostTagProps): ReactNode {
  const { t } = useMessages(costTagMessages)
  const format = useFormat()
  return (
    <span
      className={['payg-root', 'payg-cost-tag', className].filter(Boolean).join(' ')}
      data-unit={cost.unit === 'USD' ? 'usd' : 'credits'}
      data-discounted={listCost ? 'true' : undefined}
    >
      {/* Hidden words rather than aria-label: a plain span cannot carry a name, and text is read everywhere. */}
      <span className="payg-visually-hidden">{`${t('costTag.label')} `}</span>
      <span className="payg-cost-tag__amount">{format.price(cost)}</span>
      {listCost && (
        <>
          <span className="payg-visually-hidden">{`, ${t('costTag.listPrice')} `}</span>
          <s className="payg-cost-tag__list">{format.price(listCost)}</s>
        </>
      )}
    </span>
  )
}
