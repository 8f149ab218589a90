'use client'
import type { ReactNode } from 'react'

/** How a widget offers the app's own card flow: a callback, a link, or neither. */
export interface PaymentMethodActionProps {
  /** Called by the widget's "Add a card" / "Change" / "Update card" buttons; wire your card flow. */
  onManagePaymentMethod?: () => void
  /** Where those actions link to when there is no `onManagePaymentMethod`. */
  managePaymentMethodHref?: string
}

/** Internal: the card action as a button, or a link; nothing when the app gave neither. */
export function PaymentMethodAction({
  onManagePaymentMethod,
  managePaymentMethodHref,
  label,
  variant = 'secondary',
}: PaymentMethodActionProps & { label: string; variant?: 'secondary' | 'link' }): ReactNode {
  if (onManagePaymentMethod) {
    return (
      <button
        type="button"
        className="payg-button"
        data-variant={variant}
        onClick={onManagePaymentMethod}
      >
        {label}
      </button>
    )
  }
  if (managePaymentMethodHref) {
    return (
      <a className="payg-button" data-variant={variant} href={managePaymentMethodHref}>
        {label}
      </a>
    )
  }
  return null
}
