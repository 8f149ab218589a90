import {
  IdempotencyConflictError,
  isPaygError,
  MalformedResponseError,
  NetworkError,
  RateLimitError,
  ServerError,
  TimeoutError,
} from '@payg-kit/core'

/**
 * Whether a failed write may be sent again as the same intent (same idempotency key): its
 * outcome is unknown (no answer, a 5xx, a success body the client could not read, a 409 saying
 * the key was already used), or the server asked for a retry. Errors the client did not classify
 * count as retryable, so that retrying them can never charge twice.
 */
export function isRetryableError(error: unknown): boolean {
  if (!isPaygError(error)) return true
  return (
    error instanceof NetworkError ||
    error instanceof TimeoutError ||
    error instanceof ServerError ||
    error instanceof RateLimitError ||
    error instanceof MalformedResponseError ||
    error instanceof IdempotencyConflictError
  )
}
