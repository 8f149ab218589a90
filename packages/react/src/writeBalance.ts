import type { BalanceInfo, PaygClient } from '@payg-kit/core'
import type { QueryClient } from '@tanstack/react-query'
import { balanceQueryOptions } from './balanceQueryOptions'
import { pauseQueryOptions } from './pauseQueryOptions'

/**
 * Puts a balance the server just returned (from a top-up, an auto top-up change, a migration)
 * into the cache, so every balance on screen shows it without a refetch. A balance that is no
 * longer PAUSED lifts the pause.
 */
export function writeBalance(queryClient: QueryClient, client: PaygClient, balance: BalanceInfo) {
  queryClient.setQueryData(balanceQueryOptions(client).queryKey, balance)
  if (balance.state !== 'PAUSED') queryClient.setQueryData(pauseQueryOptions(client).queryKey, null)
}
