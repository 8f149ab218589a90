import type { PaygUiCatalog } from '../PaygUiMessages'
import autoTopUpSettings from './ja/autoTopUpSettings'
import balanceBadge from './ja/balanceBadge'
import costCalculator from './ja/costCalculator'
import costTag from './ja/costTag'
import migrationPanel from './ja/migrationPanel'
import pausedBanner from './ja/pausedBanner'
import shared from './ja/shared'
import spendChart from './ja/spendChart'
import topUpForm from './ja/topUpForm'
import transactionHistory from './ja/transactionHistory'

/** Every widget string in Japanese. */
const ja: PaygUiCatalog = {
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

export default ja
