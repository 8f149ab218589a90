'use client'
import type { PricingInfo } from '@payg-kit/core'
import { type UseQueryResult, useQuery } from '@tanstack/react-query'
import { pricingQueryOptions } from './pricingQueryOptions'
import { useExtensionReady } from './useBillingExtension'
import { usePaygContext } from './usePaygContext'

/**
 * Per-model prices and discounts (list price beside your price; billing extension). Without the
 * extension nothing is asked and `data` stays undefined: the calculator's price is all there is.
 */
export function usePricing(
  options: { enabled?: boolean } = {},
): UseQueryResult<PricingInfo, Error> {
  const { client, queryClient } = usePaygContext('usePricing')
  const ready = useExtensionReady(true)
  return useQuery(
    { ...pricingQueryOptions(client), enabled: (options.enabled ?? true) && ready },
    queryClient,
  )
}
