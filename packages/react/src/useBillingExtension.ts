'use client'
import { useQuery } from '@tanstack/react-query'
import { billingExtensionQueryOptions } from './billingExtensionQueryOptions'
import { usePaygContext } from './usePaygContext'

/** `useBillingExtension`'s result. */
export interface UseBillingExtensionResult {
  /** Whether the API has the billing extension; undefined until found out. */
  available: boolean | undefined
  /** Why it could not be found out (the balance request failed for another reason than 404). */
  error: Error | null
  /** Where billing is managed without the extension (`PaygProvider`'s `apiAccessUrl`). */
  apiAccessUrl: string
}

/**
 * Whether the API has the billing extension (`/billing/*`), as `PaygProvider`'s `billing` says
 * or, with `'auto'`, as the first balance request found out: every caller shares that one answer.
 */
export function useBillingExtension(): UseBillingExtensionResult {
  const { client, queryClient, billing, apiAccessUrl } = usePaygContext('useBillingExtension')
  const auto = billing === 'auto'
  const probe = useQuery({ ...billingExtensionQueryOptions(client), enabled: auto }, queryClient)
  return {
    available: auto ? probe.data : billing === 'extension',
    error: auto ? probe.error : null,
    apiAccessUrl,
  }
}
