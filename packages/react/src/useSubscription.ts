'use client'
import type { SubscriptionInfo } from '@payg-kit/core'
import { type UseQueryResult, useQuery } from '@tanstack/react-query'
import { subscriptionQueryOptions } from './subscriptionQueryOptions'
import { useExtensionReady } from './useBillingExtension'
import { usePaygContext } from './usePaygContext'

/** Subscription state: PAYG, or a legacy plan with its remaining credits. */
export function useSubscription(
  options: { enabled?: boolean } = {},
): UseQueryResult<SubscriptionInfo, Error> {
  const { client, queryClient } = usePaygContext('useSubscription')
  const ready = useExtensionReady()
  return useQuery(
    { ...subscriptionQueryOptions(client), enabled: (options.enabled ?? true) && ready },
    queryClient,
  )
}
