'use client'
import type { AutoTopUpInput, AutoTopUpResult } from '@payg-kit/core'
import { type UseMutationResult, useMutation } from '@tanstack/react-query'
import { getClientScope } from './getClientScope'
import { sendNowOrNot } from './sendNowOrNot'
import { usePaygContext } from './usePaygContext'
import { writeAutoTopUpResult } from './writeAutoTopUpResult'

/** Saves auto top-up settings (whole dollars); the settings and balance on screen update from the answer. */
export function useUpdateAutoTopUp(): UseMutationResult<AutoTopUpResult, Error, AutoTopUpInput> {
  const { client, queryClient } = usePaygContext('useUpdateAutoTopUp')
  return useMutation(
    {
      mutationKey: ['payg', 'autoTopUp', { client: getClientScope(client) }],
      // Saving may charge at once: sent now or not at all, never queued while offline.
      ...sendNowOrNot((input: AutoTopUpInput) => client.updateAutoTopUp(input)),
      onSuccess: (result) => writeAutoTopUpResult(queryClient, client, result),
    },
    queryClient,
  )
}
