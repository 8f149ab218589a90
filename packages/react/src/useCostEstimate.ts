'use client'
import type { BalanceInfo, Money, MoneyUnit, PricingRequest } from '@payg-kit/core'
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

/** Internal: the unit an account pays in, by the rule of the core README ("Units"). */
export function readUnit(
  balance: BalanceInfo | undefined,
  extension: boolean | undefined,
  seen: MoneyUnit | null | undefined,
): MoneyUnit | undefined {
  if (balance === undefined) return undefined
  const fromBalance = balance.billingModel === 'SUBSCRIPTION' ? 'CREDITS' : 'USD'
  return extension === true ? fromBalance : (seen ?? fromBalance)
}

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
  const unit = given ?? readUnit(balance.data, available, seen)
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
