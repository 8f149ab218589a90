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

// How an API says "out of credit" in words, for refusals that are not a 402: Anthropic's 400
// "Your credit balance is too low", Leonardo-style "insufficient API credits/tokens",
// "not enough credits". Narrow on purpose: "insufficient permissions" or "amount is too low"
// are not about the balance.
const LOW_BALANCE =
  /balance (?:is )?too low|insufficient[\s_-]*(?:api[\s_-]*)?(?:balance|credit|fund|quota|token)|(?:not|n't)(?: have)? enough (?:api )?(?:balance|credit|fund|token)|out of (?:api )?(?:credit|token)/i

// A code in the kit's style (`INSUFFICIENT_BALANCE`) is the kit's, read by its name, never by
// the wording; other APIs' codes (`unexpected`, `4031`) are only words.
const KIT_CODE = /^[A-Z][A-Z_]*$/

/** The first string among `values`, cut to a readable length. */
function firstText(...values: unknown[]): string | undefined {
  for (const value of values) {
    if (typeof value === 'string' && value.trim()) return value.slice(0, 200)
  }
  return undefined
}

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
  const { details, fieldErrors } = error as Partial<components['schemas']['ApiError']>
  // Other shapes of error body: `{ error: { type, message } }` (Anthropic-style) and
  // `{ error: "...", code }` (Leonardo-style, `code` being the API's own word or number).
  const nested = (error as { error?: unknown }).error
  const inner = (typeof nested === 'object' && nested) || {}
  const raw = (error as { code?: unknown }).code
  const code = typeof raw === 'string' && KIT_CODE.test(raw) ? (raw as PaygErrorCode) : undefined
  // A plain-text body is the message; an HTML error page is not.
  const message = firstText(
    (error as { message?: unknown }).message,
    (inner as { message?: unknown }).message,
    nested,
    typeof body === 'string' && !/^\s*</.test(body) ? body : undefined,
  )
  const init: PaygErrorInit = {
    message,
    status,
    details,
    requestId: response.headers.get('x-request-id') ?? undefined,
  }

  if (code === 'PAYMENT_DECLINED' || code === 'NO_PAYMENT_METHOD') {
    return new PaymentDeclinedError({ ...init, code })
  }
  // The balance is too low: the kit's code; any 402 that is not a payment failure; or a 400/403
  // without a kit code whose words (message, the API's own code or error type) say so.
  const words = `${message} ${raw} ${(inner as { type?: unknown }).type}`
  if (
    code === 'INSUFFICIENT_BALANCE' ||
    (status === 402 && !code) ||
    ((status === 400 || status === 403) && !code && LOW_BALANCE.test(words))
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
  // A redirect (in a browser, an opaque one: status 0), which the client never follows.
  if (status < 400) {
    return new PaygError(
      'HTTP_ERROR',
      `The server answered with a redirect${status ? ` (${status})` : ''}, which the client never follows: set baseUrl to the final URL.`,
      init,
    )
  }
  return new PaygError(
    code ?? 'HTTP_ERROR',
    `The server refused the request (${status}): check it against the API reference.`,
    init,
  )
}
