'use client'
import type { PaygClient, PricingRequest } from '@payg-kit/core'
import {
  keepPreviousData,
  type QueryClient,
  type UseQueryOptions,
  type UseQueryResult,
  useQuery,
} from '@tanstack/react-query'
import { normalizePricingRequest } from './normalizePricingRequest'
import type { PricingProblem } from './types'
import { useDebouncedValue } from './useDebouncedValue'
import { validatePricingRequest } from './validatePricingRequest'

/** Options shared by `useCostEstimate` and `useQuote`. */
export interface UsePricingOptions {
  /** Wait this long after the last change before asking. Default 250 ms; 0 asks at once. */
  debounceMs?: number
  /** Set false to hold the request. Default true. */
  enabled?: boolean
}

/** A pricing query's result, plus what is wrong with the parameters. */
export type UsePricingResult<T> = UseQueryResult<T, Error> & {
  /** Problems with the current parameters; while there are any, nothing is sent. */
  problems: PricingProblem[]
  /** The parameters changed and the debounce has not yet passed. */
  isDebouncing: boolean
}

const NO_PROBLEMS: PricingProblem[] = []
const NOTHING: PricingRequest = { service: 'IMAGE_GENERATION', serviceParams: {} }

/**
 * Internal: prices a request as its parameters change: debounced, checked against the
 * calculator's rules first (no request for invalid parameters), fetched once per distinct set,
 * the previous answer kept while the next loads, a superseded request cancelled.
 */
export function usePricingQuery<T>(
  scope: { client: PaygClient; queryClient: QueryClient },
  request: PricingRequest | null | undefined,
  options: UsePricingOptions & { ready?: boolean },
  // biome-ignore lint/suspicious/noExplicitAny: the factories' query keys differ in shape
  makeOptions: (normalized: PricingRequest) => UseQueryOptions<T, Error, T, any>,
): UsePricingResult<T> {
  const { debounceMs = 250, enabled = true, ready = true } = options
  const normalized = request ? normalizePricingRequest(request) : null
  const key = JSON.stringify(normalized)
  const problems = normalized ? validatePricingRequest(normalized) : NO_PROBLEMS
  const settled = useDebouncedValue(normalized, key, debounceMs)
  const settledValid = settled.value !== null && validatePricingRequest(settled.value).length === 0
  const valid = problems.length === 0 && settledValid

  const query = useQuery(
    {
      ...makeOptions(settled.value ?? NOTHING),
      enabled: enabled && ready && valid && settled.value !== null,
      // Invalid parameters show no price at all rather than the last valid one.
      placeholderData: valid ? keepPreviousData : undefined,
    },
    scope.queryClient,
  )
  return { ...query, problems, isDebouncing: key !== settled.key }
}
