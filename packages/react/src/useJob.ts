'use client'
import type { JobState } from '@payg-kit/core'
import { type UseQueryResult, useQuery } from '@tanstack/react-query'
import { type JobPolling, jobQueryOptions } from './jobQueryOptions'
import { usePaygContext } from './usePaygContext'

/** Options of `useJob`. */
export interface UseJobOptions extends JobPolling {
  enabled?: boolean
}

/**
 * A generation job's status and cost, polled with backoff until it is `COMPLETE` or `FAILED`;
 * the balance is read again when it settles. `data` is null while the API knows no such job.
 * Pass null or undefined (no job yet) to wait.
 * @example const job = useJob(created.data?.id)
 */
export function useJob(
  id: string | null | undefined,
  options: UseJobOptions = {},
): UseQueryResult<JobState | null, Error> {
  const { client, queryClient } = usePaygContext('useJob')
  const { enabled = true, ...polling } = options
  return useQuery(
    {
      ...jobQueryOptions(client, queryClient, id ?? '', polling),
      enabled: enabled && !!id,
    },
    queryClient,
  )
}
