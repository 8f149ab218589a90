'use client'
import type { PricingInfo } from '@payg-kit/core'
import { type UseQueryResult, useQuery } from '@tanstack/react-query'
import { pricingQueryOptions } from './pricingQueryOptions'
import { usePaygContext } from './usePaygContext'

/** Per-model prices and discounts (list price beside your price). */
export function usePricing(
  options: { enabled?: boolean } = {},
): UseQueryResult<PricingInfo, Error> {
  const { client, queryClient } = usePaygContext('usePricing')
  return useQuery({ ...pricingQueryOptions(client), enabled: options.enabled ?? true }, queryClient)
}
