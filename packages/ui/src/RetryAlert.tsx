'use client'
import type { ReactNode } from 'react'

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
    <div className="payg-alert" data-tone="danger" role="alert">
      {message}{' '}
      <button type="button" className="payg-button" data-variant="link" onClick={onRetry}>
        {retryLabel}
      </button>
    </div>
  )
}
