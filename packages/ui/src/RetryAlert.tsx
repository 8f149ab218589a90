'use client'
import type { ReactNode } from 'react'
import { Alert } from './primitives/Alert'

/** Internal: a failure the user can retry, announced as an alert. */
export function RetryAlert({
  message,
  retryLabel,
  onRetry,
}: {
  message: ReactNode
  retryLabel: string
  onRetry: () => void
}): ReactNode {
  return (
    <Alert
      tone="danger"
      role="alert"
      actions={
        <button type="button" className="payg-button" data-variant="secondary" onClick={onRetry}>
          {retryLabel}
        </button>
      }
    >
      <p>{message}</p>
    </Alert>
  )
}
