import { type BalanceInfo, createPaygClient } from '@payg-kit/core'
import { createPaygMock } from '@payg-kit/msw'
import { QueryClient, useSuspenseQuery } from '@tanstack/react-query'
import { cleanup, screen } from '@testing-library/react'
import { setupServer } from 'msw/node'
import { Suspense } from 'react'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { TEST_NOW } from '../../../test/clock'
import { balanceQueryOptions } from './balanceQueryOptions'
import { costEstimateQueryOptions } from './costEstimateQueryOptions'
import { paygKeys } from './paygKeys'
import { renderWithPayg } from './test/renderWithPayg'
import { transactionsQueryOptions } from './transactionsQueryOptions'
import { useBalance } from './useBalance'
import { usePaygContext } from './usePaygContext'

const mock = createPaygMock({ now: TEST_NOW, scenario: 'lowBalance' })
const server = setupServer(...mock.handlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  cleanup()
  server.resetHandlers()
  mock.reset()
})
afterAll(() => server.close())

function SuspenseBalance() {
  const { client: fromContext } = usePaygContext('SuspenseBalance')
  const { data } = useSuspenseQuery(balanceQueryOptions(fromContext))
  return <p>{`suspense ${data.balance.amount}`}</p>
}

function HookBalance() {
  const { data } = useBalance()
  return <p>{`hook ${data?.balance.amount ?? 'loading'}`}</p>
}

describe('queryOptions factories', () => {
  test('prefetchQuery fills the cache that useSuspenseQuery and useBalance read', async () => {
    const client = createPaygClient({ retry: false })
    const queryClient = new QueryClient()
    await queryClient.prefetchQuery(balanceQueryOptions(client))
    await queryClient.prefetchInfiniteQuery(transactionsQueryOptions(client, { limit: 3 }))
    expect(mock.requestCount('getBalance')).toBe(1)

    renderWithPayg(
      <Suspense fallback={<p>suspended</p>}>
        <SuspenseBalance />
        <HookBalance />
      </Suspense>,
      { client, queryClient },
    )
    expect(screen.getByText('suspense 2.4567')).toBeTruthy()
    expect(screen.getByText('hook 2.4567')).toBeTruthy()
    expect(mock.requestCount('getBalance')).toBe(1)
    expect(
      queryClient.getQueryData(transactionsQueryOptions(client, { limit: 3 }).queryKey)?.pages[0]
        ?.data,
    ).toHaveLength(3)
  })

  test('setQueryData with a factory key shows on every hook without a request', async () => {
    const client = createPaygClient({ retry: false })
    const queryClient = new QueryClient()
    const seeded: BalanceInfo = {
      balance: { amount: '42', unit: 'USD' },
      credits: null,
      billingModel: 'PAYG',
      state: 'OK',
      lowBalanceThreshold: null,
      autoTopUpEnabled: false,
      updatedAt: new Date().toISOString(),
    }
    queryClient.setQueryData(balanceQueryOptions(client).queryKey, seeded)
    renderWithPayg(<HookBalance />, { client, queryClient })
    expect(screen.getByText('hook 42')).toBeTruthy()
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(mock.requestCount('getBalance')).toBe(0)
  })

  test('keys are [payg, resource, params], scoped per client, with normalised estimate params', () => {
    const a = createPaygClient()
    const b = createPaygClient()
    expect(paygKeys.balance(a)).toEqual(['payg', 'balance', { client: expect.any(String) }])
    expect(paygKeys.balance(a)).toEqual(paygKeys.balance(a))
    expect(paygKeys.balance(a)).not.toEqual(paygKeys.balance(b))
    expect(paygKeys.transactions(a, { type: 'USAGE', limit: undefined })[2]).toEqual({
      client: paygKeys.balance(a)[2].client,
      type: 'USAGE',
    })
    const one = costEstimateQueryOptions(a, {
      service: 'IMAGE_GENERATION',
      serviceParams: {
        IMAGE_GENERATION: { numImages: 2, imageWidth: 512 },
        UNIVERSAL_UPSCALER: { megapixel: 5 },
      },
    }).queryKey
    const two = costEstimateQueryOptions(a, {
      serviceParams: { IMAGE_GENERATION: { imageWidth: 512, numImages: 2 } },
      service: 'IMAGE_GENERATION',
    }).queryKey
    expect(JSON.stringify(one)).toBe(JSON.stringify(two))
  })
})
