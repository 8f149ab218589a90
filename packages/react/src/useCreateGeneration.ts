'use client'
import {
  type GenerationJob,
  type GenerationRequest,
  InsufficientBalanceError,
} from '@payg-kit/core'
import { type UseMutationResult, useMutation } from '@tanstack/react-query'
import { applyCharge } from './applyCharge'
import { balanceQueryOptions } from './balanceQueryOptions'
import { getClientScope } from './getClientScope'
import { markPaused } from './markPaused'
import { pauseQueryOptions } from './pauseQueryOptions'
import { paygKeys } from './paygKeys'
import { usePaygContext } from './usePaygContext'

/**
 * Starts an image generation (`POST /generations`). On success its cost is taken off the cached
 * balance at once (dollars from dollars, credits from credits) and the balance is marked stale,
 * to be reconciled on its next fetch; a refusal for lack of balance (402) pauses the account for
 * every hook.
 */
export function useCreateGeneration(): UseMutationResult<GenerationJob, Error, GenerationRequest> {
  const { client, queryClient } = usePaygContext('useCreateGeneration')
  return useMutation(
    {
      mutationKey: ['payg', 'createGeneration', { client: getClientScope(client) }],
      mutationFn: (request: GenerationRequest) => client.createGeneration(request),
      onSuccess: (job) => {
        const balanceKey = balanceQueryOptions(client).queryKey
        queryClient.setQueryData(balanceKey, (old) =>
          old === undefined ? old : applyCharge(old, job.cost),
        )
        queryClient.setQueryData(pauseQueryOptions(client).queryKey, null)
        // Mark stale without refetching now: many generations in a row must not become a
        // request storm. The next mount, focus or poll reconciles with the server.
        return Promise.all([
          queryClient.invalidateQueries({ queryKey: balanceKey, refetchType: 'none' }),
          queryClient.invalidateQueries({
            queryKey: paygKeys.transactions(client),
            refetchType: 'none',
          }),
        ])
      },
      onError: (error) => {
        if (error instanceof InsufficientBalanceError) markPaused(queryClient, client, error)
      },
    },
    queryClient,
  )
}
