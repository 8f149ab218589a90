'use client'
import type { BalanceInfo } from '@payg-kit/core'
import { type UseQueryResult, useQuery } from '@tanstack/react-query'
import { backoffRefetchInterval } from './backoffRefetchInterval'
import { balanceQueryOptions } from './balanceQueryOptions'
import { usePaygContext } from './usePaygContext'

/** Options of `useBalance`. */
export interface UseBalanceOptions {
  /**
   * Poll every this many ms (off by default). After a failed poll the wait doubles, up to
   * `maxRefetchInterval`, and returns to this value after a success.
   */
  refetchInterval?: number | false
  /** The longest wait between polls while they keep failing. Default: 16 times `refetchInterval`. */
  maxRefetchInterval?: number
  /** Refetch a stale balance when the window regains focus. Default true. */
  refetchOnWindowFocus?: boolean
  /** Set false to hold the request (e.g. until signed in). Default true. */
  enabled?: boolean
}

/**
 * The balance and account state; every caller shares one request and one cache entry. From the
 * billing extension where the API has it, otherwise from `GET /me` (see `PaygProvider`'s `billing`).
 */
export function useBalance(options: UseBalanceOptions = {}): UseQueryResult<BalanceInfo, Error> {
  const { client, queryClient, billing } = usePaygContext('useBalance')
  const {
    refetchInterval = false,
    maxRefetchInterval,
    refetchOnWindowFocus = true,
    enabled = true,
  } = options
  return useQuery(
    {
      ...balanceQueryOptions(client, billing),
      enabled,
      refetchOnWindowFocus,
      refetchInterval:
        refetchInterval === false || refetchInterval <= 0
          ? false
          : backoffRefetchInterval(refetchInterval, maxRefetchInterval ?? refetchInterval * 16),
    },
    queryClient,
  )
}
