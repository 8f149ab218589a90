'use client'
import type { GenerationJob, GenerationRequest } from '@payg-kit/core'
import { type UseMutationResult, useMutation } from '@tanstack/react-query'
import { chargeMutationOptions } from './chargeMutationOptions'
import { usePaygContext } from './usePaygContext'

/**
 * Starts an image generation (`POST /generations`). On success its cost is taken off the cached
 * balance at once (dollars from dollars, credits from credits) and the balance is marked stale,
 * to be reconciled on its next fetch, or refetched at once when the charge crossed the auto
 * top-up threshold; a refusal for lack of balance (402) pauses the account for every hook.
 * A balance read while other generations were unanswered may or may not include their charges,
 * so once the last of them is answered the balance is read again, and ends exact.
 */
export function useCreateGeneration(): UseMutationResult<GenerationJob, Error, GenerationRequest> {
  const { client, queryClient } = usePaygContext('useCreateGeneration')
  return useMutation(
    chargeMutationOptions(
      client,
      queryClient,
      'createGeneration',
      (request: GenerationRequest) => client.createGeneration(request),
      (job) => job.cost,
    ),
    queryClient,
  )
}
