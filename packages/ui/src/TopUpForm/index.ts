'use client'
import { withBillingExtension } from '../withBillingExtension'
import { withErrorBoundary } from '../withErrorBoundary'
import { TopUpForm as TopUpFormWidget } from './TopUpForm'

/**
 * A manual top-up, checked before sending, charged once.
 * @example <TopUpForm presets={[20, 50, 100]} onSuccess={(result) => close()} />
 */
export const TopUpForm = /* @__PURE__ */ withErrorBoundary(
  /* @__PURE__ */ withBillingExtension(TopUpFormWidget, 'topUp'),
)
