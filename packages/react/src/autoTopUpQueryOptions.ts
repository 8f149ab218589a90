import type { PaygClient } from '@payg-kit/core'
import { queryOptions } from '@tanstack/react-query'
import { paygKeys } from './paygKeys'

/** Auto top-up settings and their last outcome; fresh for a minute. */
export function autoTopUpQueryOptions(client: PaygClient) {
  return queryOptions({
    queryKey: paygKeys.autoTopUp(client),
    queryFn: ({ signal }) => client.getAutoTopUp({ signal }),
    staleTime: 60_000,
    // core already retries transient failures with backoff; a second layer would multiply them.
    retry: false,
  })
}
