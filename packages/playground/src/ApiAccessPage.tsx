import { usePaygMessages } from '@payg-kit/react'
import {
  AutoTopUpSettings,
  BalanceBadge,
  CostCalculator,
  PausedBanner,
  SpendChart,
  TopUpForm,
  type TopUpFormProps,
  TransactionHistory,
} from '@payg-kit/ui'
import { type ReactNode, useRef, useState } from 'react'
import { AccountOverview } from './AccountOverview'
import { GenerationPanel } from './GenerationPanel'
import { LegacyPlanMigration } from './LegacyPlanMigration'
import { overviewText } from './overviewMessages'

/** Props of ApiAccessPage. */
export interface ApiAccessPageProps {
  /** Live: only Leonardo's endpoints exist, so the billing widgets give way to a notice. */
  live: boolean
  /** TopUpForm's 3-D Secure step: the test bank's page (see TestBank.tsx). */
  onAuthenticatePayment?: TopUpFormProps['onAuthenticatePayment']
  /** The widgets' "Change" / "Add a card" / "Update card": the card form (see CardDialog.tsx). */
  onManagePaymentMethod?: () => void
}

/**
 * A product's "API Access / Billing" settings page: an overview first (balance, auto top-up,
 * card, account state), then adding credit, prices, usage and history, every widget wired to
 * the others.
 */
export function ApiAccessPage({
  live,
  onAuthenticatePayment,
  onManagePaymentMethod,
}: ApiAccessPageProps): ReactNode {
  const topUp = useRef<HTMLDivElement>(null)
  const [suggestion, setSuggestion] = useState<{ threshold: number; amount: number }>()
  // The page's own strings follow the widgets' locale, as the overview's do.
  const text = overviewText(usePaygMessages().locale)

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
        {/* Live, without the billing extension, the badge reads /me. */}
        <BalanceBadge onTopUpClick={live ? undefined : openTopUp} />
      </header>
      <main className="playground__main" id="main" tabIndex={-1}>
        <div className="playground__intro">
          <p className="playground__crumbs payg-muted">
            {text.apiAccess}
            <span aria-hidden="true"> / </span>
            <span className="payg-visually-hidden">, </span>
            {text.billing}
          </p>
          <h1 className="playground__title">{text.billing}</h1>
          <p className="payg-muted">{live ? text.introLive : text.intro}</p>
        </div>
        {live ? (
          <>
            <CostCalculator />
            <GenerationPanel />
            {/* Without the billing extension each billing widget says where Leonardo manages it. */}
            <div className="playground__section playground__section--pair">
              <TopUpForm />
              <AutoTopUpSettings />
            </div>
            <SpendChart />
            <TransactionHistory pageSize={10} />
          </>
        ) : (
          <>
            <PausedBanner onTopUpClick={openTopUp} />
            <AccountOverview />
            <LegacyPlanMigration />
            <div className="playground__section playground__section--pair">
              <div className="playground__cell" ref={topUp}>
                <TopUpForm
                  onAuthenticatePayment={onAuthenticatePayment}
                  onManagePaymentMethod={onManagePaymentMethod}
                />
              </div>
              <div className="playground__cell">
                <AutoTopUpSettings
                  suggestion={suggestion}
                  onManagePaymentMethod={onManagePaymentMethod}
                />
              </div>
            </div>
            <CostCalculator onApplySuggestion={setSuggestion} />
            <GenerationPanel />
            <SpendChart />
            <TransactionHistory pageSize={10} />
          </>
        )}
      </main>
    </>
  )
}
