// <payg-spend-chart>: spend over time by service, as a chart and a table.
import { SpendChart } from '@payg-kit/ui'
import { defineWidget } from '../defineWidget'

defineWidget({
  tag: 'payg-spend-chart',
  component: SpendChart,
  attributes: { days: ['days', 'number'] },
})
