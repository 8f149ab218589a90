'use client'
import { withErrorBoundary } from '../withErrorBoundary'
import { CostCalculator as CostCalculatorWidget } from './CostCalculator'

/**
 * Previews what a request costs, what the balance covers, and a suggested auto top-up.
 * @example <CostCalculator onApplySuggestion={(s) => setSuggestion(s)} />
 */
export const CostCalculator = /* @__PURE__ */ withErrorBoundary(CostCalculatorWidget)
