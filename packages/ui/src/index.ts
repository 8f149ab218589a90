export {
  AutoTopUpSettings,
  type AutoTopUpSettingsProps,
  type AutoTopUpSettingsState,
  autoTopUpSettingsMessages,
} from './AutoTopUpSettings/AutoTopUpSettings'
export {
  BalanceBadge,
  type BalanceBadgeProps,
  type BalanceBadgeState,
  balanceBadgeMessages,
} from './BalanceBadge/BalanceBadge'
export {
  CostCalculator,
  type CostCalculatorProps,
  type CostCalculatorState,
  costCalculatorMessages,
} from './CostCalculator/CostCalculator'
export { type AutoTopUpPlan, planAutoTopUp } from './CostCalculator/planAutoTopUp'
export {
  CostTag,
  type CostTagProps,
  costTagMessages,
} from './CostTag/CostTag'
export {
  MigrationPanel,
  type MigrationPanelProps,
  type MigrationPanelState,
  migrationPanelMessages,
} from './MigrationPanel/MigrationPanel'
export {
  PausedBanner,
  type PausedBannerProps,
  pausedBannerMessages,
} from './PausedBanner/PausedBanner'
export type { PaygUiMessageKey, PaygUiMessages } from './PaygUiMessages'
export {
  formatMoneyInput,
  type MoneyInputReason,
  type MoneyInputResult,
  type ParseMoneyInputOptions,
  parseMoneyInput,
} from './parseMoneyInput'
export {
  SpendChart,
  type SpendChartProps,
  type SpendChartState,
  spendChartMessages,
} from './SpendChart/SpendChart'
export {
  TopUpForm,
  type TopUpFormProps,
  type TopUpFormState,
  topUpFormMessages,
} from './TopUpForm/TopUpForm'
export {
  TransactionHistory,
  type TransactionHistoryProps,
  type TransactionHistoryState,
  transactionHistoryMessages,
} from './TransactionHistory/TransactionHistory'
export { moneyInputMessages } from './useMoneyInputMessage'
