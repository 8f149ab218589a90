import type { PaygClient, UsageQuery } from '@payg-kit/core'
import { queryOptions } from '@tanstack/react-query'
import { paygKeys } from './paygKeys'

/**
 * Spend over time by day and service: between two dates (`YYYY-MM-DD`), or the last `days` by the
 * server's clock (no clock is read here); fresh for a minute.
 */
export function usageQueryOptions(client: PaygClient, range: UsageQuery) {
  return queryOptions({
    queryKey: paygKeys.usage(client, range),
    queryFn: ({ signal }) => client.getUsage(range, { signal }),
    staleTime: 60_000,
    // core already retries transient failures with backoff; a second layer would multiply them.
    retry: false,
  })
}
