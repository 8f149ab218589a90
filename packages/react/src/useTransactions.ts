'use client'
import type { TransactionPage, TransactionQuery } from '@payg-kit/core'
import {
  type InfiniteData,
  type UseInfiniteQueryResult,
  useInfiniteQuery,
} from '@tanstack/react-query'
import { transactionsQueryOptions } from './transactionsQueryOptions'
import { useExtensionReady } from './useBillingExtension'
import { usePaygContext } from './usePaygContext'

/** The ledger, newest first; `fetchNextPage()` loads the next cursor page. */
export function useTransactions(
  query: Omit<TransactionQuery, 'cursor'> = {},
  options: { enabled?: boolean } = {},
): UseInfiniteQueryResult<InfiniteData<TransactionPage>, Error> {
  const { client, queryClient } = usePaygContext('useTransactions')
  const ready = useExtensionReady()
  return useInfiniteQuery(
    { ...transactionsQueryOptions(client, query), enabled: (options.enabled ?? true) && ready },
    queryClient,
  )
}
