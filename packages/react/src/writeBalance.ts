import type { BalanceInfo, PaygClient } from '@payg-kit/core'
import type { QueryClient } from '@tanstack/react-query'
import { balanceQueryOptions } from './balanceQueryOptions'
import { pauseQueryOptions } from './pauseQueryOptions'

/**
 * Puts a balance the server just returned (from a top-up, an auto top-up change, a migration)
 * into the cache, so every balance on screen shows it without a refetch. A balance that is no
 * longer PAUSED lifts the pause. A balance older than the cached one (by `updatedAt`, e.g. an
 * answer replayed from the server's idempotency store) is never written over it: the cached
 * balance is refetched instead. Returns whether it was written.
 */
export function writeBalance(
  queryClient: QueryClient,
  client: PaygClient,
  balance: BalanceInfo,
): boolean {
  const { queryKey } = balanceQueryOptions(client)
  const cached = queryClient.getQueryData(queryKey)
  if (cached !== undefined && isOlder(balance, cached)) {
    void queryClient.invalidateQueries({ queryKey, exact: true })
    return false
  }
  queryClient.setQueryData(queryKey, balance)
  if (balance.state !== 'PAUSED') queryClient.setQueryData(pauseQueryOptions(client).queryKey, null)
  return true
}

/** Whether `a` was true before `b`, by their `updatedAt`; unreadable dates are not compared. */
function isOlder(a: BalanceInfo, b: BalanceInfo): boolean {
  const before = Date.parse(a.updatedAt)
  const after = Date.parse(b.updatedAt)
  return Number.isFinite(before) && Number.isFinite(after) && before < after
}
