'use client'
import type { UsageInfo } from '@payg-kit/core'
import { type UseQueryResult, useQuery } from '@tanstack/react-query'
import { usageQueryOptions } from './usageQueryOptions'
import { usePaygContext } from './usePaygContext'

/** Spend between two dates (`YYYY-MM-DD`), by day and service, for charts. */
export function useUsage(
  range: { from: string; to: string },
  options: { enabled?: boolean } = {},
): UseQueryResult<UsageInfo, Error> {
  const { client, queryClient } = usePaygContext('useUsage')
  return useQuery(
    { ...usageQueryOptions(client, range), enabled: options.enabled ?? true },
    queryClient,
  )
}
