'use client'
import type { UsageInfo, UsageQuery } from '@payg-kit/core'
import { type UseQueryResult, useQuery } from '@tanstack/react-query'
import { usageQueryOptions } from './usageQueryOptions'
import { useExtensionReady } from './useBillingExtension'
import { usePaygContext } from './usePaygContext'

/** Spend by day, week or month (`granularity`) and service, for charts: `{ from, to }` (`YYYY-MM-DD`), or `{ days }` ending today. */
export function useUsage(
  range: UsageQuery,
  options: { enabled?: boolean } = {},
): UseQueryResult<UsageInfo, Error> {
  const { client, queryClient } = usePaygContext('useUsage')
  const ready = useExtensionReady()
  return useQuery(
    { ...usageQueryOptions(client, range), enabled: (options.enabled ?? true) && ready },
    queryClient,
  )
}
