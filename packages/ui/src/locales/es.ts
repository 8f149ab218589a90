import type { PaygUiCatalog } from '../PaygUiMessages'
import autoTopUpSettings from './es/autoTopUpSettings'
import balanceBadge from './es/balanceBadge'
import costCalculator from './es/costCalculator'
import costTag from './es/costTag'
import migrationPanel from './es/migrationPanel'
import pausedBanner from './es/pausedBanner'
import shared from './es/shared'
import spendChart from './es/spendChart'
import topUpForm from './es/topUpForm'
import transactionHistory from './es/transactionHistory'

/** Every widget string in Spanish. */
const es: PaygUiCatalog = {
  ...shared,
  ...autoTopUpSettings,
  ...balanceBadge,
  ...costCalculator,
  ...costTag,
  ...migrationPanel,
  ...pausedBanner,
  ...spendChart,
  ...topUpForm,
  ...transactionHistory,
}

export default es
