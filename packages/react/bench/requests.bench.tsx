// Request counts at the mock, the kit against naive per-widget fetching, measured in one run.
// Run with `pnpm bench:react`. It prints figures; it is not a test.
import { createRequire } from 'node:module'
import type { ReactNode } from 'react'

// jsdom globals first: React DOM decides at import time whether it has a DOM. Node's own fetch
// stays in place, so msw/node intercepts every request.
interface JsdomWindow {
  document: Document
  navigator: Navigator
  close(): void
}
const require = createRequire(import.meta.url)
const { JSDOM } = require('jsdom') as {
  JSDOM: new (
    html: string,
    options: { url: string; pretendToBeVisual: boolean },
  ) => { window: JsdomWindow }
}
const dom = new JSDOM('<!doctype html><html><body></body></html>', {
  url: 'http://localhost/',
  pretendToBeVisual: true,
})
const globals = globalThis as Record<string, unknown>
globals.window = dom.window
globals.document = dom.window.document
if (globals.navigator === undefined) globals.navigator = dom.window.navigator
globals.IS_REACT_ACT_ENVIRONMENT = false

const { createElement, useEffect, useState } = await import('react')
const { createRoot } = await import('react-dom/client')
const { setupServer } = await import('msw/node')
const { QueryClient } = await import('@tanstack/react-query')
const { createPaygClient } = await import('@payg-kit/core')
const { createPaygMock, DEFAULT_BASE_URL } = await import('@payg-kit/msw')
const { PaygProvider, useBalance, useCostEstimate } = await import('../src/index')

const mock = createPaygMock({ scenario: 'healthy' })
const server = setupServer(...mock.handlers)
server.listen({ onUnhandledRequest: 'error' })

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
async function until(done: () => boolean, timeoutMs = 5_000) {
  const start = Date.now()
  while (!done()) {
    if (Date.now() - start > timeoutMs) throw new Error('bench: timed out waiting for the page')
    await sleep(5)
  }
}

/** Mounts `app`, runs `drive` (given a way to re-render), settles, unmounts, and counts at the mock. */
async function measure(
  operationId: 'getBalance' | 'pricingCalculator',
  render: (step: number) => ReactNode,
  drive: (rerender: (step: number) => void) => Promise<void>,
) {
  mock.reset()
  const container = document.createElement('div')
  document.body.append(container)
  const root = createRoot(container)
  root.render(render(0))
  await drive((step) => root.render(render(step)))
  await sleep(300)
  const count = mock.requestCount(operationId)
  root.unmount()
  container.remove()
  return count
}

// ----- 1. five balance widgets on one page --------------------------------------------------

function KitBalance() {
  const { data } = useBalance()
  return createElement('p', { className: 'balance' }, data ? data.balance.amount : 'loading')
}

function NaiveBalance() {
  const [amount, setAmount] = useState<string>()
  useEffect(() => {
    fetch(`${DEFAULT_BASE_URL}/billing/balance`)
      .then((response) => response.json())
      .then((body: { balance: string }) => setAmount(String(body.balance)))
  }, [])
  return createElement('p', { className: 'balance' }, amount ?? 'loading')
}

const fiveShown = () =>
  [...document.querySelectorAll('.balance')].filter((p) => p.textContent !== 'loading').length === 5
const five = (Widget: () => ReactNode) =>
  Array.from({ length: 5 }, (_, i) => createElement(Widget, { key: i }))

// One client and cache per measurement, cleared afterwards (its timers would keep node running).
const balanceQueryClient = new QueryClient()
const kitClient = createPaygClient({ retry: false })
const balanceKit = await measure(
  'getBalance',
  () =>
    createElement(
      PaygProvider,
      { client: kitClient, queryClient: balanceQueryClient },
      five(KitBalance),
    ),
  () => until(fiveShown),
)
const balanceNaive = await measure(
  'getBalance',
  () => five(NaiveBalance),
  () => until(fiveShown),
)

// ----- 2. a 20-step edit sequence typed into a cost estimate -----------------------------------

interface Step {
  what: string
  width: number
  height: number
  numImages: number
  alchemy: boolean
  /** How long the user waits before the next change, in ms. */
  thenWaitMs: number
}
const start = { width: 512, height: 512, numImages: 4, alchemy: false }
const edits: Array<[what: string, change: Partial<typeof start>, thenWaitMs: number]> = [
  ['page opens at 512x512, 4 images', {}, 400],
  ['types width "1024": 1', { width: 1 }, 110],
  ['10', { width: 10 }, 90],
  ['102', { width: 102 }, 120],
  ['1024, then pauses', { width: 1024 }, 450],
  ['types height "768": 7', { height: 7 }, 100],
  ['76', { height: 76 }, 130],
  ['768, then pauses', { height: 768 }, 450],
  ['drags the image count down: 3', { numImages: 3 }, 60],
  ['2', { numImages: 2 }, 60],
  ['1', { numImages: 1 }, 70],
  ['and back up: 2', { numImages: 2 }, 60],
  ['3', { numImages: 3 }, 60],
  ['4 (as before)', { numImages: 4 }, 150],
  ['turns Alchemy on', { alchemy: true }, 180],
  ['and off again (as before), pauses', { alchemy: false }, 450],
  ['drags the image count: 3', { numImages: 3 }, 80],
  ['2', { numImages: 2 }, 70],
  ['1', { numImages: 1 }, 90],
  ['settles on 2', { numImages: 2 }, 450],
]
const steps: Step[] = []
for (const [what, change, thenWaitMs] of edits) {
  const previous = steps.at(-1) ?? { ...start, what: '', thenWaitMs: 0 }
  steps.push({ ...previous, ...change, what, thenWaitMs })
}

const pricingRequest = (step: Step) =>
  ({
    service: 'IMAGE_GENERATION',
    serviceParams: {
      IMAGE_GENERATION: {
        imageWidth: step.width,
        imageHeight: step.height,
        numImages: step.numImages,
        alchemyMode: step.alchemy,
      },
    },
  }) as const

function KitEstimate({ step }: { step: Step }) {
  const { data } = useCostEstimate(pricingRequest(step))
  return createElement('p', null, data ? data.amount : '...')
}

function NaiveEstimate({ step }: { step: Step }) {
  const [cost, setCost] = useState<string>()
  const body = JSON.stringify(pricingRequest(step))
  useEffect(() => {
    fetch(`${DEFAULT_BASE_URL}/pricing-calculator`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    })
      .then((response) => response.json())
      .then((answer: { calculateProductionApiServiceCost?: { cost: number } }) =>
        setCost(String(answer.calculateProductionApiServiceCost?.cost ?? 'invalid')),
      )
  }, [body])
  return createElement('p', null, cost ?? '...')
}

const type = async (rerender: (step: number) => void) => {
  for (let i = 0; i < steps.length; i++) {
    if (i > 0) rerender(i)
    await sleep(steps[i]?.thenWaitMs ?? 0)
  }
}
const at = (i: number) => steps[i] as Step
const estimateQueryClient = new QueryClient()
const estimateClient = createPaygClient({ retry: false })
const estimateKit = await measure(
  'pricingCalculator',
  (i) =>
    createElement(
      PaygProvider,
      { client: estimateClient, queryClient: estimateQueryClient },
      createElement(KitEstimate, { step: at(i) }),
    ),
  type,
)
const estimateNaive = await measure(
  'pricingCalculator',
  (i) => createElement(NaiveEstimate, { step: at(i) }),
  type,
)

balanceQueryClient.clear()
estimateQueryClient.clear()
server.close()
dom.window.close()

// ----- report ------------------------------------------------------------------------------------

const rows: Array<[string, number, number, string]> = [
  ['page with five balance widgets', balanceKit, balanceNaive, 'target 1 vs 5'],
  [
    `${steps.length}-step cost estimate edit sequence`,
    estimateKit,
    estimateNaive,
    'target <= 4 vs 20',
  ],
]
const ratio = (kit: number, naive: number) =>
  kit === 0 ? 'n/a' : `${(naive / kit).toFixed(1)}x fewer`
console.log('Requests received by the mock (@payg-kit/msw), one run:\n')
console.log(`${'scenario'.padEnd(42)}${'kit'.padStart(5)}${'naive'.padStart(7)}   ratio         `)
for (const [name, kit, naive, target] of rows) {
  console.log(
    `${name.padEnd(42)}${String(kit).padStart(5)}${String(naive).padStart(7)}   ${ratio(kit, naive).padEnd(14)}(${target})`,
  )
}
console.log('\nnaive = one useEffect + fetch per widget / per change. The edit sequence:')
for (const [i, step] of steps.entries()) {
  console.log(`  ${String(i + 1).padStart(2)}. ${step.what} (then ${step.thenWaitMs} ms)`)
}
console.log(`\ntargets met: ${balanceKit <= 1 && estimateKit <= 4 ? 'yes' : 'no'}`)
