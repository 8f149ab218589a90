import type { InsufficientBalanceError, PaygClient } from '@payg-kit/core'
import type { QueryClient } from '@tanstack/react-query'
import { balanceQueryOptions } from './balanceQueryOptions'
import { pauseQueryOptions } from './pauseQueryOptions'
import type { PaygPause } from './types'

/**
 * Records a refusal for lack of balance (HTTP 402) where every hook sees it: the shared pause
 * flag, and the cached balance's state (and amount, when the server reported it).
 */
export function markPaused(
  queryClient: QueryClient,
  client: PaygClient,
  error: InsufficientBalanceError,
) {
  const reported = error.balance?.unit === 'USD' ? { ...error.balance, unit: 'USD' as const } : null
  const pause: PaygPause = {
    pausedAt: Date.now(),
    balance: error.balance,
    required: error.required,
  }
  queryClient.setQueryData(pauseQueryOptions(client).queryKey, pause)
  queryClient.setQueryData(balanceQueryOptions(client).queryKey, (old) =>
    old === undefined
      ? old
      : { ...old, balance: reported ?? old.balance, state: 'PAUSED' as const },
  )
}
