// One script registers every widget as a custom element:
//   <script type="module" src="payg-embed.js"></script>
//   <payg-balance-badge base-url="/api/payg"></payg-balance-badge>
import { credits, type Money, usd } from '@payg-kit/core'
import {
  AutoTopUpSettings,
  BalanceBadge,
  CostCalculator,
  CostTag,
  MigrationPanel,
  PausedBanner,
  SpendChart,
  TopUpForm,
  TransactionHistory,
} from '@payg-kit/ui'
import { defineWidget } from './defineWidget'

defineWidget({
  tag: 'payg-balance-badge',
  component: BalanceBadge,
  display: 'inline-block',
  attributes: {
    'low-threshold': ['lowThreshold', 'number'],
    'refetch-interval': ['refetchInterval', 'number'],
  },
  events: { onTopUpClick: 'payg-top-up-click' },
})

defineWidget({
  tag: 'payg-top-up-form',
  component: TopUpForm,
  attributes: {
    presets: ['presets', 'numbers'],
    'default-amount': ['defaultAmount', 'number'],
    min: ['min', 'number'],
    max: ['max', 'number'],
  },
  events: { onSuccess: 'payg-top-up-success' },
})

defineWidget({
  tag: 'payg-auto-top-up-settings',
  component: AutoTopUpSettings,
  properties: ['suggestion'],
  events: { onSaved: 'payg-auto-top-up-saved' },
})

defineWidget({
  tag: 'payg-cost-calculator',
  component: CostCalculator,
  attributes: { 'default-service': ['defaultService', 'string'] },
  events: { onApplySuggestion: 'payg-apply-suggestion' },
})

defineWidget({
  tag: 'payg-paused-banner',
  component: PausedBanner,
  attributes: { 'show-top-up-form': ['showTopUpForm', 'boolean'] },
  events: { onTopUpClick: 'payg-top-up-click' },
})

defineWidget({
  tag: 'payg-transaction-history',
  component: TransactionHistory,
  attributes: {
    'default-type': ['defaultType', 'string'],
    'page-size': ['pageSize', 'number'],
    'csv-file-name': ['csvFileName', 'string'],
  },
})

defineWidget({
  tag: 'payg-spend-chart',
  component: SpendChart,
  attributes: { days: ['days', 'number'] },
})

defineWidget({
  tag: 'payg-migration-panel',
  component: MigrationPanel,
  events: { onMigrated: 'payg-migrated' },
})

const toMoney = (amount: unknown, unit: unknown): Money | undefined => {
  if (typeof amount !== 'string') return undefined
  return unit === 'CREDITS' ? credits(amount) : usd(amount)
}

defineWidget({
  tag: 'payg-cost-tag',
  component: CostTag,
  display: 'inline-block',
  properties: ['cost', 'listCost'],
  // <payg-cost-tag amount="0.048" unit="DOLLARS" list-amount="0.06">, or set .cost from a job.
  attributes: {
    amount: ['amount', 'string'],
    unit: ['unit', 'string'],
    'list-amount': ['listAmount', 'string'],
  },
  toProps: ({ amount, unit, listAmount, cost, listCost }) => {
    const shown = (cost as Money | undefined) ?? toMoney(amount, unit)
    if (!shown) return null
    return { cost: shown, listCost: (listCost as Money | undefined) ?? toMoney(listAmount, unit) }
  },
})

export { PAYG_ELEMENT_TAGS, type PaygElementEventMap, type PaygElementTag } from './elements'
