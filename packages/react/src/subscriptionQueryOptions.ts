import type { PaygClient } from '@payg-kit/core'
import { queryOptions } from '@tanstack/react-query'
import { paygKeys } from './paygKeys'

/** Subscription state (PAYG or a legacy plan); fresh for five minutes. */
export function subscriptionQueryOptions(client: PaygClient) {
  return queryOptions({
    queryKey: paygKeys.subscription(client),
    queryFn: ({ signal }) => client.getSubscription({ signal }),
    staleTime: 300_000,
    // core already retries transient failures with backoff; a second layer would multiply them.
    retry: false,
  })
}
