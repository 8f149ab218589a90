import type { PaygClient } from '@payg-kit/core'
import { queryOptions } from '@tanstack/react-query'
import { paygKeys } from './paygKeys'

/** The saved payment method summary, or null; fresh for five minutes. */
export function paymentMethodQueryOptions(client: PaygClient) {
  return queryOptions({
    queryKey: paygKeys.paymentMethod(client),
    queryFn: ({ signal }) => client.getPaymentMethod({ signal }),
    staleTime: 300_000,
    // core already retries transient failures with backoff; a second layer would multiply them.
    retry: false,
  })
}
