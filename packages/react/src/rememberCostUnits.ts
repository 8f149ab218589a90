import type { Money, PaygClient } from '@payg-kit/core'
import type { QueryClient } from '@tanstack/react-query'
import { getClientScope } from './getClientScope'
import { paygKeys } from './paygKeys'

/**
 * Internal: while subscribed, every successful kit mutation of `client` whose result carries a
 * `cost` (a job) writes that cost's unit to `paygKeys.costUnit`. Returns the unsubscribe.
 */
export function rememberCostUnits(queryClient: QueryClient, client: PaygClient): () => void {
  return queryClient.getMutationCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'success') return
    const key = event.mutation.options.mutationKey
    const unit = (event.action.data as { cost?: Partial<Money> } | null)?.cost?.unit
    if (
      key?.[0] === 'payg' &&
      (key[2] as { client?: unknown } | undefined)?.client === getClientScope(client) &&
      (unit === 'USD' || unit === 'CREDITS')
    ) {
      queryClient.setQueryData(paygKeys.costUnit(client), unit)
    }
  })
}
