'use client'
import type { PricingRequest, QuoteInfo } from '@payg-kit/core'
import { quoteQueryOptions } from './quoteQueryOptions'
import { useExtensionReady } from './useBillingExtension'
import { usePaygContext } from './usePaygContext'
import { type UsePricingOptions, type UsePricingResult, usePricingQuery } from './usePricingQuery'

/**
 * Your price beside the list price for a request (billing extension), with the same debouncing,
 * validation and caching as `useCostEstimate`. Pass `null` to ask nothing.
 */
export function useQuote(
  request: PricingRequest | null | undefined,
  options: UsePricingOptions = {},
): UsePricingResult<QuoteInfo> {
  const scope = usePaygContext('useQuote')
  const ready = useExtensionReady(true)
  return usePricingQuery(
    scope,
    request,
    { ...options, enabled: (options.enabled ?? true) && ready },
    (normalized) => quoteQueryOptions(scope.client, normalized),
  )
}
