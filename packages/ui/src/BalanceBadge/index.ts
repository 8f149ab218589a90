'use client'
import { withErrorBoundary } from '../withErrorBoundary'
import { BalanceBadge as BalanceBadgeWidget } from './BalanceBadge'

/**
 * The account's balance, low, paused or failed with a retry.
 * @example <BalanceBadge onTopUpClick={() => setTopUpOpen(true)} />
 */
export const BalanceBadge = /* @__PURE__ */ withErrorBoundary(BalanceBadgeWidget)
