'use client'
import { withErrorBoundary } from '../withErrorBoundary'
import { CostTag as CostTagWidget } from './CostTag'

/**
 * A generation's cost as a compact inline tag, in its own unit.
 * @example <CostTag cost={job.cost} />
 */
export const CostTag = /* @__PURE__ */ withErrorBoundary(CostTagWidget, { inline: true })
