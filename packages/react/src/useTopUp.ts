'use client'
import {
  createIdempotencyKey,
  PaymentDeclinedError,
  RateLimitError,
  type TopUpResult,
} from '@payg-kit/core'
import {
  type MutateOptions,
  onlineManager,
  type UseMutationResult,
  useMutation,
} from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import { getClientScope } from './getClientScope'
import { isRetryableError } from './isRetryableError'
import { assertOnline, isOffline, OfflineError } from './OfflineError'
import { paygKeys } from './paygKeys'
import { usePaygContext } from './usePaygContext'
import { writeBalance } from './writeBalance'

/** What `useTopUp().mutate` takes: whole dollars, and optionally your own idempotency key. */
export interface TopUpVariables {
  amount: number
  /** Normally left out: the hook keeps one key per intent and reuses it on every retry. */
  idempotencyKey?: string
}

/**
 * What is known of a top-up whose answer was lost: `checking` while it is looked up by its
 * idempotency key, `unknown` when that failed too (it may have been charged), else null.
 */
export type TopUpOutcome = 'checking' | 'unknown' | null

/** `useTopUp`'s result: a React Query mutation whose `mutate` cannot submit the same top-up twice. */
export type UseTopUpResult = Omit<
  UseMutationResult<TopUpResult, Error, TopUpVariables>,
  'mutate' | 'mutateAsync'
> & {
  /** Starts a top-up; while one is pending, further calls do nothing. */
  mutate: (
    variables: TopUpVariables,
    options?: MutateOptions<TopUpResult, Error, TopUpVariables>,
  ) => void
  /** Starts a top-up; while one is pending, further calls return the pending promise. */
  mutateAsync: (
    variables: TopUpVariables,
    options?: MutateOptions<TopUpResult, Error, TopUpVariables>,
  ) => Promise<TopUpResult>
  /** The key of the current intent: kept after a retryable failure, cleared after success. */
  idempotencyKey: string | null
  /** Whether a lost answer is being looked up (`checking`) or could not be (`unknown`). */
  outcome: TopUpOutcome
  /** Asks again what became of a top-up whose outcome is `unknown`; sends no new payment. */
  lookUp: () => Promise<TopUpResult>
}

/** One intent: the amount and the key it is sent with, until it succeeds or fails for good. */
interface Intent {
  amount: number
  key: string
  /** Set when its answer was lost and no lookup has told what became of it yet. */
  lost: Error | null
}

/** Whether a failed top-up may have been charged: the request may have reached the server. */
function mayHaveCharged(error: unknown): boolean {
  return (
    isRetryableError(error) && !(error instanceof OfflineError || error instanceof RateLimitError)
  )
}

/**
 * Adds credit (whole dollars). A second submit while one is pending is not sent, and a retry
 * after a network error or 5xx reuses the same idempotency key, so a top-up charges once. When
 * the answer is lost, the top-up is looked up by its key (`outcome` is `checking`) and the
 * mutation settles with what really happened; until that is known no other amount is sent (an
 * outcome left unknown while offline is looked up on reconnect).
 * Offline, nothing is sent or queued: it fails at once with an `OfflineError`. On success the
 * new balance goes into the cache (a replayed answer refetches it instead) and the ledger is
 * refreshed.
 *
 * @example
 * function AddTwenty() {
 *   const topUp = useTopUp()
 *   return (
 *     <button type="button" disabled={topUp.isPending} onClick={() => topUp.mutate({ amount: 20 })}>
 *       Add $20
 *     </button>
 *   )
 * }
 */
export function useTopUp(): UseTopUpResult {
  const { client, queryClient } = usePaygContext('useTopUp')
  const intent = useRef<Intent | null>(null)
  const pending = useRef<Promise<TopUpResult> | null>(null)
  // Set for one run of the mutation by `lookUp`: look the lost top-up up, send nothing.
  const lookUpOnly = useRef(false)
  const [outcome, setOutcome] = useState<TopUpOutcome>(null)

  /** What became of the intent's top-up: its result, or null when none was made. */
  const find = async (current: Intent): Promise<TopUpResult | null> => {
    let found: Awaited<ReturnType<typeof client.getTopUp>>
    try {
      // Offline, the lookup cannot answer: it runs once the device is back online.
      if (isOffline()) throw new OfflineError()
      setOutcome('checking')
      found = await client.getTopUp(current.key)
    } catch {
      setOutcome('unknown')
      throw current.lost ?? new Error('[payg-kit] The top-up could not be looked up.')
    }
    current.lost = null
    setOutcome(null)
    if (found === null) return null
    if (found.topUp.status === 'DECLINED') {
      throw new PaymentDeclinedError({
        message: 'Your card was declined.',
        details: { topUpId: found.topUp.id },
      })
    }
    // The lookup's balance is the balance now, so it is safe to write.
    return { ...found, idempotencyKey: current.key, replayed: false }
  }

  const mutation = useMutation(
    {
      mutationKey: ['payg', 'topUp', { client: getClientScope(client) }],
      // A payment is sent now or not at all: offline it fails at once instead of being queued.
      networkMode: 'always',
      mutationFn: async (variables: TopUpVariables): Promise<TopUpResult> => {
        let send = variables
        const only = lookUpOnly.current
        lookUpOnly.current = false
        const current = intent.current
        if (current?.lost) {
          // The last answer was lost: first learn what became of that top-up (offline, it stays
          // unknown: saying nothing was sent would not be true of the lost one).
          const lost = current.lost
          const found = await find(current)
          if (found) return found
          if (only) throw lost
          if (send.amount !== current.amount) {
            // Nothing was charged: the new amount is a new intent.
            const next = { amount: send.amount, key: createIdempotencyKey(), lost: null }
            intent.current = next
            send = { amount: next.amount, idempotencyKey: next.key }
          }
        }
        assertOnline()
        try {
          return await client.topUp(send)
        } catch (error) {
          const sent = intent.current
          if (!mayHaveCharged(error) || !sent || sent.key !== send.idempotencyKey) throw error
          sent.lost = error instanceof Error ? error : new Error(String(error))
          const found = await find(sent)
          if (found) return found
          throw error
        }
      },
      onSuccess: (result) => {
        // A replay carries the balance of back then: refetch it rather than write it.
        if (result.replayed) {
          void queryClient.invalidateQueries({ queryKey: paygKeys.balance(client), exact: true })
        } else {
          writeBalance(queryClient, client, result.balance)
        }
        return Promise.all([
          queryClient.invalidateQueries({ queryKey: paygKeys.transactions(client) }),
          queryClient.invalidateQueries({ queryKey: paygKeys.account(client) }),
        ])
      },
    },
    queryClient,
  )
  const start = mutation.mutateAsync

  const run = useCallback(
    (variables: TopUpVariables, options?: MutateOptions<TopUpResult, Error, TopUpVariables>) => {
      if (pending.current) return pending.current
      const current = intent.current
      let sent = variables
      if (current?.lost) {
        // Until the lost one is known, the intent stays the same: its key goes along.
        sent = { amount: variables.amount, idempotencyKey: current.key }
      } else {
        const key =
          variables.idempotencyKey ??
          (current !== null && current.amount === variables.amount
            ? current.key
            : createIdempotencyKey())
        intent.current = { amount: variables.amount, key, lost: null }
        sent = { amount: variables.amount, idempotencyKey: key }
      }
      const promise = start(sent, options)
      pending.current = promise
      promise.then(
        () => {
          intent.current = null
        },
        (error: unknown) => {
          if (!isRetryableError(error) && !intent.current?.lost) intent.current = null
        },
      )
      // Cleared only once the top-up has settled (after its onSuccess/onError callbacks ran).
      promise
        .finally(() => {
          if (pending.current === promise) pending.current = null
        })
        .catch(() => {})
      return promise
    },
    [start],
  )
  const mutateAsync = useCallback(
    (variables: TopUpVariables, options?: MutateOptions<TopUpResult, Error, TopUpVariables>) =>
      run(variables, options),
    [run],
  )
  const mutate = useCallback(
    (variables: TopUpVariables, options?: MutateOptions<TopUpResult, Error, TopUpVariables>) => {
      run(variables, options).catch(() => {})
    },
    [run],
  )
  const lookUp = useCallback(() => {
    const current = intent.current
    if (pending.current || !current?.lost) {
      return pending.current ?? Promise.reject(new Error('[payg-kit] No top-up to look up.'))
    }
    lookUpOnly.current = true
    return run({ amount: current.amount })
  }, [run])

  // An outcome left unknown for want of a network is looked up as soon as it is back.
  useEffect(
    () =>
      onlineManager.subscribe((online) => {
        if (online && intent.current?.lost && !pending.current) lookUp().catch(() => {})
      }),
    [lookUp],
  )

  const finished =
    mutation.status === 'success' ||
    (mutation.status === 'error' && !isRetryableError(mutation.error) && outcome !== 'unknown')
  const idempotencyKey = finished ? null : (mutation.variables?.idempotencyKey ?? null)
  return { ...mutation, mutate, mutateAsync, idempotencyKey, outcome, lookUp }
}
