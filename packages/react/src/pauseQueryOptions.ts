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
    // A fixed timestamp and a static staleTime: rendering never reads the clock (React Query
    // stamps initialData with Date.now() otherwise, which server prerendering refuses).
    initialDataUpdatedAt: 0,
    staleTime: 'static',
    gcTime: Number.POSITIVE_INFINITY,
  })
}
