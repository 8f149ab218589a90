'use client'
import { compare, type Money, type PricingRequest, subtract } from '@payg-kit/core'
import type { PricingProblem } from './types'
import { useBalance } from './useBalance'
import { type UseCostEstimateOptions, useCostEstimate } from './useCostEstimate'
import { usePaygContext } from './usePaygContext'

/** `useCanAfford`'s result. */
export interface UseCanAffordResult {
  /** Whether the balance covers the estimate; undefined until both are known. */
  canAfford: boolean | undefined
  /** The estimated cost. */
  cost: Money | undefined
  /** The balance in the cost's unit (dollars, or legacy credits). */
  balance: Money | undefined
  /** How much is missing (zero when affordable). */
  shortfall: Money | undefined
  /** Problems with the parameters; nothing is priced while there are any. */
  problems: PricingProblem[]
  isLoading: boolean
  error: Error | null
}

/** Whether the balance covers a request, from its cost estimate and the cached balance (exact money). */
export function useCanAfford(
  request: PricingRequest | null | undefined,
  options: UseCostEstimateOptions = {},
): UseCanAffordResult {
  usePaygContext('useCanAfford')
  const estimate = useCostEstimate(request, options)
  const balanceQuery = useBalance({ enabled: options.enabled ?? true })

  const cost = estimate.data
  const info = balanceQuery.data
  let balance: Money | undefined
  if (cost !== undefined && info !== undefined) {
    balance = cost.unit === 'USD' ? info.balance : (info.credits ?? undefined)
  }
  let canAfford: boolean | undefined
  let shortfall: Money | undefined
  if (cost !== undefined && balance !== undefined) {
    canAfford = compare(balance, cost) >= 0
    shortfall = canAfford ? { amount: '0', unit: cost.unit } : subtract(cost, balance)
  }
  return {
    canAfford,
    cost,
    balance,
    shortfall,
    problems: estimate.problems,
    isLoading: estimate.isLoading || balanceQuery.isLoading,
    error: estimate.error ?? balanceQuery.error ?? null,
  }
}
