import type { components } from './generated/payg'
import type { Money } from './types'

/** A stable machine code: the API's `ErrorCode`, or one of the client's own. */
export type PaygErrorCode =
  | components['schemas']['ErrorCode']
  | 'NETWORK_ERROR'
  | 'TIMEOUT'
  | 'CONFIG_ERROR'
  | 'HTTP_ERROR'
  | 'MALFORMED_RESPONSE'

/** One invalid field: dotted path, human message, machine reason. */
export type FieldError = components['schemas']['FieldError']

/** What an error can carry besides its advice. */
export interface PaygErrorInit {
  /** The server's message, shown before the advice. */
  message?: string
  /** The HTTP status, for errors that come from a response. */
  status?: number
  /** The error body's `details`. */
  details?: unknown
  /** The response's `x-request-id`, to quote to support. */
  requestId?: string
  /** The idempotency key the failed write was sent with. */
  idempotencyKey?: string
  cause?: unknown
}

/**
 * The base of every error the client throws: a stable `code`, and a message that says what
 * happened (the server's words first, when there are any) and what to do.
 */
export class PaygError extends Error {
  override name = 'PaygError'
  declare readonly code: PaygErrorCode
  declare readonly status: number | undefined
  declare readonly details: unknown
  declare readonly requestId: string | undefined
  /**
   * The idempotency key of a failed keyed write (`topUp`, `migrateToPayg`): retry with it, or
   * look the write up by it, since a lost answer may still have charged.
   */
  declare readonly idempotencyKey: string | undefined

  constructor(code: PaygErrorCode, advice: string, init: PaygErrorInit = {}) {
    const said = init.message
    // `init` doubles as the ErrorOptions: Error reads its `cause`, when there is one.
    super(`[payg-kit] ${said ? `${said.replace(/[\s.]*$/, '.')} ` : ''}${advice}`, init)
    this.code = code
    this.status = init.status
    this.details = init.details
    this.requestId = init.requestId
    this.idempotencyKey = init.idempotencyKey
  }
}

/** The balance cannot cover the request: requests are paused until credit is added. */
export class InsufficientBalanceError extends PaygError {
  override name = 'InsufficientBalanceError'
  declare readonly code: 'INSUFFICIENT_BALANCE'
  /** The balance when the request was refused, when the server said. */
  declare readonly balance: Money | null
  /** What the request needed, when the server said. */
  declare readonly required: Money | null

  constructor(init: PaygErrorInit & { balance?: Money | null; required?: Money | null } = {}) {
    super(
      'INSUFFICIENT_BALANCE',
      'Requests are paused: top up (or turn on auto top-up), then retry.',
      init,
    )
    this.balance = init.balance ?? null
    this.required = init.required ?? null
  }
}

/** The request is malformed or has invalid fields (`fieldErrors` names them). */
export class ValidationError extends PaygError {
  override name = 'ValidationError'
  declare readonly code: 'VALIDATION_FAILED' | 'BAD_REQUEST'
  declare readonly fieldErrors: FieldError[]

  constructor(
    init: PaygErrorInit & {
      code?: 'VALIDATION_FAILED' | 'BAD_REQUEST'
      fieldErrors?: FieldError[]
    } = {},
  ) {
    super(init.code ?? 'VALIDATION_FAILED', 'Fix the request (see fieldErrors).', init)
    this.fieldErrors = init.fieldErrors ?? []
  }
}

/** The API key is missing, invalid or not allowed to do this (401/403). */
export class AuthError extends PaygError {
  override name = 'AuthError'
  declare readonly code: 'UNAUTHORIZED' | 'FORBIDDEN'

  constructor(init: PaygErrorInit = {}) {
    super(init.status === 403 ? 'FORBIDDEN' : 'UNAUTHORIZED', 'Check the API key.', init)
  }
}

/**
 * Too many requests; `retryAfter` (seconds) is how long the server asked to wait. A wait longer
 * than the retry policy's `maxDelayMs` is not slept through: the call ends with this error.
 */
export class RateLimitError extends PaygError {
  override name = 'RateLimitError'
  declare readonly code: 'RATE_LIMITED'
  /** The server's `Retry-After` in milliseconds, or null when it gave none. */
  declare readonly retryAfterMs: number | null
  /** The server's `Retry-After` in whole seconds (rounded up), or null when it gave none. */
  declare readonly retryAfter: number | null

  constructor(init: PaygErrorInit & { retryAfterMs?: number | null } = {}) {
    super('RATE_LIMITED', 'Too many requests: wait retryAfter seconds, then retry.', init)
    this.retryAfterMs = init.retryAfterMs ?? null
    this.retryAfter = this.retryAfterMs === null ? null : Math.ceil(this.retryAfterMs / 1000)
  }
}

/** An `Idempotency-Key` was reused with a different body. */
export class IdempotencyConflictError extends PaygError {
  override name = 'IdempotencyConflictError'
  declare readonly code: 'IDEMPOTENCY_CONFLICT'

  constructor(init: PaygErrorInit = {}) {
    super('IDEMPOTENCY_CONFLICT', 'Use a new idempotency key for a new request.', init)
  }
}

/** The payment could not be taken (declined, or no saved payment method); nothing was charged. */
export class PaymentDeclinedError extends PaygError {
  override name = 'PaymentDeclinedError'
  declare readonly code: 'PAYMENT_DECLINED' | 'NO_PAYMENT_METHOD'
  /**
   * Set when the card's issuer asks the cardholder to authenticate (3-D Secure), nothing charged
   * yet (`details.declineCode` `authentication_required`): confirm the payment with it in the
   * browser (Stripe.js `handleNextAction({ clientSecret })`), then send the same top-up again with
   * the same idempotency key, which credits it once. Otherwise null.
   */
  declare readonly clientSecret: string | null

  constructor(init: PaygErrorInit & { code?: 'PAYMENT_DECLINED' | 'NO_PAYMENT_METHOD' } = {}) {
    super(init.code ?? 'PAYMENT_DECLINED', 'Nothing was charged: update the payment method.', init)
    const { declineCode, clientSecret } = (init.details ?? {}) as Record<string, unknown>
    this.clientSecret =
      declineCode === 'authentication_required' &&
      typeof clientSecret === 'string' &&
      /^\S{1,500}$/.test(clientSecret)
        ? clientSecret
        : null
  }
}

/** The resource does not exist or is not visible to this API key. */
export class NotFoundError extends PaygError {
  override name = 'NotFoundError'
  declare readonly code: 'NOT_FOUND'

  constructor(init: PaygErrorInit = {}) {
    super('NOT_FOUND', 'Not found: check the id and baseUrl.', init)
  }
}

/** The request got no response (offline, DNS, CORS, connection reset). */
export class NetworkError extends PaygError {
  override name = 'NetworkError'
  declare readonly code: 'NETWORK_ERROR'

  constructor(init: PaygErrorInit = {}) {
    super('NETWORK_ERROR', 'No response: check the network, baseUrl and CORS.', init)
  }
}

/** No response within the timeout (or a 408 from the server). */
export class TimeoutError extends PaygError {
  override name = 'TimeoutError'
  declare readonly code: 'TIMEOUT'

  constructor(init: PaygErrorInit = {}) {
    super('TIMEOUT', 'Timed out: retry, or raise timeoutMs.', init)
  }
}

/** The server failed (5xx). Nothing was charged; reads and keyed writes are safe to retry. */
export class ServerError extends PaygError {
  override name = 'ServerError'
  declare readonly code: 'INTERNAL_ERROR' | 'SERVICE_UNAVAILABLE'

  constructor(init: PaygErrorInit = {}) {
    super(
      init.status === 503 ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_ERROR',
      'Server error: retry later.',
      init,
    )
  }
}

/**
 * A success answer the client cannot read: not JSON, cut short, or a field missing or of the
 * wrong type. `details` names the operation, the field and what was expected.
 */
export class MalformedResponseError extends PaygError {
  override name = 'MalformedResponseError'
  declare readonly code: 'MALFORMED_RESPONSE'
  declare readonly details: { operation: string; field: string; expected: string }

  constructor(init: PaygErrorInit & { details: MalformedResponseError['details'] }) {
    super(
      'MALFORMED_RESPONSE',
      'The request itself may have succeeded: check before repeating it, and quote the requestId to support.',
      init,
    )
  }
}

/** The client was set up wrongly: bad options, or an API key in a browser. */
export class ConfigError extends PaygError {
  override name = 'ConfigError'
  declare readonly code: 'CONFIG_ERROR'

  constructor(message: string) {
    super('CONFIG_ERROR', message)
  }
}

/** Whether `e` is an error thrown by payg-kit's client. */
export function isPaygError(e: unknown): e is PaygError {
  return e instanceof PaygError
}
