'use client'
import { withErrorBoundary } from '../withErrorBoundary'
import { PausedBanner as PausedBannerWidget } from './PausedBanner'

/**
 * An alert while requests are paused for lack of balance, with a way to top up.
 * @example <PausedBanner onTopUpClick={() => navigate('/billing')} />
 */
export const PausedBanner = /* @__PURE__ */ withErrorBoundary(PausedBannerWidget)
