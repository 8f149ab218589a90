'use client'
import type { PaymentMethodInfo } from '@payg-kit/core'
import { type UseQueryResult, useQuery } from '@tanstack/react-query'
import { paymentMethodQueryOptions } from './paymentMethodQueryOptions'
import { useExtensionReady } from './useBillingExtension'
import { usePaygContext } from './usePaygContext'

/** The saved payment method summary, or null when none is saved. */
export function usePaymentMethod(
  options: { enabled?: boolean } = {},
): UseQueryResult<PaymentMethodInfo | null, Error> {
  const { client, queryClient } = usePaygContext('usePaymentMethod')
  const ready = useExtensionReady()
  return useQuery(
    { ...paymentMethodQueryOptions(client), enabled: (options.enabled ?? true) && ready },
    queryClient,
  )
}
