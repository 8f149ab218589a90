import type { PaygClient } from '@payg-kit/core'
import { type QueryClient, queryOptions } from '@tanstack/react-query'
import { balanceQueryOptions } from './balanceQueryOptions'
import { paygKeys } from './paygKeys'

/**
 * Whether the API has the billing extension (`/billing/*`): `'auto'` finds out once, from the
 * first balance request; `'extension'` and `'none'` say so without asking.
 */
export type BillingMode = 'auto' | 'extension' | 'none'

/** Where Leonardo's API users manage billing (top-ups, auto top-up, invoices). */
export const LEONARDO_API_ACCESS_URL = 'https://app.leonardo.ai/api-access'

/**
 * Whether the API has the billing extension, found out once per client and cached for good. The
 * probe is the balance request itself (`balanceQueryOptions`), so finding out costs no request
 * of its own and a Leonardo-only API sees one 404, however many widgets ask.
 */
export function billingExtensionQueryOptions(client: PaygClient) {
  return queryOptions({
    queryKey: paygKeys.billing(client),
    queryFn: async ({ client: queryClient, queryKey }) => {
      await queryClient.fetchQuery(balanceQueryOptions(client))
      // The balance request records what it found; a balance already cached came from the extension.
      return queryClient.getQueryData<boolean>(queryKey) ?? true
    },
    staleTime: 'static',
    gcTime: Number.POSITIVE_INFINITY,
    retry: false,
  })
}

/** Internal: records what a balance request found, kept for good (the query is built with its gcTime). */
export function recordBillingExtension(
  queryClient: QueryClient,
  client: PaygClient,
  available: boolean,
): void {
  const queryKey = paygKeys.billing(client)
  queryClient.getQueryCache().build(queryClient, { queryKey, gcTime: Number.POSITIVE_INFINITY })
  queryClient.setQueryData(queryKey, available)
}
