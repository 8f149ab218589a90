import { type BalanceInfo, createPaygClient, usd } from '@payg-kit/core'
import { QueryClient } from '@tanstack/react-query'
import { describe, expect, test } from 'vitest'
import { paygKeys } from './paygKeys'
import { writeBalance } from './writeBalance'

const client = createPaygClient({ retry: false })
const balance = (amount: string, updatedAt: string, state: BalanceInfo['state'] = 'OK') =>
  ({
    balance: usd(amount),
    credits: null,
    billingModel: 'PAYG',
    state,
    lowBalanceThreshold: null,
    autoTopUpEnabled: false,
    updatedAt,
  }) satisfies BalanceInfo

function cacheWith(info: BalanceInfo) {
  const queryClient = new QueryClient()
  queryClient.setQueryData(paygKeys.balance(client), info)
  const pause = { pausedAt: 1, balance: null, required: null }
  queryClient.setQueryData(paygKeys.status(client), pause)
  return { queryClient, pause }
}

describe('writeBalance', () => {
  test('writes a newer balance and lifts the pause', () => {
    const { queryClient } = cacheWith(balance('0', '2025-06-01T12:00:00Z', 'PAUSED'))
    const next = balance('20', '2025-06-01T12:05:00Z')
    expect(writeBalance(queryClient, client, next)).toBe(true)
    expect(queryClient.getQueryData(paygKeys.balance(client))).toEqual(next)
    expect(queryClient.getQueryData(paygKeys.status(client))).toBeNull()
  })

  test('never writes an older balance over a newer one, and leaves the pause', () => {
    const newer = balance('0', '2025-06-01T12:05:00Z', 'PAUSED')
    const { queryClient, pause } = cacheWith(newer)
    expect(writeBalance(queryClient, client, balance('20', '2025-06-01T12:00:00Z'))).toBe(false)
    expect(queryClient.getQueryData(paygKeys.balance(client))).toBe(newer)
    expect(queryClient.getQueryData(paygKeys.status(client))).toBe(pause)
    expect(queryClient.getQueryState(paygKeys.balance(client))?.isInvalidated).toBe(true)
  })

  test('writes into an empty cache', () => {
    const queryClient = new QueryClient()
    const next = balance('5', '2025-06-01T12:00:00Z')
    expect(writeBalance(queryClient, client, next)).toBe(true)
    expect(queryClient.getQueryData(paygKeys.balance(client))).toEqual(next)
  })
})
