import type { PaygClient } from '@payg-kit/core'
import { queryOptions } from '@tanstack/react-query'
import { paygKeys } from './paygKeys'

/** What migrating from a legacy plan to PAYG would do; fresh for a minute. */
export function migrationPreviewQueryOptions(client: PaygClient) {
  return queryOptions({
    queryKey: paygKeys.migrationPreview(client),
    queryFn: ({ signal }) => client.getMigrationPreview({ signal }),
    staleTime: 60_000,
    // core already retries transient failures with backoff; a second layer would multiply them.
    retry: false,
  })
}
