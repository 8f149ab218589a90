import type { PaygClient } from '@payg-kit/core'
import { queryOptions } from '@tanstack/react-query'
import { paygKeys } from './paygKeys'

/** Per-model prices and discounts; fresh for an hour. */
export function pricingQueryOptions(client: PaygClient) {
  return queryOptions({
    queryKey: paygKeys.pricing(client),
    queryFn: ({ signal }) => client.getPricing({ signal }),
    staleTime: 3_600_000,
    // core already retries transient failures with backoff; a second layer would multiply them.
    retry: false,
  })
}
