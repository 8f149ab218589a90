'use client'
import {
  compare,
  type GenerationJob,
  type GenerationRequest,
  InsufficientBalanceError,
  type PaygClient,
} from '@payg-kit/core'
import { type QueryClient, type UseMutationResult, useMutation } from '@tanstack/react-query'
import { applyCharge } from './applyCharge'
import { balanceQueryOptions } from './balanceQueryOptions'
import { getClientScope } from './getClientScope'
import { markPaused } from './markPaused'
import { pauseQueryOptions } from './pauseQueryOptions'
import { paygKeys } from './paygKeys'
import { sendNowOrNot } from './sendNowOrNot'
import { usePaygContext } from './usePaygContext'

/** Generations of one client sent and not yet answered, and whether a balance read overlapped. */
interface Burst {
  unanswered: number
  since: number
  overlapped: boolean
}
const bursts = new WeakMap<QueryClient, Map<string, Burst>>()

function burstOf(queryClient: QueryClient, client: PaygClient): Burst {
  let byScope = bursts.get(queryClient)
  if (byScope === undefined) {
    byScope = new Map()
    bursts.set(queryClient, byScope)
  }
  const scope = getClientScope(client)
  let burst = byScope.get(scope)
  if (burst === undefined) {
    burst = { unanswered: 0, since: 0, overlapped: false }
    byScope.set(scope, burst)
  }
  return burst
}

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
  const balanceKey = balanceQueryOptions(client).queryKey

  /** One fewer unanswered generation; true when a balance read overlapped the finished burst. */
  const answered = (): boolean => {
    const burst = burstOf(queryClient, client)
    burst.unanswered -= 1
    const query = queryClient.getQueryCache().find({ queryKey: balanceKey, exact: true })
    // A read that landed during the burst (charges write the cache keeping the time of the last
    // read), or one still under way, may have counted some charges and not others.
    if (query && (query.state.dataUpdatedAt >= burst.since || query.state.fetchStatus !== 'idle')) {
      burst.overlapped = true
    }
    const reread = burst.unanswered === 0 && burst.overlapped
    if (burst.unanswered === 0) burst.overlapped = false
    return reread
  }

  return useMutation(
    {
      mutationKey: ['payg', 'createGeneration', { client: getClientScope(client) }],
      // A generation is a charge: sent now or not at all, never queued while offline.
      ...sendNowOrNot((request: GenerationRequest) => client.createGeneration(request)),
      onMutate: () => {
        const burst = burstOf(queryClient, client)
        if (burst.unanswered === 0) burst.since = Date.now()
        burst.unanswered += 1
      },
      onSuccess: (job) => {
        const before = queryClient.getQueryData(balanceKey)
        const after = before === undefined ? undefined : applyCharge(before, job.cost)
        const updatedAt = queryClient.getQueryState(balanceKey)?.dataUpdatedAt
        const reread = answered()
        queryClient.setQueryData(balanceKey, after, { updatedAt })
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
        const refetchType = crossed || reread ? 'active' : 'none'
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
        const reread = answered()
        if (error instanceof InsufficientBalanceError) markPaused(queryClient, client, error)
        return reread ? queryClient.invalidateQueries({ queryKey: balanceKey }) : undefined
      },
    },
    queryClient,
  )
}
