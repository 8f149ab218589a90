'use client'
import type { AutoTopUpResult } from '@payg-kit/core'
import { type UseMutationResult, useMutation } from '@tanstack/react-query'
import { getClientScope } from './getClientScope'
import { sendNowOrNot } from './sendNowOrNot'
import { usePaygContext } from './usePaygContext'
import { writeAutoTopUpResult } from './writeAutoTopUpResult'

/** Turns auto top-up off (offline it fails at once: never queued); the screen updates from the answer. */
export function useDisableAutoTopUp(): UseMutationResult<AutoTopUpResult, Error, void> {
  const { client, queryClient } = usePaygContext('useDisableAutoTopUp')
  return useMutation(
    {
      mutationKey: ['payg', 'autoTopUp', { client: getClientScope(client) }],
      // Sent now or not at all, like every billing write: never queued while offline.
      ...sendNowOrNot<void, AutoTopUpResult>(() => client.disableAutoTopUp()),
      onSuccess: (result) => writeAutoTopUpResult(queryClient, client, result),
    },
    queryClient,
  )
}
