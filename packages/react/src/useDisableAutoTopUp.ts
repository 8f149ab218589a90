'use client'
import type { AutoTopUpResult } from '@payg-kit/core'
import { type UseMutationResult, useMutation } from '@tanstack/react-query'
import { getClientScope } from './getClientScope'
import { usePaygContext } from './usePaygContext'
import { writeAutoTopUpResult } from './writeAutoTopUpResult'

/** Turns auto top-up off; the settings and balance on screen update from the answer. */
export function useDisableAutoTopUp(): UseMutationResult<AutoTopUpResult, Error, void> {
  const { client, queryClient } = usePaygContext('useDisableAutoTopUp')
  return useMutation(
    {
      mutationKey: ['payg', 'autoTopUp', { client: getClientScope(client) }],
      mutationFn: () => client.disableAutoTopUp(),
      onSuccess: (result) => writeAutoTopUpResult(queryClient, client, result),
    },
    queryClient,
  )
}
