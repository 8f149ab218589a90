import {
  type BalanceInfo,
  balanceFromAccount,
  NotFoundError,
  type PaygClient,
} from '@payg-kit/core'
import { queryOptions } from '@tanstack/react-query'
import { type BillingMode, recordBillingExtension } from './billingExtensionQueryOptions'
import { paygKeys } from './paygKeys'

/**
 * The balance and account state; fresh for 30 s. From `GET /billing/balance` where the API has
 * the billing extension, otherwise from Leonardo's `GET /me` (`balanceFromAccount`). With
 * `billing: 'auto'` (the default) the first request finds out which, and the answer is kept in
 * the cache (`paygKeys.billing`) so later requests go straight to the right one.
 */
export function balanceQueryOptions(client: PaygClient, billing: BillingMode = 'auto') {
  return queryOptions({
    queryKey: paygKeys.balance(client),
    queryFn: async ({ signal, client: queryClient }): Promise<BalanceInfo> => {
      const known =
        billing === 'auto'
          ? queryClient.getQueryData<boolean>(paygKeys.billing(client))
          : billing === 'extension'
      if (known !== false) {
        try {
          const info = await client.getBalance({ signal })
          if (known === undefined) recordBillingExtension(queryClient, client, true)
          return info
        } catch (error) {
          if (known || !(error instanceof NotFoundError)) throw error
          recordBillingExtension(queryClient, client, false)
        }
      }
      return balanceFromAccount(await client.getAccount({ signal }), new Date().toISOString())
    },
    staleTime: 30_000,
    // core already retries transient failures with backoff; a second layer would multiply them.
    retry: false,
  })
}
