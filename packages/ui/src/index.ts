export {
  type AutoTopUpSettingsProps,
  type AutoTopUpSettingsState,
  autoTopUpSettingsMessages,
} from './AutoTopUpSettings/AutoTopUpSettings'
export {
  type BalanceBadgeProps,
  type BalanceBadgeState,
  balanceBadgeMessages,
} from './BalanceBadge/BalanceBadge'
export { type BillingFeature, billingNoticeMessages } from './billingNoticeMessages'
export {
  type CostCalculatorProps,
  type CostCalculatorState,
  costCalculatorMessages,
} from './CostCalculator/CostCalculator'
export { type AutoTopUpPlan, planAutoTopUp } from './CostCalculator/planAutoTopUp'
export { type CostTagProps, costTagMessages } from './CostTag/CostTag'
export {
  type MigrationPanelProps,
  type MigrationPanelState,
  migrationPanelMessages,
} from './MigrationPanel/MigrationPanel'
export { type PausedBannerProps, pausedBannerMessages } from './PausedBanner/PausedBanner'
export type { PaygUiCatalog, PaygUiMessageKey, PaygUiMessages } from './PaygUiMessages'
export {
  formatMoneyInput,
  type MoneyInputReason,
  type MoneyInputResult,
  type ParseMoneyInputOptions,
  parseMoneyInput,
} from './parseMoneyInput'
export {
  type SpendChartProps,
  type SpendChartState,
  spendChartMessages,
} from './SpendChart/SpendChart'
export {
  type TopUpFormProps,
  type TopUpFormState,
  topUpFormMessages,
} from './TopUpForm/TopUpForm'
export {
  type TransactionHistoryProps,
  type TransactionHistoryState,
  transactionHistoryMessages,
} from './TransactionHistory/TransactionHistory'
export { commonMessages } from './useFormat'
export { moneyInputMessages } from './useMoneyInputMessage'
export {
  AutoTopUpSettings,
  BalanceBadge,
  CostCalculator,
  CostTag,
  MigrationPanel,
  PausedBanner,
  SpendChart,
  TopUpForm,
  TransactionHistory,
} from './widgets'
export { widgetErrorMessages } from './withErrorBoundary'
