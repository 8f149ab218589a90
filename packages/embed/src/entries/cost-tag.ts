// <payg-cost-tag>: a generation's cost as a compact inline tag, in its own unit.
import { credits, type Money, usd } from '@payg-kit/core'
import { CostTag } from '@payg-kit/ui'
import { defineWidget } from '../defineWidget'

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
