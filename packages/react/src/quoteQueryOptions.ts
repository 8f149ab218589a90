import type { PaygClient, PricingRequest } from '@payg-kit/core'
import { queryOptions } from '@tanstack/react-query'
import { ESTIMATE_CACHE_MS } from './costEstimateQueryOptions'
import { normalizePricingRequest } from './normalizePricingRequest'
import { paygKeys } from './paygKeys'

/** Your price beside the list price for a request (`POST /billing/pricing/quote`, billing extension). */
export function quoteQueryOptions(client: PaygClient, request: PricingRequest) {
  const normalized = normalizePricingRequest(request)
  return queryOptions({
    queryKey: paygKeys.quote(client, normalized),
    queryFn: ({ signal }) => client.quote(normalized, { signal }),
    staleTime: ESTIMATE_CACHE_MS,
    gcTime: ESTIMATE_CACHE_MS,
    retry: false,
  })
}
