import type { PaygClient, TransactionQuery } from '@payg-kit/core'
import { infiniteQueryOptions } from '@tanstack/react-query'
import { paygKeys } from './paygKeys'

/** The ledger, newest first, one cursor page at a time (`infiniteQueryOptions`); fresh for 30 s. */
export function transactionsQueryOptions(
  client: PaygClient,
  query: Omit<TransactionQuery, 'cursor'> = {},
) {
  return infiniteQueryOptions({
    queryKey: paygKeys.transactions(client, query),
    queryFn: ({ pageParam, signal }) =>
      client.listTransactions(
        pageParam === undefined ? { ...query } : { ...query, cursor: pageParam },
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    staleTime: 30_000,
    // core already retries transient failures with backoff; a second layer would multiply them.
    retry: false,
  })
}
