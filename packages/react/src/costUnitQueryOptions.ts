import type { MoneyUnit, PaygClient } from '@payg-kit/core'
import { queryOptions } from '@tanstack/react-query'
import { paygKeys } from './paygKeys'

/**
 * The unit of the last cost a job of this client returned (`cost.unit`), or null. Never
 * fetched: `PaygProvider` writes it when a mutation's result carries a cost.
 */
export function costUnitQueryOptions(client: PaygClient) {
  return queryOptions({
    queryKey: paygKeys.costUnit(client),
    queryFn: ({ client: queryClient, queryKey }) =>
      queryClient.getQueryData<MoneyUnit | null>(queryKey) ?? null,
    initialData: null as MoneyUnit | null,
    // A fixed timestamp and a static staleTime: rendering never reads the clock.
    initialDataUpdatedAt: 0,
    staleTime: 'static',
    gcTime: Number.POSITIVE_INFINITY,
  })
}
