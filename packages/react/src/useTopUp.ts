'use client'
import { createIdempotencyKey, type TopUpResult } from '@payg-kit/core'
import { type MutateOptions, type UseMutationResult, useMutation } from '@tanstack/react-query'
import { useCallback, useRef } from 'react'
import { getClientScope } from './getClientScope'
import { isRetryableError } from './isRetryableError'
import { paygKeys } from './paygKeys'
import { usePaygContext } from './usePaygContext'
import { writeBalance } from './writeBalance'

/** What `useTopUp().mutate` takes: whole dollars, and optionally your own idempotency key. */
export interface TopUpVariables {
  amount: number
  /** Normally left out: the hook keeps one key per intent and reuses it on every retry. */
  idempotencyKey?: string
}

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
}

/**
 * Adds credit (whole dollars). A second submit while one is pending is not sent, and a retry
 * after a network error or 5xx reuses the same idempotency key, so a top-up charges once. On
 * success the new balance goes straight into the cache and the ledger is refreshed.
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
  // One intent: the amount and the key it is sent with, until it succeeds or fails for good.
  const intent = useRef<{ amount: number; key: string } | null>(null)
  const pending = useRef<Promise<TopUpResult> | null>(null)

  const mutation = useMutation(
    {
      mutationKey: ['payg', 'topUp', { client: getClientScope(client) }],
      mutationFn: (variables: TopUpVariables) => client.topUp(variables),
      onSuccess: (result) => {
        writeBalance(queryClient, client, result.balance)
        return Promise.all([
          queryClient.invalidateQueries({ queryKey: paygKeys.transactions(client) }),
          queryClient.invalidateQueries({ queryKey: paygKeys.account(client) }),
        ])
      },
    },
    queryClient,
  )
  const start = mutation.mutateAsync

  const mutateAsync = useCallback(
    (variables: TopUpVariables, options?: MutateOptions<TopUpResult, Error, TopUpVariables>) => {
      if (pending.current) return pending.current
      const current = intent.current
      const key =
        variables.idempotencyKey ??
        (current !== null && current.amount === variables.amount
          ? current.key
          : createIdempotencyKey())
      intent.current = { amount: variables.amount, key }
      const promise = start({ amount: variables.amount, idempotencyKey: key }, options)
      pending.current = promise
      promise.then(
        () => {
          intent.current = null
        },
        (error: unknown) => {
          if (!isRetryableError(error)) intent.current = null
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
  const mutate = useCallback(
    (variables: TopUpVariables, options?: MutateOptions<TopUpResult, Error, TopUpVariables>) => {
      mutateAsync(variables, options).catch(() => {})
    },
    [mutateAsync],
  )

  const finished =
    mutation.status === 'success' ||
    (mutation.status === 'error' && !isRetryableError(mutation.error))
  const idempotencyKey = finished ? null : (mutation.variables?.idempotencyKey ?? null)
  return { ...mutation, mutate, mutateAsync, idempotencyKey }
}
