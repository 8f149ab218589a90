import {
  isPaygError,
  NetworkError,
  RateLimitError,
  ServerError,
  TimeoutError,
} from '@payg-kit/core'

/**
 * Whether a failed write may be sent again as the same intent (same idempotency key): its
 * outcome is unknown, or the server asked for a retry. Errors the client did not classify count
 * as retryable, so that retrying them can never charge twice.
 */
export function isRetryableError(error: unknown): boolean {
  if (!isPaygError(error)) return true
  return (
    error instanceof NetworkError ||
    error instanceof TimeoutError ||
    error instanceof ServerError ||
    error instanceof RateLimitError
  )
}
