'use client'
import type { MigrationPreviewInfo } from '@payg-kit/core'
import { type UseQueryResult, useQuery } from '@tanstack/react-query'
import { migrationPreviewQueryOptions } from './migrationPreviewQueryOptions'
import { useExtensionReady } from './useBillingExtension'
import { usePaygContext } from './usePaygContext'

/** What cancelling the legacy plan would convert into a dollar balance. */
export function useMigrationPreview(
  options: { enabled?: boolean } = {},
): UseQueryResult<MigrationPreviewInfo, Error> {
  const { client, queryClient } = usePaygContext('useMigrationPreview')
  const ready = useExtensionReady()
  return useQuery(
    { ...migrationPreviewQueryOptions(client), enabled: (options.enabled ?? true) && ready },
    queryClient,
  )
}
