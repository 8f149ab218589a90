'use client'
import { AutoTopUpSettings as AutoTopUpSettingsWidget } from './AutoTopUpSettings/AutoTopUpSettings'
import { BalanceBadge as BalanceBadgeWidget } from './BalanceBadge/BalanceBadge'
import { CostCalculator as CostCalculatorWidget } from './CostCalculator/CostCalculator'
import { CostTag as CostTagWidget } from './CostTag/CostTag'
import { MigrationPanel as MigrationPanelWidget } from './MigrationPanel/MigrationPanel'
import { PausedBanner as PausedBannerWidget } from './PausedBanner/PausedBanner'
import { SpendChart as SpendChartWidget } from './SpendChart/SpendChart'
import { TopUpForm as TopUpFormWidget } from './TopUpForm/TopUpForm'
import { TransactionHistory as TransactionHistoryWidget } from './TransactionHistory/TransactionHistory'
import { withBillingExtension } from './withBillingExtension'
import { withErrorBoundary } from './withErrorBoundary'

// Every widget renders behind an error boundary: a value from the server it cannot show turns
// into that widget's error state, never an unmounted app. The widgets of the billing extension
// say where billing is managed when the API has none (Leonardo's public API).

/**
 * Auto top-up settings: on/off, threshold, amount and an optional monthly limit.
 * @example <AutoTopUpSettings onSaved={() => toast('Saved')} />
 */
export const AutoTopUpSettings = withErrorBoundary(
  withBillingExtension(AutoTopUpSettingsWidget, 'autoTopUp'),
)
/**
 * The account's balance, low, paused or failed with a retry.
 * @example <BalanceBadge onTopUpClick={() => setTopUpOpen(true)} />
 */
export const BalanceBadge = withErrorBoundary(BalanceBadgeWidget)
/**
 * Previews what a request costs, what the balance covers, and a suggested auto top-up.
 * @example <CostCalculator onApplySuggestion={(s) => setSuggestion(s)} />
 */
export const CostCalculator = withErrorBoundary(CostCalculatorWidget)
/**
 * A generation's cost as a compact inline tag, in its own unit.
 * @example <CostTag cost={job.cost} />
 */
export const CostTag = withErrorBoundary(CostTagWidget, { inline: true })
/**
 * A legacy plan's way to pay-as-you-go, with a confirm step.
 * @example <MigrationPanel onMigrated={() => router.refresh()} />
 */
export const MigrationPanel = withErrorBoundary(
  withBillingExtension(MigrationPanelWidget, 'migration'),
)
/**
 * An alert while requests are paused for lack of balance, with a way to top up.
 * @example <PausedBanner onTopUpClick={() => navigate('/billing')} />
 */
export const PausedBanner = withErrorBoundary(PausedBannerWidget)
/**
 * Spend over time by service, as a chart and a table.
 * @example <SpendChart days={14} />
 */
export const SpendChart = withErrorBoundary(withBillingExtension(SpendChartWidget, 'usage'))
/**
 * A manual top-up, checked before sending, charged once.
 * @example <TopUpForm presets={[20, 50, 100]} onSuccess={(result) => close()} />
 */
export const TopUpForm = withErrorBoundary(withBillingExtension(TopUpFormWidget, 'topUp'))
/**
 * The ledger, newest first, with a type filter, "Load more" and a CSV export.
 * @example <TransactionHistory pageSize={50} />
 */
export const TransactionHistory = withErrorBoundary(
  withBillingExtension(TransactionHistoryWidget, 'transactions'),
)
