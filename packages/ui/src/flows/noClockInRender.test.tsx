import { usd } from '@payg-kit/core'
import { PaygProvider } from '@payg-kit/react'
import { renderToString } from 'react-dom/server'
import { afterEach, describe, expect, it } from 'vitest'
import { trapUnstableValues } from '../../../react/src/test/trapUnstableValues'
import {
  AutoTopUpSettings,
  BalanceBadge,
  CostCalculator,
  CostTag,
  MigrationPanel,
  PausedBanner,
  SpendChart,
  TopUpForm,
  TransactionHistory,
} from '../index'

let release: (() => string[]) | undefined
afterEach(() => {
  release?.()
  release = undefined
})

// Server prerendering (Next.js with Cache Components, for one) refuses a render that reads the
// clock or a random source: no widget may, in its first render.
describe('rendering reads no clock and no random source', () => {
  it('renders every widget without Date.now, new Date(), Math.random or crypto', () => {
    release = trapUnstableValues()
    const html = renderToString(
      <PaygProvider options={{ retry: false }} locale="en-US">
        <AutoTopUpSettings />
        <BalanceBadge />
        <CostCalculator />
        <CostTag cost={usd('0.048')} listCost={usd('0.06')} />
        <MigrationPanel />
        <PausedBanner />
        <SpendChart />
        <TopUpForm presets={[10, 20]} />
        <TransactionHistory />
      </PaygProvider>,
    )
    expect(release()).toEqual([])
    expect(html).toContain('payg-spend-chart')
    expect(html).toContain('payg-balance-badge')
  })
})
