'use client'
import {
  compare,
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
 * to be reconciled on its next fetch, or refetched at once when the charge crossed the auto
 * top-up threshold; a refusal for lack of balance (402) pauses the account for every hook.
 */
export function useCreateGeneration(): UseMutationResult<GenerationJob, Error, GenerationRequest> {
  const { client, queryClient } = usePaygContext('useCreateGeneration')
  return useMutation(
    {
      mutationKey: ['payg', 'createGeneration', { client: getClientScope(client) }],
      mutationFn: (request: GenerationRequest) => client.createGeneration(request),
      onSuccess: (job) => {
        const balanceKey = balanceQueryOptions(client).queryKey
        const before = queryClient.getQueryData(balanceKey)
        const after = before === undefined ? undefined : applyCharge(before, job.cost)
        queryClient.setQueryData(balanceKey, after)
        queryClient.setQueryData(pauseQueryOptions(client).queryKey, null)
        // Crossing the auto top-up threshold makes the server top up: ask for the new balance and
        // the attempt's outcome now, once per crossing (the refetched balance is above it again).
        const threshold = before?.autoTopUpEnabled ? before.lowBalanceThreshold : null
        const crossed =
          threshold !== null &&
          before !== undefined &&
          after !== undefined &&
          compare(before.balance, threshold) >= 0 &&
          compare(after.balance, threshold) < 0
        // Otherwise mark stale without refetching now: many generations in a row must not become
        // a request storm. The next mount, focus or poll reconciles with the server.
        const refetchType = crossed ? 'active' : 'none'
        return Promise.all([
          queryClient.invalidateQueries({ queryKey: balanceKey, refetchType }),
          queryClient.invalidateQueries({ queryKey: paygKeys.autoTopUp(client), refetchType }),
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
