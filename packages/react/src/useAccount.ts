'use client'
import type { AccountInfo } from '@payg-kit/core'
import { type UseQueryResult, useQuery } from '@tanstack/react-query'
import { accountQueryOptions } from './accountQueryOptions'
import { usePaygContext } from './usePaygContext'

/** The account from Leonardo's `GET /me` (user, paid balance, legacy plan credits). */
export function useAccount(
  options: { enabled?: boolean } = {},
): UseQueryResult<AccountInfo, Error> {
  const { client, queryClient } = usePaygContext('useAccount')
  return useQuery({ ...accountQueryOptions(client), enabled: options.enabled ?? true }, queryClient)
}
