import {
  AuthError,
  IdempotencyConflictError,
  InsufficientBalanceError,
  NotFoundError,
  PaygError,
  type PaygErrorCode,
  type PaygErrorInit,
  PaymentDeclinedError,
  RateLimitError,
  ServerError,
  TimeoutError,
  ValidationError,
} from './errors'
import type { components } from './generated/payg'
import { money } from './money'
import { parseRetryAfter } from './parseRetryAfter'
import type { Money } from './types'

// How other APIs say "out of credit" without a 402 (Anthropic: 400 "credit balance is too low").
const LOW_BALANCE =
  /balance is too low|insufficient.?(?:balance|credit|funds|quota)|not enough credit/i

function amount(value: unknown, currency: unknown): Money | null {
  try {
    return money(value as string, currency === 'CREDITS' ? 'CREDITS' : 'USD')
  } catch {
    return null
  }
}

/**
 * The typed error for a failed response and its parsed body (an `ApiError`, text, or nothing),
 * by the body's `code` first, then by status.
 */
export function errorFromResponse(response: Response, body: unknown): PaygError {
  const { status } = response
  const error = (typeof body === 'object' && body) || {}
  const { code, details, fieldErrors } = error as Partial<components['schemas']['ApiError']>
  let { message } = error as { message?: unknown }
  // A plain-text body is the message; an HTML error page is not.
  if (typeof message !== 'string')
    message = typeof body === 'string' && !/^\s*</.test(body) ? body.slice(0, 200) : undefined
  const init: PaygErrorInit = {
    message: message as string | undefined,
    status,
    details,
    requestId: response.headers.get('x-request-id') ?? undefined,
  }

  if (code === 'PAYMENT_DECLINED' || code === 'NO_PAYMENT_METHOD') {
    return new PaymentDeclinedError({ ...init, code })
  }
  if (
    code === 'INSUFFICIENT_BALANCE' ||
    (status === 402 && !code) ||
    (status < 500 && LOW_BALANCE.test(`${message} ${code}`))
  ) {
    const d = (details ?? {}) as Record<string, unknown>
    return new InsufficientBalanceError({
      ...init,
      balance: amount(d.balance, d.currency),
      required: amount(d.required, d.currency),
    })
  }
  if (code === 'IDEMPOTENCY_CONFLICT') return new IdempotencyConflictError(init)
  if (status === 401 || status === 403) return new AuthError(init)
  if (status === 404) return new NotFoundError(init)
  if (status === 429) {
    return new RateLimitError({
      ...init,
      retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
    })
  }
  if (status === 400 || status === 422) {
    return new ValidationError({
      ...init,
      code:
        code === 'VALIDATION_FAILED' || (status === 422 && code !== 'BAD_REQUEST')
          ? 'VALIDATION_FAILED'
          : 'BAD_REQUEST',
      fieldErrors: Array.isArray(fieldErrors) ? fieldErrors : [],
    })
  }
  if (status === 408) return new TimeoutError(init)
  if (status >= 500) return new ServerError(init)
  return new PaygError(
    (code as PaygErrorCode | undefined) ?? 'HTTP_ERROR',
    `The server refused the request (${status}): check it against the API reference.`,
    init,
  )
}
