'use client'
import type { ReactNode } from 'react'

/** Internal: one on/off control, a button with the switch role (Space and Enter toggle it). */
export function Switch({
  checked,
  onChange,
  label,
  disabled,
}: {
  checked: boolean
  onChange: (checked: boolean) => void
  label: ReactNode
  disabled?: boolean
}): ReactNode {
  return (
    <button
      type="button"
      role="switch"
      className="payg-switch"
      aria-checked={checked}
      aria-disabled={disabled || undefined}
      onClick={() => {
        if (!disabled) onChange(!checked)
      }}
    >
      <span className="payg-switch__track" aria-hidden="true">
        <span className="payg-switch__thumb" />
      </span>
      <span className="payg-switch__label">{label}</span>
    </button>
  )
}
