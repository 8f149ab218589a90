'use client'
import { type CreatedJob, createJob, type JobPath, type JobRequest } from '@payg-kit/core'
import { type UseMutationResult, useMutation } from '@tanstack/react-query'
import { chargeMutationOptions } from './chargeMutationOptions'
import { usePaygContext } from './usePaygContext'

/**
 * Starts a job of any cost-carrying endpoint (`POST path`, e.g. `/variations/upscale`), typed
 * from the spec; its cost comes off the cached balance as `useCreateGeneration`'s does. Follow
 * a generation with `useJob(data.id)`.
 */
export function useCreateJob<P extends JobPath>(
  path: P,
): UseMutationResult<CreatedJob<P>, Error, JobRequest<P>> {
  const { client, queryClient } = usePaygContext('useCreateJob')
  return useMutation(
    chargeMutationOptions(
      client,
      queryClient,
      `createJob ${path}`,
      (body: JobRequest<P>) => createJob(client, path, body),
      (job) => job.cost,
    ),
    queryClient,
  )
}
