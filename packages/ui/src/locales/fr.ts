import type { PaygUiCatalog } from '../PaygUiMessages'
import autoTopUpSettings from './fr/autoTopUpSettings'
import balanceBadge from './fr/balanceBadge'
import costCalculator from './fr/costCalculator'
import costTag from './fr/costTag'
import migrationPanel from './fr/migrationPanel'
import pausedBanner from './fr/pausedBanner'
import shared from './fr/shared'
import spendChart from './fr/spendChart'
import topUpForm from './fr/topUpForm'
import transactionHistory from './fr/transactionHistory'

/** Every widget string in French. */
const fr: PaygUiCatalog = {
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

export default fr
