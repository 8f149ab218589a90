// <payg-spend-chart>: spend over time by service, as a chart and a table.
import { SpendChart } from '@payg-kit/ui'
import { defineWidget } from '../defineWidget'

defineWidget({
  tag: 'payg-spend-chart',
  component: SpendChart,
  // `days` up to ten years; `granularity` (DAY, WEEK or MONTH) is chosen by the range when absent.
  attributes: { days: ['days', 'number'], granularity: ['granularity', 'string'] },
})
