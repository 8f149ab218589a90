'use client'
import { withBillingExtension } from '../withBillingExtension'
import { withErrorBoundary } from '../withErrorBoundary'
import { SpendChart as SpendChartWidget } from './SpendChart'

/**
 * Spend over time by service, as a chart and a table.
 * @example <SpendChart days={14} />
 */
export const SpendChart = /* @__PURE__ */ withErrorBoundary(
  /* @__PURE__ */ withBillingExtension(SpendChartWidget, 'usage'),
)
