'use client'
import type { AutoTopUpInfo } from '@payg-kit/core'
import { type UseQueryResult, useQuery } from '@tanstack/react-query'
import { autoTopUpQueryOptions } from './autoTopUpQueryOptions'
import { useExtensionReady } from './useBillingExtension'
import { usePaygContext } from './usePaygContext'

/** Auto top-up settings and their last outcome. */
export function useAutoTopUp(
  options: { enabled?: boolean } = {},
): UseQueryResult<AutoTopUpInfo, Error> {
  const { client, queryClient } = usePaygContext('useAutoTopUp')
  const ready = useExtensionReady()
  return useQuery(
    { ...autoTopUpQueryOptions(client), enabled: (options.enabled ?? true) && ready },
    queryClient,
  )
}
