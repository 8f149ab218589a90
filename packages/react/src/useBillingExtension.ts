'use client'
import { useQuery } from '@tanstack/react-query'
import { useContext } from 'react'
import { BillingGateContext } from './BillingExtensionGate'
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

/**
 * Internal: whether a hook of the billing extension may ask. Inside a `BillingExtensionGate`
 * (or with `always`) it waits for the probe, so an API without the extension sees one 404 and
 * not one per widget, then asks only if the extension is there or the probe failed for another
 * reason (the hook then shows its own error). Elsewhere it asks at once, as it is told.
 */
export function useExtensionReady(always = false): boolean {
  const gated = useContext(BillingGateContext) || always
  const { client, queryClient, billing } = usePaygContext('useExtensionReady')
  const probe = useQuery(
    { ...billingExtensionQueryOptions(client), enabled: gated && billing === 'auto' },
    queryClient,
  )
  if (!gated || billing === 'extension') return true
  return billing === 'auto' && (probe.data === true || probe.isError)
}
