// <payg-cost-calculator>: what a request costs, what the balance covers, a suggested auto top-up.
import { CostCalculator } from '@payg-kit/ui'
import { defineWidget } from '../defineWidget'

defineWidget({
  tag: 'payg-cost-calculator',
  component: CostCalculator,
  attributes: { 'default-service': ['defaultService', 'string'] },
  events: { onApplySuggestion: 'payg-apply-suggestion' },
})
