import { createPaygClient, type PaygClient } from '@payg-kit/core'
import { createPaygMock } from '@payg-kit/msw'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { cleanup, render, renderHook, screen } from '@testing-library/react'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, onTestFinished, test, vi } from 'vitest'
import { TEST_NOW } from '../../../test/clock'
import { balanceQueryOptions } from './balanceQueryOptions'
import { PaygProvider } from './PaygProvider'
import { useBalance } from './useBalance'
import { useCostEstimate } from './useCostEstimate'
import { usePaygMessages } from './usePaygMessages'
import { useTopUp } from './useTopUp'

const low = createPaygMock({ now: TEST_NOW, scenario: 'lowBalance' })
const other = createPaygMock({
  now: TEST_NOW,
  scenario: 'newAccount',
  baseUrl: 'https://other.example/api',
})
const server = setupServer(...low.handlers, ...other.handlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
  server.resetHandlers()
  low.reset()
  other.reset()
})
afterAll(() => server.close())

// React 18 re-dispatches render errors as window 'error' events, which jsdom prints; the tests
// that expect a throw silence them (and React's console.error) for their duration.
function expectingRenderErrors() {
  vi.spyOn(console, 'error').mockImplementation(() => {})
  const silence = (event: ErrorEvent) => event.preventDefault()
  window.addEventListener('error', silence)
  onTestFinished(() => window.removeEventListener('error', silence))
}

function Balance({ label = 'balance' }: { label?: string }) {
  const { data } = useBalance()
  return <p>{`${label}: ${data?.balance.amount ?? 'loading'}`}</p>
}

describe('PaygProvider', () => {
  test.each<[string, () => unknown]>([
    ['useBalance', () => useBalance()],
    ['useTopUp', () => useTopUp()],
    ['useCostEstimate', () => useCostEstimate(null)],
  ])('%s() outside the provider throws an error naming the hook and the provider', (name, hook) => {
    expectingRenderErrors()
    expect(() => renderHook(hook)).toThrow(
      `[payg-kit] ${name}() must be used inside <PaygProvider>. Wrap the part of your app that calls ${name}() in <PaygProvider client={...}>.`,
    )
  })

  test('creates the client once from options, and its own QueryClient', async () => {
    const view = render(
      <PaygProvider options={{ retry: false }}>
        <Balance />
      </PaygProvider>,
    )
    await screen.findByText('balance: 2.4567')
    view.rerender(
      <PaygProvider options={{ retry: false }}>
        <Balance />
        <Balance label="again" />
      </PaygProvider>,
    )
    // Same client, same cache: the second widget is served without a request.
    expect(screen.getByText('again: 2.4567')).toBeTruthy()
    expect(low.requestCount('getBalance')).toBe(1)
  })

  test("uses the app's QueryClientProvider when no QueryClient is passed", async () => {
    const appQueryClient = new QueryClient()
    const client = createPaygClient({ retry: false })
    render(
      <QueryClientProvider client={appQueryClient}>
        <PaygProvider client={client}>
          <Balance />
        </PaygProvider>
      </QueryClientProvider>,
    )
    await screen.findByText('balance: 2.4567')
    expect(appQueryClient.getQueryData(balanceQueryOptions(client).queryKey)?.balance.amount).toBe(
      '2.4567',
    )
  })

  test('a passed QueryClient wins over the app one', async () => {
    const appQueryClient = new QueryClient()
    const paygQueryClient = new QueryClient()
    const client = createPaygClient({ retry: false })
    render(
      <QueryClientProvider client={appQueryClient}>
        <PaygProvider client={client} queryClient={paygQueryClient}>
          <Balance />
        </PaygProvider>
      </QueryClientProvider>,
    )
    await screen.findByText('balance: 2.4567')
    expect(paygQueryClient.getQueryData(balanceQueryOptions(client).queryKey)).toBeDefined()
    expect(appQueryClient.getQueryCache().getAll()).toHaveLength(0)
  })

  test('two providers with different clients never share cache entries', async () => {
    const shared = new QueryClient()
    const clients: PaygClient[] = [
      createPaygClient({ retry: false }),
      createPaygClient({ retry: false, baseUrl: 'https://other.example/api' }),
    ]
    render(
      <QueryClientProvider client={shared}>
        <PaygProvider client={clients[0] as PaygClient}>
          <Balance label="first" />
        </PaygProvider>
        <PaygProvider client={clients[1] as PaygClient}>
          <Balance label="second" />
        </PaygProvider>
      </QueryClientProvider>,
    )
    await screen.findByText('first: 2.4567')
    await screen.findByText('second: 5')
    expect(low.requestCount('getBalance')).toBe(1)
    expect(other.requestCount('getBalance')).toBe(1)
    expect(shared.getQueryCache().findAll({ queryKey: ['payg', 'balance'] })).toHaveLength(2)
  })

  test('passes the locale and message overrides to usePaygMessages', () => {
    const { result } = renderHook(() => usePaygMessages(), {
      wrapper: ({ children }) => (
        <PaygProvider
          client={createPaygClient()}
          locale="de-DE"
          messages={{ 'balance.label': 'Guthaben' }}
        >
          {children}
        </PaygProvider>
      ),
    })
    expect(result.current).toEqual({ locale: 'de-DE', messages: { 'balance.label': 'Guthaben' } })
  })

  test('says what it needs when given neither a client nor options', () => {
    expectingRenderErrors()
    const props = {} as { client: PaygClient }
    expect(() => render(<PaygProvider {...props} />)).toThrow(
      /\[payg-kit\] <PaygProvider> needs a `client` \(from createPaygClient\(\)\) or `options`/,
    )
    const notAClient = { client: { baseUrl: '/api' } } as unknown as { client: PaygClient }
    expect(() => render(<PaygProvider {...notAClient} />)).toThrow(
      '[payg-kit] <PaygProvider client={...}> expects a client made by createPaygClient() from @payg-kit/core.',
    )
  })
})
