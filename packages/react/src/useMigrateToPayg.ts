'use client'
import type { MigrationResultInfo } from '@payg-kit/core'
import { type UseMutationResult, useMutation } from '@tanstack/react-query'
import { getClientScope } from './getClientScope'
import { paygKeys } from './paygKeys'
import { subscriptionQueryOptions } from './subscriptionQueryOptions'
import { usePaygContext } from './usePaygContext'
import { writeBalance } from './writeBalance'

/**
 * Cancels the legacy plan and converts its remaining credits into a dollar balance (core
 * retries it under one idempotency key). The subscription and balance on screen update from
 * the answer.
 */
export function useMigrateToPayg(): UseMutationResult<MigrationResultInfo, Error, void> {
  const { client, queryClient } = usePaygContext('useMigrateToPayg')
  return useMutation(
    {
      mutationKey: ['payg', 'migrateToPayg', { client: getClientScope(client) }],
      mutationFn: () => client.migrateToPayg(),
      onSuccess: (result) => {
        queryClient.setQueryData(subscriptionQueryOptions(client).queryKey, result.subscription)
        writeBalance(queryClient, client, result.balance)
        queryClient.removeQueries({ queryKey: paygKeys.migrationPreview(client) })
        return Promise.all([
          queryClient.invalidateQueries({ queryKey: paygKeys.transactions(client) }),
          queryClient.invalidateQueries({ queryKey: paygKeys.account(client) }),
        ])
      },
    },
    queryClient,
  )
}
