import type { Money, MoneyUnit, PaygClient } from '@payg-kit/core'
import type { QueryClient } from '@tanstack/react-query'
import { getClientScope } from './getClientScope'
import { paygKeys } from './paygKeys'

function unitOf(value: unknown): MoneyUnit | undefined {
  const unit = (value as Partial<Money> | null | undefined)?.unit
  return unit === 'USD' || unit === 'CREDITS' ? unit : undefined
}

/** The unit of the `cost` a mutation's result carries, at its top or one level down. */
function costUnit(data: unknown): MoneyUnit | undefined {
  if (typeof data !== 'object' || data === null) return undefined
  const record = data as Record<string, unknown>
  const own = unitOf(record.cost)
  if (own) return own
  for (const value of Object.values(record)) {
    if (typeof value === 'object' && value !== null) {
      const nested = unitOf((value as Record<string, unknown>).cost)
      if (nested) return nested
    }
  }
  return undefined
}

/**
 * Internal: while subscribed, every successful kit mutation of `client` whose result carries a
 * `cost` (a job) writes that cost's unit to `paygKeys.costUnit`. Returns the unsubscribe.
 */
export function rememberCostUnits(queryClient: QueryClient, client: PaygClient): () => void {
  const scope = getClientScope(client)
  return queryClient.getMutationCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'success') return
    const key = event.mutation.options.mutationKey
    if (key?.[0] !== 'payg' || (key[2] as { client?: unknown } | undefined)?.client !== scope) {
      return
    }
    const unit = costUnit(event.action.data)
    if (unit) queryClient.setQueryData(paygKeys.costUnit(client), unit)
  })
}
