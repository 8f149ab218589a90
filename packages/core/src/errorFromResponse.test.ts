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

  describe('a refusal for lack of balance, however it arrives', () => {
    it.each<[string, number, unknown, string]>([
      [
        "Anthropic's 400",
        400,
        {
          type: 'error',
          error: {
            type: 'invalid_request_error',
            message:
              'Your credit balance is too low to access the API. Please go to Plans & Billing to upgrade or purchase credits.',
          },
        },
        'Your credit balance is too low to access the API.',
      ],
      [
        'a Leonardo-style 400 with its own code',
        400,
        {
          error: 'Insufficient API credits to complete this request',
          path: '$',
          code: 'unexpected',
        },
        'Insufficient API credits to complete this request.',
      ],
      [
        'a Leonardo-style 403 with a numeric code',
        403,
        { error: 'You do not have enough API tokens for this generation', code: 4031 },
        'You do not have enough API tokens for this generation.',
      ],
      [
        'a 400 whose code says it',
        400,
        { error: 'Request refused', code: 'insufficient_quota' },
        'Request refused.',
      ],
      [
        'a plain-text 403',
        403,
        'Insufficient credits for this request',
        'Insufficient credits for this request.',
      ],
      ['a bare 402', 402, undefined, ''],
      ["a 402 in Leonardo's shape", 402, { error: 'Payment required', code: 'unexpected' }, ''],
    ])('%s', (_, status, body, said) => {
      const error = map(status, body)
      expect(error).toBeInstanceOf(InsufficientBalanceError)
      expect(error.code).toBe('INSUFFICIENT_BALANCE')
      expect(error.status).toBe(status)
      expect((error as InsufficientBalanceError).balance).toBeNull()
      // The server's words come first, so the user reads why.
      expect(error.message.startsWith(`[payg-kit] ${said}`)).toBe(true)
    })

    it.each<[string, number, unknown, new (...args: never[]) => PaygError]>([
      [
        'a 403 for missing permissions',
        403,
        { error: 'Insufficient permissions for this key', code: 'forbidden' },
        AuthError,
      ],
      [
        'an Anthropic permission 403',
        403,
        {
          type: 'error',
          error: {
            type: 'permission_error',
            message: 'Your API key does not have permission to use the specified resource.',
          },
        },
        AuthError,
      ],
      [
        'a 400 about a too low amount',
        400,
        { error: 'amount is too low: the minimum top-up is $5', code: 'bad_request' },
        ValidationError,
      ],
      [
        'a 400 about a field named balance',
        400,
        { error: 'lowBalanceThreshold must be a number', code: 'unexpected' },
        ValidationError,
      ],
      [
        'a kit VALIDATION_FAILED that mentions the balance',
        422,
        {
          code: 'VALIDATION_FAILED',
          message: 'threshold: insufficient balance history',
          fieldErrors: [],
        },
        ValidationError,
      ],
      [
        'a kit BAD_REQUEST whose words look like it',
        400,
        { code: 'BAD_REQUEST', message: 'balance is too low to be a threshold' },
        ValidationError,
      ],
      ['a 401 that says so', 401, { error: 'Insufficient credits' }, AuthError],
      ['a 429 that says so', 429, { error: 'insufficient_quota' }, RateLimitError],
    ])('is not read into %s', (_, status, body, type) => {
      const error = map(status, body)
      expect(error).not.toBeInstanceOf(InsufficientBalanceError)
      expect(error).toBeInstanceOf(type)
    })

    it('keeps a 402 that is a declined payment a declined payment', () => {
      expect(
        map(402, { code: 'PAYMENT_DECLINED', message: 'Insufficient funds on the card' }),
      ).toBeInstanceOf(PaymentDeclinedError)
    })
  })

  it("carries the card issuer's request to authenticate (3-D Secure) as clientSecret, and nothing else as one", () => {
    const asks = (details: unknown) =>
      (
        map(402, {
          code: 'PAYMENT_DECLINED',
          message: 'Authenticate',
          details,
        }) as PaymentDeclinedError
      ).clientSecret
    expect(asks({ declineCode: 'authentication_required', clientSecret: 'pi_1_secret_2' })).toBe(
      'pi_1_secret_2',
    )
    // Another decline, no secret, a secret of the wrong shape: null, so nothing is confirmed.
    expect(asks({ declineCode: 'card_declined', clientSecret: 'pi_1_secret_2' })).toBeNull()
    expect(asks({ declineCode: 'authentication_required' })).toBeNull()
    expect(asks({ declineCode: 'authentication_required', clientSecret: 42 })).toBeNull()
    expect(asks({ declineCode: 'authentication_required', clientSecret: 'a b' })).toBeNull()
    expect(
      asks({ declineCode: 'authentication_required', clientSecret: 'x'.repeat(501) }),
    ).toBeNull()
    expect(asks(null)).toBeNull()
    expect(asks('authentication_required')).toBeNull()
  })

  it("falls back to HTTP_ERROR, not the API's own code, for a status it does not know", () => {
    expect(map(418, { error: 'teapot', code: 'unexpected' }).code).toBe('HTTP_ERROR')
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
