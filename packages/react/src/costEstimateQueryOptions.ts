import type { MoneyUnit, PaygClient, PricingRequest } from '@payg-kit/core'
import { queryOptions } from '@tanstack/react-query'
import { normalizePricingRequest } from './normalizePricingRequest'
import { paygKeys } from './paygKeys'

// Prices change rarely: an estimate stays fresh as long as it is cached, so the same
// parameters are never priced twice within that time.
export const ESTIMATE_CACHE_MS = 10 * 60_000

/**
 * The cost of a request before it is run (`POST /pricing-calculator`), keyed by its normalised
 * parameters, in the unit the account pays in (`CREDITS` on a legacy plan).
 */
export function costEstimateQueryOptions(
  client: PaygClient,
  request: PricingRequest,
  unit: MoneyUnit = 'USD',
) {
  const normalized = normalizePricingRequest(request)
  return queryOptions({
    queryKey: paygKeys.costEstimate(client, normalized, unit),
    queryFn: ({ signal }) => client.estimateCost(normalized, { signal, unit }),
    staleTime: ESTIMATE_CACHE_MS,
    gcTime: ESTIMATE_CACHE_MS,
    // core already retries transient failures with backoff; a second layer would multiply them.
    retry: false,
  })
}
