import type { PaygClient } from '@payg-kit/core'
import { queryOptions } from '@tanstack/react-query'
import { paygKeys } from './paygKeys'

/** Spend over time between two dates (`YYYY-MM-DD`), by day and service; fresh for a minute. */
export function usageQueryOptions(client: PaygClient, range: { from: string; to: string }) {
  return queryOptions({
    queryKey: paygKeys.usage(client, range),
    queryFn: ({ signal }) => client.getUsage({ from: range.from, to: range.to }, { signal }),
    staleTime: 60_000,
    // core already retries transient failures with backoff; a second layer would multiply them.
    retry: false,
  })
}
