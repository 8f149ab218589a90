import type { PaygUiCatalog } from '../PaygUiMessages'
import autoTopUpSettings from './de/autoTopUpSettings'
import balanceBadge from './de/balanceBadge'
import costCalculator from './de/costCalculator'
import costTag from './de/costTag'
import migrationPanel from './de/migrationPanel'
import pausedBanner from './de/pausedBanner'
import shared from './de/shared'
import spendChart from './de/spendChart'
import topUpForm from './de/topUpForm'
import transactionHistory from './de/transactionHistory'

/** Every widget string in German. */
const de: PaygUiCatalog = {
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

export default de
