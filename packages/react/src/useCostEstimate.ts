'use client'
import type { Money, PricingRequest } from '@payg-kit/core'
import { keepPreviousData, type UseQueryResult, useQuery } from '@tanstack/react-query'
import { costEstimateQueryOptions } from './costEstimateQueryOptions'
import { normalizePricingRequest } from './normalizePricingRequest'
import type { PricingProblem } from './types'
import { useDebouncedValue } from './useDebouncedValue'
import { usePaygContext } from './usePaygContext'
import { validatePricingRequest } from './validatePricingRequest'

/** Options of `useCostEstimate`. */
export interface UseCostEstimateOptions {
  /** Wait this long after the last change before asking. Default 250 ms; 0 asks at once. */
  debounceMs?: number
  /** Set false to hold the request. Default true. */
  enabled?: boolean
}

/** `useCostEstimate`'s result: the query, plus what is wrong with the parameters. */
export type UseCostEstimateResult = UseQueryResult<Money, Error> & {
  /** Problems with the current parameters; while there are any, nothing is sent. */
  problems: PricingProblem[]
  /** The parameters changed and the debounce has not yet passed. */
  isDebouncing: boolean
}

const NO_PROBLEMS: PricingProblem[] = []

/**
 * The cost of a request before it is run, as parameters change: debounced, checked against the
 * calculator's rules first (no request for invalid parameters), fetched once per distinct set of
 * parameters, the previous estimate kept on screen while the next loads, and a superseded request
 * cancelled. Pass `null` to ask nothing.
 */
export function useCostEstimate(
  request: PricingRequest | null | undefined,
  options: UseCostEstimateOptions = {},
): UseCostEstimateResult {
  const { client, queryClient } = usePaygContext('useCostEstimate')
  const { debounceMs = 250, enabled = true } = options

  const normalized = request ? normalizePricingRequest(request) : null
  const key = JSON.stringify(normalized)
  const problems = normalized ? validatePricingRequest(normalized) : NO_PROBLEMS
  const settled = useDebouncedValue(normalized, key, debounceMs)
  const settledValid = settled.value !== null && validatePricingRequest(settled.value).length === 0
  const valid = problems.length === 0 && settledValid

  const query = useQuery(
    {
      ...costEstimateQueryOptions(
        client,
        settled.value ?? { service: 'IMAGE_GENERATION', serviceParams: {} },
      ),
      enabled: enabled && valid && settled.value !== null,
      // Invalid parameters show no price at all rather than the last valid one.
      placeholderData: valid ? keepPreviousData : undefined,
    },
    queryClient,
  )
  return { ...query, problems, isDebouncing: key !== settled.key }
}
