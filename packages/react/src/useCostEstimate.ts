'use client'
import type { Money, MoneyUnit, PricingRequest } from '@payg-kit/core'
import { useQuery } from '@tanstack/react-query'
import { balanceQueryOptions } from './balanceQueryOptions'
import { costEstimateQueryOptions } from './costEstimateQueryOptions'
import { costUnitQueryOptions } from './costUnitQueryOptions'
import { useBillingExtension } from './useBillingExtension'
import { usePaygContext } from './usePaygContext'
import { type UsePricingOptions, type UsePricingResult, usePricingQuery } from './usePricingQuery'

/** Options of `useCostEstimate`. */
export interface UseCostEstimateOptions extends UsePricingOptions {
  /**
   * The unit the account pays in. By default it is read, never assumed: from the billing
   * extension's balance where the API has it, otherwise from the last cost a job returned, else
   * from `GET /me`'s plan fields (core README, "Units"). Until it is known nothing is asked.
   */
  unit?: MoneyUnit
}

/** `useCostEstimate`'s result: the query, plus what is wrong with the parameters. */
export type UseCostEstimateResult = UsePricingResult<Money>

/**
 * The cost of a request before it is run (`POST /pricing-calculator`), as parameters change:
 * debounced, checked against the calculator's rules first (no request for invalid parameters),
 * fetched once per distinct set of parameters, the previous estimate kept on screen while the
 * next loads, and a superseded request cancelled. Pass `null` to ask nothing. The estimate is in
 * the account's unit: dollars, or credits on a legacy plan.
 */
export function useCostEstimate(
  request: PricingRequest | null | undefined,
  options: UseCostEstimateOptions = {},
): UseCostEstimateResult {
  const scope = usePaygContext('useCostEstimate')
  const given = options.unit
  const balance = useQuery(
    { ...balanceQueryOptions(scope.client, scope.billing), enabled: given === undefined },
    scope.queryClient,
  )
  const { available } = useBillingExtension()
  const { data: seen } = useQuery(costUnitQueryOptions(scope.client), scope.queryClient)
  // The unit by the rule of the core README ("Units"): the extension's, a job's, then /me's.
  const model = balance.data?.billingModel
  const unit =
    given ?? (model && (available !== true && seen ? seen : model === 'PAYG' ? 'USD' : 'CREDITS'))
  const result = usePricingQuery(
    scope,
    request,
    { ...options, ready: unit !== undefined },
    (normalized) => costEstimateQueryOptions(scope.client, normalized, unit),
  )
  // The unit could not be read: say why rather than price in a guessed one.
  if (unit === undefined && balance.error && result.data === undefined) {
    return {
      ...result,
      error: balance.error,
      isError: true,
      status: 'error',
    } as UseCostEstimateResult
  }
  return result
}
