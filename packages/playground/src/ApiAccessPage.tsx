import {
  AutoTopUpSettings,
  BalanceBadge,
  CostCalculator,
  PausedBanner,
  SpendChart,
  TopUpForm,
  TransactionHistory,
} from '@payg-kit/ui'
import { type ReactNode, useRef, useState } from 'react'
import { BillingUnavailableNotice } from './BillingUnavailableNotice'
import { GenerationPanel } from './GenerationPanel'
import { LegacyPlanMigration } from './LegacyPlanMigration'
import { LiveBalance } from './LiveBalance'

/** Props of ApiAccessPage. */
export interface ApiAccessPageProps {
  /** Live: only Leonardo's endpoints exist, so the billing widgets give way to a notice. */
  live: boolean
}

/** A product's "API Access" settings page, with every widget wired to the others. */
export function ApiAccessPage({ live }: ApiAccessPageProps): ReactNode {
  const topUp = useRef<HTMLDivElement>(null)
  const [suggestion, setSuggestion] = useState<{ threshold: number; amount: number }>()

  // The badge's and the banner's "Top up" both lead to the form, ready to type an amount.
  const openTopUp = () => {
    const amount = topUp.current?.querySelector<HTMLInputElement>('input.payg-input')
    amount?.scrollIntoView({ block: 'center' })
    amount?.focus({ preventScroll: true })
    amount?.select()
  }

  return (
    <>
      <header className="playground__header">
        <p className="playground__brand">
          <span className="playground__logo" aria-hidden="true" />
          Acme Studio
        </p>
        {live ? <LiveBalance /> : <BalanceBadge onTopUpClick={openTopUp} />}
      </header>
      <main className="playground__main" id="main" tabIndex={-1}>
        <div className="playground__intro">
          <h1 className="playground__title">API Access</h1>
          <p className="payg-muted">
            {live
              ? 'Your balance, prices and generations from Leonardo’s API, through this server.'
              : 'Your balance, top-ups, spend and prices. Every request is charged to this balance.'}
          </p>
        </div>
        {live ? (
          <div className="playground__grid">
            <CostCalculator />
            <GenerationPanel />
            <BillingUnavailableNotice className="playground__wide" />
          </div>
        ) : (
          <>
            <PausedBanner onTopUpClick={openTopUp} />
            <LegacyPlanMigration />
            <div className="playground__grid">
              <div ref={topUp}>
                <TopUpForm />
              </div>
              <AutoTopUpSettings suggestion={suggestion} />
              <CostCalculator onApplySuggestion={setSuggestion} />
              <GenerationPanel />
              <SpendChart className="playground__wide" />
              <TransactionHistory className="playground__wide" pageSize={10} />
            </div>
          </>
        )}
      </main>
    </>
  )
}
