'use client'
import { createIdempotencyKey, isPaygError, type MigrationResultInfo } from '@payg-kit/core'
import { type MutateOptions, type UseMutationResult, useMutation } from '@tanstack/react-query'
import { useCallback, useRef } from 'react'
import { balanceQueryOptions } from './balanceQueryOptions'
import { getClientScope } from './getClientScope'
import { isRetryableError } from './isRetryableError'
import { paygKeys } from './paygKeys'
import { sendNowOrNot } from './sendNowOrNot'
import { subscriptionQueryOptions } from './subscriptionQueryOptions'
import { usePaygContext } from './usePaygContext'
import { writeBalance } from './writeBalance'

type MigrateOptions = MutateOptions<MigrationResultInfo, Error, void>

/** `useMigrateToPayg`'s result: a mutation whose `mutate` cannot migrate twice. */
export type UseMigrateToPaygResult = Omit<
  UseMutationResult<MigrationResultInfo, Error, void>,
  'mutate' | 'mutateAsync'
> & {
  /** Starts the migration; while one is pending, further calls do nothing. */
  mutate: (variables?: undefined, options?: MigrateOptions) => void
  /** Starts the migration; while one is pending, further calls return the pending promise. */
  mutateAsync: (variables?: undefined, options?: MigrateOptions) => Promise<MigrationResultInfo>
}

/**
 * Cancels the legacy plan and converts its remaining credits into a dollar balance. One
 * idempotency key per intent, kept across retries after a network error or 5xx, so a lost
 * answer never converts twice; a second call while one is pending is not sent. The
 * subscription and balance on screen update from the answer; an account that turns out to be
 * on pay-as-you-go already (409) is refetched.
 */
export function useMigrateToPayg(): UseMigrateToPaygResult {
  const { client, queryClient } = usePaygContext('useMigrateToPayg')
  const intent = useRef<string | null>(null)
  const pending = useRef<Promise<MigrationResultInfo> | null>(null)

  const mutation = useMutation(
    {
      mutationKey: ['payg', 'migrateToPayg', { client: getClientScope(client) }],
      // A payment is sent now or not at all: offline it fails at once instead of waiting.
      ...sendNowOrNot<void, MigrationResultInfo>(() => {
        intent.current ??= createIdempotencyKey()
        return client.migrateToPayg({ idempotencyKey: intent.current })
      }),
      onSuccess: (result) => {
        intent.current = null
        queryClient.setQueryData(subscriptionQueryOptions(client).queryKey, result.subscription)
        writeBalance(queryClient, client, result.balance)
        queryClient.removeQueries({ queryKey: paygKeys.migrationPreview(client) })
        return Promise.all([
          queryClient.invalidateQueries({ queryKey: paygKeys.transactions(client) }),
          queryClient.invalidateQueries({ queryKey: paygKeys.account(client) }),
        ])
      },
      onError: (error) => {
        if (!isRetryableError(error)) intent.current = null
        if (isPaygError(error) && error.code === 'ALREADY_ON_PAYG') {
          return Promise.all([
            queryClient.invalidateQueries({ queryKey: subscriptionQueryOptions(client).queryKey }),
            queryClient.invalidateQueries({ queryKey: balanceQueryOptions(client).queryKey }),
            queryClient.invalidateQueries({ queryKey: paygKeys.transactions(client) }),
            queryClient.invalidateQueries({ queryKey: paygKeys.account(client) }),
          ])
        }
        return undefined
      },
    },
    queryClient,
  )
  const start = mutation.mutateAsync

  const mutateAsync = useCallback(
    (_variables?: undefined, options?: MigrateOptions) => {
      if (pending.current) return pending.current
      const promise = start(undefined, options)
      pending.current = promise
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
    (variables?: undefined, options?: MigrateOptions) => {
      mutateAsync(variables, options).catch(() => {})
    },
    [mutateAsync],
  )
  return { ...mutation, mutate, mutateAsync }
}
