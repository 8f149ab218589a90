// @vitest-environment node
import { createPaygClient } from '@payg-kit/core'
import { createPaygMock } from '@payg-kit/msw'
import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query'
import { setupServer } from 'msw/node'
import { renderToString } from 'react-dom/server'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { TEST_NOW } from '../../../test/clock'
import * as kit from './index'

const mock = createPaygMock({ now: TEST_NOW, scenario: 'lowBalance' })
const server = setupServer(...mock.handlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  mock.reset()
})
afterAll(() => server.close())

const request = {
  service: 'IMAGE_GENERATION',
  serviceParams: { IMAGE_GENERATION: { imageWidth: 512, imageHeight: 512, numImages: 4 } },
} as const

function Page() {
  const balance = kit.useBalance({ refetchInterval: 5_000 })
  const status = kit.usePaygStatus()
  const estimate = kit.useCostEstimate(request)
  const afford = kit.useCanAfford(request)
  const ledger = kit.useTransactions()
  const topUp = kit.useTopUp()
  const generation = kit.useCreateGeneration()
  const { locale } = kit.usePaygMessages()
  return (
    <main>
      <p>{balance.isPending ? 'balance loading' : `balance ${balance.data?.balance.amount}`}</p>
      <p>{`status ${status.state ?? 'unknown'}`}</p>
      <p>{estimate.isPending ? 'estimate loading' : 'estimate shown'}</p>
      <p>{afford.canAfford === undefined ? 'afford unknown' : 'afford known'}</p>
      <p>{ledger.isPending ? 'ledger loading' : 'ledger shown'}</p>
      <p>{`top-up ${topUp.status}, generation ${generation.status}, locale ${locale}`}</p>
    </main>
  )
}

describe('server rendering', () => {
  test('runs in node without a window', () => {
    expect(typeof window).toBe('undefined')
    expect(typeof document).toBe('undefined')
  })

  test('renders the provider and hooks to loading states, sending nothing', async () => {
    const html = renderToString(
      <kit.PaygProvider options={{ retry: false }} locale="en-GB">
        <Page />
      </kit.PaygProvider>,
    )
    expect(html).toContain('balance loading')
    expect(html).toContain('status unknown')
    expect(html).toContain('estimate loading')
    expect(html).toContain('afford unknown')
    expect(html).toContain('ledger loading')
    expect(html).toContain('top-up idle, generation idle, locale en-GB')
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(mock.requests).toHaveLength(0)
  })

  test('renders prefetched data with the same factories (dehydrate, HydrationBoundary)', async () => {
    const client = createPaygClient({ retry: false })
    const serverQueryClient = new QueryClient()
    await serverQueryClient.prefetchQuery(kit.balanceQueryOptions(client))
    const state = dehydrate(serverQueryClient)

    const html = renderToString(
      <kit.PaygProvider client={client} queryClient={new QueryClient()}>
        <HydrationBoundary state={state}>
          <Page />
        </HydrationBoundary>
      </kit.PaygProvider>,
    )
    expect(html).toContain('balance 2.4567')
    expect(html).toContain('status LOW')
    expect(mock.requestCount('getBalance')).toBe(1)
  })

  test("hydrates a server client's prefetch into the browser's client when both name the same scope", async () => {
    // The server reaches the API with its key; the browser reaches it through a proxy.
    const serverClient = createPaygClient({ apiKey: 'server-key', retry: false, scope: 'acme' })
    const serverQueryClient = new QueryClient()
    await serverQueryClient.prefetchQuery(kit.balanceQueryOptions(serverClient))
    // What crosses the wire: JSON (money is a plain decimal string, so nothing is lost).
    const state = JSON.parse(JSON.stringify(dehydrate(serverQueryClient)))

    const render = (browserClient: ReturnType<typeof createPaygClient>) =>
      renderToString(
        <kit.PaygProvider client={browserClient} queryClient={new QueryClient()}>
          <HydrationBoundary state={state}>
            <Page />
          </HydrationBoundary>
        </kit.PaygProvider>,
      )
    const html = render(createPaygClient({ baseUrl: '/api/payg', retry: false, scope: 'acme' }))
    expect(html).toContain('balance 2.4567')
    // A client of another scope (or none) never reads it.
    expect(render(createPaygClient({ baseUrl: '/api/payg', retry: false }))).toContain(
      'balance loading',
    )
    expect(render(createPaygClient({ retry: false, scope: 'other' }))).toContain('balance loading')
    expect(mock.requestCount('getBalance')).toBe(1)
  })
})
