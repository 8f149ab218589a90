// @vitest-environment node
import { renderToString } from 'react-dom/server'
import { afterEach, describe, expect, test } from 'vitest'
import * as kit from './index'
import { trapUnstableValues } from './test/trapUnstableValues'

// Server prerendering (Next.js with Cache Components, for one) refuses a render that reads the
// clock or a random source: every hook must render without doing so.
const request = {
  service: 'IMAGE_GENERATION',
  serviceParams: { IMAGE_GENERATION: { imageWidth: 512, imageHeight: 512, numImages: 4 } },
} as const

function EveryHook() {
  kit.useAccount()
  kit.useAutoTopUp()
  kit.useBalance({ refetchInterval: 5_000 })
  kit.useCanAfford(request)
  kit.useCostEstimate(request)
  kit.useCreateGeneration()
  kit.useDisableAutoTopUp()
  kit.useMigrateToPayg()
  kit.useMigrationPreview()
  kit.usePaygMessages()
  const status = kit.usePaygStatus()
  kit.usePaymentMethod()
  kit.usePricing()
  kit.useQuote(request)
  kit.useSubscription()
  kit.useTopUp()
  kit.useTransactions()
  kit.useUpdateAutoTopUp()
  kit.useUsage({ from: '2026-01-01', to: '2026-01-31' })
  return <p>{`status ${status.state ?? 'unknown'}`}</p>
}

function ReadsTheClock() {
  return <p>{Date.now() > 0 ? 'read' : ''}</p>
}

let release: (() => string[]) | undefined
afterEach(() => {
  release?.()
  release = undefined
})

describe('rendering reads no clock and no random source', () => {
  test('the trap sees a clock read in render', () => {
    release = trapUnstableValues()
    renderToString(<ReadsTheClock />)
    expect(release()).toEqual(['Date.now()'])
  })

  test('every hook renders on the server without Date.now, new Date(), Math.random or crypto', () => {
    release = trapUnstableValues()
    const html = renderToString(
      <kit.PaygProvider options={{ retry: false }} locale="en-US">
        <EveryHook />
      </kit.PaygProvider>,
    )
    expect(release()).toEqual([])
    expect(html).toContain('status unknown')
  })
})
