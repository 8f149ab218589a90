'use client'
import { PaygProvider } from '@payg-kit/react'
import { BalanceBadge, SpendChart, TopUpForm } from '@payg-kit/ui'

// The browser talks to this app's own proxy (app/api/payg/[...path]/route.ts), never to the API.
export function Billing() {
  return (
    <PaygProvider options={{ baseUrl: '/api/payg' }} locale="en-US">
      <BalanceBadge />
      <TopUpForm presets={[10, 20]} />
      <SpendChart days={7} />
    </PaygProvider>
  )
}
