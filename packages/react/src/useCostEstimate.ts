'use client'
import type { Money, MoneyUnit, PricingRequest } from '@payg-kit/core'
import { useQuery } from '@tanstack/react-query'
import { balanceQueryOptions } from './balanceQueryOptions'
import { costEstimateQueryOptions } from './costEstimateQueryOptions'
import { usePaygContext } from './usePaygContext'
import { type UsePricingOptions, type UsePricingResult, usePricingQuery } from './usePricingQuery'

/** Options of `useCostEstimate`. */
export interface UseCostEstimateOptions extends UsePricingOptions {
  /**
   * The unit the account pays in. By default it is read from the balance: `CREDITS` on a legacy
   * plan, otherwise (and when the balance cannot be read) `USD`.
   */
  unit?: MoneyUnit
}

/** `useCostEstimate`'s result: the query, plus what is wrong with the parameters. */
export type UseCostEstimateResult = UsePricingResult<Money>

/**
 * The cost of a request before it is run (`POST /pricing-calculator`), as parameters change:
 * debounced, checked against the calculator's rules first (no request for invalid parameters),
 * fetched once per distinct set of parameters, the previous estimate kept on screen while the
 * next loads, and a superseded request cancelled. Pass `null` to ask nothing.
 */
export function useCostEstimate(
  request: PricingRequest | null | undefined,
  options: UseCostEstimateOptions = {},
): UseCostEstimateResult {
  const scope = usePaygContext('useCostEstimate')
  const balance = useQuery(
    { ...balanceQueryOptions(scope.client), enabled: options.unit === undefined },
    scope.queryClient,
  )
  let unit = options.unit
  if (unit === undefined && balance.data) {
    unit = balance.data.billingModel === 'SUBSCRIPTION' ? 'CREDITS' : 'USD'
  } else if (unit === undefined && balance.isError) {
    unit = 'USD'
  }
  return usePricingQuery(scope, request, { ...options, ready: unit !== undefined }, (normalized) =>
    costEstimateQueryOptions(scope.client, normalized, unit),
  )
}
