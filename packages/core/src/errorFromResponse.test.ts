import { describe, expect, it } from 'vitest'
import { errorFromResponse } from './errorFromResponse'
import {
  AuthError,
  IdempotencyConflictError,
  InsufficientBalanceError,
  isPaygError,
  NotFoundError,
  PaygError,
  PaymentDeclinedError,
  RateLimitError,
  ServerError,
  TimeoutError,
  ValidationError,
} from './errors'

function map(status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  return errorFromResponse(new Response(text, { status, headers }), body)
}

describe('errorFromResponse', () => {
  it.each([
    [400, 'BAD_REQUEST', ValidationError, 'BAD_REQUEST'],
    [401, 'UNAUTHORIZED', AuthError, 'UNAUTHORIZED'],
    [403, 'FORBIDDEN', AuthError, 'FORBIDDEN'],
    [404, 'NOT_FOUND', NotFoundError, 'NOT_FOUND'],
    [402, 'INSUFFICIENT_BALANCE', InsufficientBalanceError, 'INSUFFICIENT_BALANCE'],
    [402, 'PAYMENT_DECLINED', PaymentDeclinedError, 'PAYMENT_DECLINED'],
    [402, 'NO_PAYMENT_METHOD', PaymentDeclinedError, 'NO_PAYMENT_METHOD'],
    [409, 'IDEMPOTENCY_CONFLICT', IdempotencyConflictError, 'IDEMPOTENCY_CONFLICT'],
    [409, 'ALREADY_ON_PAYG', PaygError, 'ALREADY_ON_PAYG'],
    [422, 'VALIDATION_FAILED', ValidationError, 'VALIDATION_FAILED'],
    [429, 'RATE_LIMITED', RateLimitError, 'RATE_LIMITED'],
    [500, 'INTERNAL_ERROR', ServerError, 'INTERNAL_ERROR'],
    [503, 'SERVICE_UNAVAILABLE', ServerError, 'SERVICE_UNAVAILABLE'],
  ])('maps %i %s to %o', (status, code, type, expected) => {
    const error = map(status, { code, message: 'The server said so' })
    expect(error).toBeInstanceOf(type)
    expect(error.code).toBe(expected)
    expect(error.status).toBe(status)
    expect(error.message).toMatch(/^\[payg-kit\] The server said so\. \S/)
    expect(isPaygError(error)).toBe(true)
  })

  it.each([
    [400, ValidationError],
    [401, AuthError],
    [402, InsufficientBalanceError],
    [404, NotFoundError],
    [408, TimeoutError],
    [422, ValidationError],
    [429, RateLimitError],
    [502, ServerError],
    [504, ServerError],
  ])('maps a bare %i by its status', (status, type) => {
    const error = map(status, undefined)
    expect(error).toBeInstanceOf(type)
    expect(error.message).toMatch(/^\[payg-kit\] [A-Z]/)
  })

  it('carries the balance and the required amount of a 402 as money', () => {
    const error = map(402, {
      code: 'INSUFFICIENT_BALANCE',
      message: 'Insufficient balance',
      details: { balance: '0.0120', required: '0.048', currency: 'USD' },
    }) as InsufficientBalanceError
    expect(error.balance).toEqual({ amount: '0.012', unit: 'USD' })
    expect(error.required).toEqual({ amount: '0.048', unit: 'USD' })
    expect(error.message).toBe(
      '[payg-kit] Insufficient balance. Requests are paused: top up (or turn on auto top-up), then retry.',
    )
  })

  it('recognises an out-of-credit refusal that arrives as a 400', () => {
    const error = map(400, {
      type: 'error',
      error: { type: 'invalid_request_error' },
      message: 'Your credit balance is too low to access the API.',
    })
    expect(error).toBeInstanceOf(InsufficientBalanceError)
    expect((error as InsufficientBalanceError).balance).toBeNull()
    expect(map(403, 'Insufficient credits for this request')).toBeInstanceOf(
      InsufficientBalanceError,
    )
  })

  it('lists field errors of a 422', () => {
    const fieldErrors = [{ field: 'amount', message: 'must be at least 5', code: 'TOO_SMALL' }]
    const error = map(422, { code: 'VALIDATION_FAILED', message: 'Invalid', fieldErrors })
    expect((error as ValidationError).fieldErrors).toEqual(fieldErrors)
  })

  it('reads Retry-After of a 429 as milliseconds', () => {
    const error = map(429, { code: 'RATE_LIMITED', message: 'Slow down' }, { 'retry-after': '3' })
    expect((error as RateLimitError).retryAfterMs).toBe(3000)
    expect((map(429, undefined) as RateLimitError).retryAfterMs).toBeNull()
  })

  it('keeps the request id and the details', () => {
    const error = map(
      409,
      { code: 'ALREADY_ON_PAYG', message: 'Already on PAYG', details: { x: 1 } },
      {
        'x-request-id': 'req_123',
      },
    )
    expect(error.requestId).toBe('req_123')
    expect(error.details).toEqual({ x: 1 })
  })

  it('uses a plain-text body as the message but not an HTML page', () => {
    expect(map(502, 'upstream connect error').message).toMatch(
      /^\[payg-kit\] upstream connect error\./,
    )
    expect(map(502, '<html><body>Bad gateway</body></html>').message).toBe(
      '[payg-kit] Server error: retry later.',
    )
  })

  it('falls back to a generic error for a status it does not know', () => {
    const error = map(418, undefined)
    expect(error).toBeInstanceOf(PaygError)
    expect(error.code).toBe('HTTP_ERROR')
    expect(error.message).toMatch(/\(418\)/)
  })
})
