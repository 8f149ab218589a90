import type { PaygClient } from '@payg-kit/core'
import { queryOptions } from '@tanstack/react-query'
import { paygKeys } from './paygKeys'

/** The account from Leonardo's `GET /me`; fresh for a minute. */
export function accountQueryOptions(client: PaygClient) {
  return queryOptions({
    queryKey: paygKeys.account(client),
    queryFn: ({ signal }) => client.getAccount({ signal }),
    staleTime: 60_000,
    // core already retries transient failures with backoff; a second layer would multiply them.
    retry: false,
  })
}
