import type { PaygClient } from '@payg-kit/core'
import { queryOptions } from '@tanstack/react-query'
import { paygKeys } from './paygKeys'

/** The balance and account state (`GET /billing/balance`); fresh for 30 s. */
export function balanceQueryOptions(client: PaygClient) {
  return queryOptions({
    queryKey: paygKeys.balance(client),
    queryFn: ({ signal }) => client.getBalance({ signal }),
    staleTime: 30_000,
    // core already retries transient failures with backoff; a second layer would multiply them.
    retry: false,
  })
}
