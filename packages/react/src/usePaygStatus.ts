'use client'
import { compare } from '@payg-kit/core'
import { useQuery } from '@tanstack/react-query'
import { balanceQueryOptions } from './balanceQueryOptions'
import { pauseQueryOptions } from './pauseQueryOptions'
import type { PaygStatus } from './types'
import { usePaygContext } from './usePaygContext'

/**
 * The account state every widget agrees on: OK, LOW, or PAUSED. A refusal for lack of balance
 * (HTTP 402) pauses it at once; credit added (a top-up, or a later balance above the refused one)
 * lifts the pause.
 */
export function usePaygStatus(): PaygStatus {
  const { client, queryClient, billing } = usePaygContext('usePaygStatus')
  const balance = useQuery(balanceQueryOptions(client, billing), queryClient)
  const { data: pause } = useQuery(pauseQueryOptions(client), queryClient)

  const info = balance.data
  let paused = info?.state === 'PAUSED'
  if (pause && !paused) {
    // A balance fetched after the refusal lifts it only if it shows credit was added since.
    const newer = info !== undefined && balance.dataUpdatedAt > pause.pausedAt
    // Compared in the refusal's own unit: dollars, or a legacy plan's credits.
    const now = pause.balance?.unit === 'USD' ? info?.balance : (info?.credits ?? undefined)
    const raised = pause.balance === null || (now !== undefined && compare(now, pause.balance) > 0)
    paused = !(newer && raised)
  }
  const state = paused ? 'PAUSED' : info?.state
  return { state, isPaused: paused, isLow: state === 'LOW', pause: paused ? pause : null }
}
