import type { autoTopUpSettingsMessages } from './AutoTopUpSettings/AutoTopUpSettings'
import type { balanceBadgeMessages } from './BalanceBadge/BalanceBadge'
import type { billingNoticeMessages } from './billingNoticeMessages'
import type { costCalculatorMessages } from './CostCalculator/CostCalculator'
import type { costTagMessages } from './CostTag/CostTag'
import type { migrationPanelMessages } from './MigrationPanel/MigrationPanel'
import type { pausedBannerMessages } from './PausedBanner/PausedBanner'
import type { spendChartMessages } from './SpendChart/SpendChart'
import type { topUpFormMessages } from './TopUpForm/TopUpForm'
import type { transactionHistoryMessages } from './TransactionHistory/TransactionHistory'
import type { commonMessages } from './useFormat'
import type { moneyInputMessages } from './useMoneyInputMessage'
import type { widgetErrorMessages } from './withErrorBoundary'

/** A key of a string any widget shows. */
export type PaygUiMessageKey =
  | keyof typeof autoTopUpSettingsMessages
  | keyof typeof balanceBadgeMessages
  | keyof typeof billingNoticeMessages
  | keyof typeof costCalculatorMessages
  | keyof typeof commonMessages
  | keyof typeof costTagMessages
  | keyof typeof migrationPanelMessages
  | keyof typeof moneyInputMessages
  | keyof typeof pausedBannerMessages
  | keyof typeof spendChartMessages
  | keyof typeof topUpFormMessages
  | keyof typeof transactionHistoryMessages
  | keyof typeof widgetErrorMessages

/**
 * Overrides for the widgets' strings, checked by key: pass them as `PaygProvider`'s `messages`.
 * `{placeholders}` and `{count, plural, one {…} other {…}}` arguments are filled in by the widget.
 * @example const de: PaygUiMessages = { 'balanceBadge.label': 'Guthaben' }
 */
export type PaygUiMessages = Partial<Record<PaygUiMessageKey, string>>

/** Every widget string in one language: a complete translation, as `@payg-kit/ui/locales/*` ship. */
export type PaygUiCatalog = Readonly<Record<PaygUiMessageKey, string>>
