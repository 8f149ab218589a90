// Against a real HTTP server on loopback that serves Leonardo's public API only (no /billing):
// the hooks find out once that the billing extension is absent, read the balance from /me in
// the account's own unit, and price, gate and pause as they do with the extension.
import { createPaygClient, type PricingRequest } from '@payg-kit/core'
import { QueryClient } from '@tanstack/react-query'
import { act, cleanup, render, screen, waitFor } from '@testing-library/react'
import type { ReactElement } from 'react'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { TEST_NOW } from '../../../test/clock'
import { type LeonardoOnlyServer, startLeonardoOnly } from '../../../test/leonardoOnlyServer'
import { closeServers, startUpstream } from '../../core/src/proxy/fixtures/loopback'
import { BillingExtensionGate } from './BillingExtensionGate'
import type { BillingMode } from './billingExtensionQueryOptions'
import { PaygProvider } from './PaygProvider'
import { useAutoTopUp } from './useAutoTopUp'
import { useBalance } from './useBalance'
import { useBillingExtension } from './useBillingExtension'
import { useCanAfford } from './useCanAfford'
import { useCostEstimate } from './useCostEstimate'
import { useCreateGeneration } from './useCreateGeneration'
import { usePaygStatus } from './usePaygStatus'
import { usePricing } from './usePricing'
import { useTransactions } from './useTransactions'
import { useUsage } from './useUsage'

let leonardo: LeonardoOnlyServer
let full: LeonardoOnlyServer
beforeAll(async () => {
  leonardo = await startLeonardoOnly({ now: TEST_NOW, scenario: 'lowBalance' })
  full = await startLeonardoOnly({ now: TEST_NOW, scenario: 'lowBalance', billingExtension: true })
})
afterEach(() => {
  cleanup()
  for (const server of [leonardo, full]) {
    server.mock.reset('lowBalance')
    server.seen.length = 0
  }
})
afterAll(async () => {
  await leonardo.close()
  await full.close()
})

// Leonardo Lightning XL with Alchemy, 4 images at 1024x1024: $0.048 or 40 credits in the mock.
const lightning: PricingRequest = {
  service: 'IMAGE_GENERATION',
  serviceParams: {
    IMAGE_GENERATION: {
      imageWidth: 1024,
      imageHeight: 1024,
      numImages: 4,
      alchemyMode: true,
      isSDXLLightning: true,
    },
  },
}

function renderAgainst(
  server: LeonardoOnlyServer,
  ui: ReactElement,
  billing: BillingMode = 'auto',
) {
  const client = createPaygClient({ baseUrl: server.url, retry: false })
  return render(
    <PaygProvider client={client} queryClient={new QueryClient()} billing={billing}>
      {ui}
    </PaygProvider>,
  )
}

function Balance({ name }: { name: string }) {
  const { data, error } = useBalance()
  if (error) return <p data-testid={name}>{`error: ${error.message}`}</p>
  if (!data) return <p data-testid={name}>loading</p>
  const shown = data.billingModel === 'SUBSCRIPTION' ? data.credits : data.balance
  return (
    <p data-testid={name}>{`${data.billingModel} ${shown?.amount} ${shown?.unit} ${data.state}`}</p>
  )
}

function Extension() {
  const { available, error } = useBillingExtension()
  return (
    <p>{`extension: ${available === undefined ? '?' : available}${error ? ' after an error' : ''}`}</p>
  )
}

function Estimate() {
  const { data } = useCostEstimate(lightning, { debounceMs: 0 })
  return <p>{data ? `estimate ${data.amount} ${data.unit}` : 'estimating'}</p>
}

function Afford() {
  const { canAfford, balance, cost } = useCanAfford(lightning, { debounceMs: 0 })
  if (canAfford === undefined) return <p>checking</p>
  return (
    <p>{`${canAfford ? 'affordable' : 'too expensive'}: ${cost?.amount} of ${balance?.amount} ${balance?.unit}`}</p>
  )
}

function Status() {
  const { state, isPaused } = usePaygStatus()
  return <p>{`status ${state ?? '?'}${isPaused ? ' paused' : ''}`}</p>
}

function Pricing() {
  const pricing = usePricing()
  return <p>{`pricing ${pricing.fetchStatus} ${pricing.data ? 'read' : 'none'}`}</p>
}

const Everything = () => (
  <>
    {['a', 'b', 'c', 'd', 'e'].map((name) => (
      <Balance key={name} name={name} />
    ))}
    <Extension />
    <Estimate />
    <Afford />
    <Status />
    <Pricing />
  </>
)

function Refresh() {
  const { data, refetch, isFetching } = useBalance()
  return (
    <button type="button" onClick={() => refetch()}>
      {data && !isFetching ? `refresh ${data.balance.amount}` : 'loading'}
    </button>
  )
}

function Generate() {
  const generate = useCreateGeneration()
  const { isPaused } = usePaygStatus()
  return (
    <button
      type="button"
      onClick={() => generate.mutate({ prompt: 'a fox', num_images: 4, width: 1024, height: 1024 })}
    >
      {isPaused ? 'paused' : generate.isError ? 'refused' : 'generate'}
    </button>
  )
}

function Job() {
  const generate = useCreateGeneration()
  const estimate = useCostEstimate(lightning, { debounceMs: 0 })
  return (
    <>
      <button
        type="button"
        onClick={() => generate.mutate({ prompt: 'a fox', num_images: 1, width: 512, height: 512 })}
      >
        {generate.data ? `cost ${generate.data.cost.unit}` : 'generate'}
      </button>
      <p>
        {estimate.data ? `estimate ${estimate.data.amount} ${estimate.data.unit}` : 'estimating'}
      </p>
    </>
  )
}

function ExtensionReads({ name }: { name: string }) {
  const autoTopUp = useAutoTopUp()
  const transactions = useTransactions()
  const usage = useUsage({ days: 7 })
  const done = [autoTopUp, transactions, usage].every((query) => query.isSuccess)
  return <p>{`${name} ${done ? 'read' : 'waiting'}`}</p>
}

const billingRequests = (server: LeonardoOnlyServer) =>
  server.seen.filter((line) => line.includes(' /billing'))

describe('without the billing extension (Leonardo only)', () => {
  test('a PAYG account: one probe, then /me in dollars; estimate, gate and status work', async () => {
    renderAgainst(leonardo, <Everything />)
    for (const name of ['a', 'b', 'c', 'd', 'e']) {
      expect(
        await screen.findByText('PAYG 2.4567 USD OK', { selector: `[data-testid=${name}]` }),
      ).toBeTruthy()
    }
    expect(await screen.findByText('extension: false')).toBeTruthy()
    expect(await screen.findByText('estimate 0.048 USD')).toBeTruthy()
    expect(await screen.findByText('affordable: 0.048 of 2.4567 USD')).toBeTruthy()
    expect(screen.getByText('status OK')).toBeTruthy()
    expect(screen.getByText('pricing idle none')).toBeTruthy()
    // Five balances, a probe, an estimate, a gate, a status and a price list: one 404 in all.
    expect(billingRequests(leonardo)).toEqual(['GET /billing/balance'])
    expect(leonardo.seen.filter((line) => line === 'GET /me')).toHaveLength(1)
  })

  test('a legacy plan: the balance and the estimate are credits, never dollars', async () => {
    leonardo.mock.reset('legacySubscription')
    renderAgainst(leonardo, <Everything />)
    expect(
      await screen.findByText('SUBSCRIPTION 24000 CREDITS OK', { selector: '[data-testid=a]' }),
    ).toBeTruthy()
    expect(await screen.findByText('estimate 40 CREDITS')).toBeTruthy()
    expect(await screen.findByText('affordable: 40 of 24000 CREDITS')).toBeTruthy()
    expect(billingRequests(leonardo)).toEqual(['GET /billing/balance'])
  })

  test("billing: 'none' never asks for /billing at all", async () => {
    renderAgainst(leonardo, <Everything />, 'none')
    expect(
      await screen.findByText('PAYG 2.4567 USD OK', { selector: '[data-testid=a]' }),
    ).toBeTruthy()
    expect(await screen.findByText('estimate 0.048 USD')).toBeTruthy()
    expect(screen.getByText('extension: false')).toBeTruthy()
    expect(billingRequests(leonardo)).toEqual([])
  })

  test("the extension's hooks inside a BillingExtensionGate ask nothing", async () => {
    renderAgainst(
      leonardo,
      <BillingExtensionGate>
        <ExtensionReads name="first" />
        <ExtensionReads name="second" />
        <Extension />
      </BillingExtensionGate>,
    )
    expect(await screen.findByText('extension: false')).toBeTruthy()
    expect(screen.getByText('first waiting')).toBeTruthy()
    expect(billingRequests(leonardo)).toEqual(['GET /billing/balance'])
  })

  test('a refresh after the probe goes straight to /me', async () => {
    const client = createPaygClient({ baseUrl: leonardo.url, retry: false })
    const queryClient = new QueryClient()
    render(
      <PaygProvider client={client} queryClient={queryClient}>
        <Refresh />
      </PaygProvider>,
    )
    const button = await screen.findByText('refresh 2.4567')
    await act(async () => button.click())
    await screen.findByText('refresh 2.4567')
    // From this test's probe on: a request the test before left in flight may land after the reset.
    const own = leonardo.seen.slice(leonardo.seen.indexOf('GET /billing/balance'))
    expect(own).toEqual(['GET /billing/balance', 'GET /me', 'GET /me'])
  })

  test('at zero the account is paused, and a refused generation pauses it too', async () => {
    leonardo.mock.reset('zeroBalance')
    renderAgainst(leonardo, <Status />)
    expect(await screen.findByText('status PAUSED paused')).toBeTruthy()
    cleanup()

    leonardo.mock.reset('lowBalance')
    renderAgainst(leonardo, <Generate />)
    const button = await screen.findByText('generate')
    leonardo.mock.state.setBalance('0')
    await act(async () => button.click())
    await waitFor(() => expect(screen.getByRole('button').textContent).toBe('paused'))
  })

  test("a job's cost.unit settles a unit /me leaves open: 63 whole tokens, no plan", async () => {
    // /me alone reads as PAYG (whole tokens, no plan fields); the job's answer says credits.
    const upstream = await startUpstream((req, res) => {
      res.setHeader('content-type', 'application/json')
      const path = req.url ?? ''
      if (path === '/me') {
        res.end(
          JSON.stringify({
            user_details: [
              {
                user: { id: 'u_1', username: 'pixel' },
                apiConcurrencySlots: 10,
                apiSubscriptionTokens: 0,
                apiPaidTokens: 63,
                apiPlanTokenRenewalDate: null,
              },
            ],
          }),
        )
      } else if (path === '/pricing-calculator') {
        res.end(JSON.stringify({ calculateProductionApiServiceCost: { cost: 40 } }))
      } else if (path === '/generations') {
        res.end(
          JSON.stringify({
            sdGenerationJob: { generationId: 'g_1', cost: { amount: '40', unit: 'CREDITS' } },
          }),
        )
      } else {
        res.statusCode = 404
        res.end(JSON.stringify({ error: 'not found' }))
      }
    })
    const client = createPaygClient({ baseUrl: upstream.url, retry: false })
    render(
      <PaygProvider client={client} queryClient={new QueryClient()}>
        <Job />
      </PaygProvider>,
    )
    expect(await screen.findByText('estimate 40 USD')).toBeTruthy()
    await act(async () => screen.getByText('generate').click())
    expect(await screen.findByText('cost CREDITS')).toBeTruthy()
    expect(await screen.findByText('estimate 40 CREDITS')).toBeTruthy()
    await closeServers()
  })
})

describe('with the billing extension', () => {
  test("the extension's hooks inside a BillingExtensionGate wait for the probe, then read", async () => {
    renderAgainst(
      full,
      <BillingExtensionGate>
        <ExtensionReads name="first" />
        <ExtensionReads name="second" />
      </BillingExtensionGate>,
    )
    expect(await screen.findByText('first read')).toBeTruthy()
    expect(await screen.findByText('second read')).toBeTruthy()
    const first = full.seen.indexOf('GET /billing/balance')
    expect(first).toBe(0)
    expect(full.seen.filter((line) => line.startsWith('GET /billing/transactions'))).toHaveLength(1)
  })

  test('a probe that fails for another reason than 404 concludes nothing: the next answer decides', async () => {
    full.mock.failNext('getBalance', { status: 500 })
    renderAgainst(full, <Extension />)
    expect(await screen.findByText('extension: ? after an error')).toBeTruthy()
    expect(full.seen).not.toContain('GET /me')
    cleanup()
    renderAgainst(full, <Extension />)
    expect(await screen.findByText('extension: true')).toBeTruthy()
  })

  test('a PAYG account reads /billing/balance in dollars, and prices in dollars', async () => {
    renderAgainst(full, <Everything />)
    expect(
      await screen.findByText('PAYG 2.4567 USD LOW', { selector: '[data-testid=a]' }),
    ).toBeTruthy()
    expect(await screen.findByText('extension: true')).toBeTruthy()
    expect(await screen.findByText('estimate 0.048 USD')).toBeTruthy()
    expect(await screen.findByText('pricing idle read')).toBeTruthy()
    expect(full.seen.filter((line) => line === 'GET /billing/balance')).toHaveLength(1)
    expect(full.seen).not.toContain('GET /me')
  })

  test('a legacy plan reads credits from the extension and prices in credits', async () => {
    full.mock.reset('legacySubscription')
    renderAgainst(full, <Everything />, 'extension')
    expect(
      await screen.findByText('SUBSCRIPTION 24000 CREDITS OK', { selector: '[data-testid=a]' }),
    ).toBeTruthy()
    expect(await screen.findByText('estimate 40 CREDITS')).toBeTruthy()
    expect(await screen.findByText('affordable: 40 of 24000 CREDITS')).toBeTruthy()
  })
})
