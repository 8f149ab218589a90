'use client'
import { compare, InsufficientBalanceError, type Money, type PaygClient } from '@payg-kit/core'
import type { QueryClient, UseMutationOptions } from '@tanstack/react-query'
import { applyCharge } from './applyCharge'
import { balanceQueryOptions } from './balanceQueryOptions'
import { getClientScope } from './getClientScope'
import { markPaused } from './markPaused'
import { pauseQueryOptions } from './pauseQueryOptions'
import { paygKeys } from './paygKeys'
import { sendNowOrNot } from './sendNowOrNot'

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
 * Internal: the mutation options of a write that charges (a generation, any job). On success
 * its cost is taken off the cached balance at once (dollars from dollars, credits from credits)
 * and the balance is marked stale, to be reconciled on its next fetch, or refetched at once when
 * the charge crossed the auto top-up threshold or its cost is unknown; a refusal for lack of
 * balance pauses the account for every hook. A balance read while other charges were unanswered
 * may or may not include them, so once the last is answered the balance is read again.
 */
export function chargeMutationOptions<TVariables, TResult>(
  client: PaygClient,
  queryClient: QueryClient,
  name: string,
  send: (variables: TVariables) => Promise<TResult>,
  costOf: (result: TResult) => Money | null,
): UseMutationOptions<TResult, Error, TVariables> {
  const balanceKey = balanceQueryOptions(client).queryKey

  /** One fewer unanswered charge; true when a balance read overlapped the finished burst. */
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

  return {
    mutationKey: ['payg', name, { client: getClientScope(client) }],
    // A charge is sent now or not at all, never queued while offline.
    ...sendNowOrNot(send),
    onMutate: () => {
      const burst = burstOf(queryClient, client)
      if (burst.unanswered === 0) burst.since = Date.now()
      burst.unanswered += 1
    },
    onSuccess: (result) => {
      const cost = costOf(result)
      const before = queryClient.getQueryData(balanceKey)
      const after = before === undefined || cost === null ? undefined : applyCharge(before, cost)
      const updatedAt = queryClient.getQueryState(balanceKey)?.dataUpdatedAt
      const reread = answered()
      if (after !== undefined) queryClient.setQueryData(balanceKey, after, { updatedAt })
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
      // Otherwise mark stale without refetching now: many charges in a row must not become a
      // request storm. The next mount, focus or poll reconciles with the server. A charge whose
      // cost the API did not name is read back at once.
      const refetchType = crossed || reread || cost === null ? 'active' : 'none'
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: balanceKey, refetchType }),
        queryClient.invalidateQueries({ queryKey: paygKeys.autoTopUp(client), refetchType }),
        queryClient.invalidateQueries({
          queryKey: paygKeys.transactions(client),
          refetchType: 'none',
        }),
      ]).then(() => undefined)
    },
    onError: (error) => {
      const reread = answered()
      if (error instanceof InsufficientBalanceError) markPaused(queryClient, client, error)
      return reread ? queryClient.invalidateQueries({ queryKey: balanceKey }) : undefined
    },
  }
}
