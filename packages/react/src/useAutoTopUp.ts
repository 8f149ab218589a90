'use client'
import type { AutoTopUpInfo } from '@payg-kit/core'
import { type UseQueryResult, useQuery } from '@tanstack/react-query'
import { autoTopUpQueryOptions } from './autoTopUpQueryOptions'
import { usePaygContext } from './usePaygContext'

/** Auto top-up settings and their last outcome. */
export function useAutoTopUp(
  options: { enabled?: boolean } = {},
): UseQueryResult<AutoTopUpInfo, Error> {
  const { client, queryClient } = usePaygContext('useAutoTopUp')
  return useQuery(
    { ...autoTopUpQueryOptions(client), enabled: options.enabled ?? true },
    queryClient,
  )
}
