import type { AutoTopUpResult, PaygClient } from '@payg-kit/core'
import type { QueryClient } from '@tanstack/react-query'
import { autoTopUpQueryOptions } from './autoTopUpQueryOptions'
import { paygKeys } from './paygKeys'
import { writeBalance } from './writeBalance'

/** Puts new auto top-up settings and the balance into the cache; refreshes the ledger if they charged. */
export function writeAutoTopUpResult(
  queryClient: QueryClient,
  client: PaygClient,
  result: AutoTopUpResult,
): Promise<unknown> {
  queryClient.setQueryData(autoTopUpQueryOptions(client).queryKey, result.autoTopUp)
  writeBalance(queryClient, client, result.balance)
  if (result.triggeredTopUp === null) return Promise.resolve()
  return queryClient.invalidateQueries({ queryKey: paygKeys.transactions(client) })
}
