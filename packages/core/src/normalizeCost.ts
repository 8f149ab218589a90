import { describe, jobCost, Mismatch } from './decode'
import { MalformedResponseError } from './errors'
import type { components } from './generated/payg'
import type { Money } from './types'

/** Anything that carries a cost: a generation or variation job, or a quote's price. */
export interface CostCarrier {
  cost?: components['schemas']['Cost'] | null
  /** @deprecated Leonardo's legacy credit cost; read only when `cost` is absent. */
  apiCreditCost?: number | null
}

/**
 * What a job cost, as exact Money: its `cost` object first (`DOLLARS` in USD, `CREDITS` in
 * credits), else the deprecated `apiCreditCost` as credits. A JSON number is rounded to the API's
 * six decimals (float noise never shows); a job with no cost, an unknown unit or a negative
 * amount throws `MalformedResponseError`.
 * @example normalizeCost({ cost: { amount: '0.024', unit: 'DOLLARS' } }) // { amount: '0.024', unit: 'USD' }
 */
export function normalizeCost(job: CostCarrier): Money {
  let found: Money | null
  let problem: Mismatch
  try {
    found = jobCost(job, '')
    if (found) return found
    problem = new Mismatch('cost', 'a cost (or the deprecated apiCreditCost)', undefined)
  } catch (error) {
    if (!(error instanceof Mismatch)) throw error
    problem = error
  }
  throw new MalformedResponseError({
    message:
      problem.field === 'cost' && problem.value === undefined
        ? 'The job carries neither `cost` nor `apiCreditCost`, so its cost is unknown'
        : `The job's \`${problem.field}\` should be ${problem.expected}, not ${describe(problem.value)}`,
    details: { operation: 'normalizeCost', field: problem.field, expected: problem.expected },
  })
}
