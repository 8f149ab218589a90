import type { PaygClient } from '@payg-kit/core'
import { queryOptions } from '@tanstack/react-query'
import { paygKeys } from './paygKeys'
import type { PaygPause } from './types'

/**
 * The shared "paused after a refusal" flag. It is never fetched: mutations write it with
 * `setQueryData`, and every observer of it sees the change.
 */
export function pauseQueryOptions(client: PaygClient) {
  return queryOptions({
    queryKey: paygKeys.status(client),
    // Called only when someone invalidates every kit query: keep what the cache holds.
    queryFn: ({ client: queryClient, queryKey }) =>
      queryClient.getQueryData<PaygPause | null>(queryKey) ?? null,
    initialData: null as PaygPause | null,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  })
}
