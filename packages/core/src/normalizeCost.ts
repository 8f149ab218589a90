import type { components } from './generated/payg'
import { credits, money } from './money'
import type { Money, MoneyUnit } from './types'

/** Anything that carries a cost: a generation or variation job, or a quote's price. */
export interface CostCarrier {
  cost?: components['schemas']['Cost'] | null
  /** @deprecated Leonardo's legacy credit cost; read only when `cost` is absent. */
  apiCreditCost?: number | null
}

/**
 * What a job cost, as Money: its `cost` object first (`DOLLARS` in USD, `CREDITS` in credits),
 * else the deprecated `apiCreditCost` as credits.
 * @example normalizeCost({ cost: { amount: '0.024', unit: 'DOLLARS' } }) // { amount: '0.024', unit: 'USD' }
 */
export function normalizeCost(job: CostCarrier): Money {
  const { cost } = job
  if (cost) return money(cost.amount, cost.unit === 'DOLLARS' ? 'USD' : (cost.unit as MoneyUnit))
  if (typeof job.apiCreditCost === 'number') return credits(job.apiCreditCost)
  throw new TypeError(
    '[payg-kit] The job carries neither `cost` nor `apiCreditCost`, so its cost is unknown.',
  )
}
