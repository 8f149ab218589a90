import type { PaygUiCatalog } from '../PaygUiMessages'
import autoTopUpSettings from './pt-BR/autoTopUpSettings'
import balanceBadge from './pt-BR/balanceBadge'
import costCalculator from './pt-BR/costCalculator'
import costTag from './pt-BR/costTag'
import migrationPanel from './pt-BR/migrationPanel'
import pausedBanner from './pt-BR/pausedBanner'
import shared from './pt-BR/shared'
import spendChart from './pt-BR/spendChart'
import topUpForm from './pt-BR/topUpForm'
import transactionHistory from './pt-BR/transactionHistory'

/** Every widget string in Brazilian Portuguese. */
const ptBR: PaygUiCatalog = {
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

export default ptBR
