'use client'
import type { ReactNode } from 'react'

/** The tones of an alert, also its `data-tone`. */
export type AlertTone = 'info' | 'success' | 'warning' | 'danger'

// One 20x20 outline per tone: a circle with an "i", a check, a triangle, a circle with a "!".
const PATHS: Record<AlertTone, string> = {
  info: 'M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm0-9v5m0-7.5v.5',
  success: 'M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm-3.5-8 2.5 2.5 4.5-5',
  warning: 'M10 3 2 17h16L10 3Zm0 5v4.5m0 2.5v.5',
  danger: 'M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm0-12v5m0 3v.5',
}

/** Internal: a tinted callout with its tone's icon; `actions` are buttons under the text. */
export function Alert({
  tone,
  role,
  className,
  children,
  actions,
  id,
}: {
  tone: AlertTone
  role?: 'alert' | 'status'
  className?: string
  children: ReactNode
  actions?: ReactNode
  id?: string
}): ReactNode {
  return (
    <div
      className={className ? `payg-alert ${className}` : 'payg-alert'}
      data-tone={tone}
      role={role}
      id={id}
    >
      <svg className="payg-alert__icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
        <path d={PATHS[tone]} />
      </svg>
      <div className="payg-alert__body">
        {children}
        {actions && <div className="payg-alert__actions">{actions}</div>}
      </div>
    </div>
  )
}
