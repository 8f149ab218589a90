'use client'
import { withBillingExtension } from '../withBillingExtension'
import { withErrorBoundary } from '../withErrorBoundary'
import { AutoTopUpSettings as AutoTopUpSettingsWidget } from './AutoTopUpSettings'

/**
 * Auto top-up settings: on/off, threshold, amount and an optional monthly limit.
 * @example <AutoTopUpSettings onSaved={() => toast('Saved')} />
 */
export const AutoTopUpSettings = /* @__PURE__ */ withErrorBoundary(
  /* @__PURE__ */ withBillingExtension(AutoTopUpSettingsWidget, 'autoTopUp'),
)
