import { MAX_BODY_BYTES } from '@payg-kit/core/rules'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AccountState, BACKENDS } from './backends'

// Every case runs against the mock and the server with the same expectations: a rule that one
// of them changes alone fails here.

const FUNDED: AccountState = { balance: '20', card: 'visa', lowBalanceThreshold: 10 }

describe.each(BACKENDS)('the billing extension: %s', (_name, open) => {
  const backend = open()
  beforeAll(() => backend.ready())
  afterAll(() => backend.close())
  const account = (state: Partial<AccountState> = {}) => backend.account({ ...FUNDED, ...state })
  const topUp = (
    a: Awaited<ReturnType<typeof account>>,
    body: unknown,
    key: string | null = 'conformance-key-1',
  ) =>
    a.call('POST', '/billing/top-ups', {
      body,
      headers: key === null ? {} : { 'idempotency-key': key },
    })

  describe('GET /billing/balance', () => {
    it.each([
      ['50', 'OK'],
      ['2.4567', 'LOW'],
      ['0', 'PAUSED'],
    ])('reads %s as %s, exactly', async (balance, state) => {
      const a = await account({ balance })
      const { status, body } = await a.call('GET', '/billing/balance')
      expect(status).toBe(200)
      expect(body).toMatchObject({
        balance,
        currency: 'USD',
        billingModel: 'PAYG',
        state,
        lowBalanceThreshold: 10,
        autoTopUpEnabled: false,
      })
    })
  })

  describe('POST /billing/top-ups', () => {
    it('credits a whole-dollar top-up once, and replays it for the same key and body', async () => {
      const a = await account()
      const first = await topUp(a, { amount: 25 })
      expect(first.status).toBe(201)
      expect(first.body.topUp).toMatchObject({ amount: '25', kind: 'MANUAL', status: 'SUCCEEDED' })
      expect(first.body.balance).toMatchObject({ balance: '45', state: 'OK' })
      const again = await topUp(a, { amount: 25 })
      expect(again.status).toBe(201)
      expect(again.headers.get('idempotent-replayed')).toBe('true')
      expect(again.body.topUp.id).toBe(first.body.topUp.id)
      expect((await a.call('GET', '/billing/balance')).body.balance).toBe('45')
    })

    it('refuses the same key with another body with 409 and credits nothing', async () => {
      const a = await account()
      await topUp(a, { amount: 25 })
      const other = await topUp(a, { amount: 30 })
      expect(other.status).toBe(409)
      expect(other.body.code).toBe('IDEMPOTENCY_CONFLICT')
      expect((await a.call('GET', '/billing/balance')).body.balance).toBe('45')
    })

    it('refuses a body over MAX_BODY_BYTES with 413, credits nothing, and the key stays free', async () => {
      const a = await account()
      const padded = { amount: 25, note: 'x'.repeat(MAX_BODY_BYTES) }
      const big = await a.call('POST', '/billing/top-ups', {
        body: padded,
        headers: { 'idempotency-key': 'big-body' },
      })
      expect(big.status).toBe(413)
      expect(big.body.code).toBe('BAD_REQUEST')
      expect((await a.call('GET', '/billing/balance')).body.balance).toBe('20')
      // Nothing was stored under the key: a proper top-up with it is credited.
      const proper = await a.call('POST', '/billing/top-ups', {
        body: { amount: 25 },
        headers: { 'idempotency-key': 'big-body' },
      })
      expect(proper.status).toBe(201)
    })

    it.each<[string, unknown, string, string]>([
      ['a fractional amount', { amount: 10.5 }, 'amount', 'INVALID_TYPE'],
      ['an amount as a string', { amount: '10' }, 'amount', 'INVALID_TYPE'],
      ['below the minimum', { amount: 4 }, 'amount', 'TOO_SMALL'],
      ['above the maximum', { amount: 10_001 }, 'amount', 'TOO_LARGE'],
      ['no amount', {}, 'amount', 'REQUIRED'],
      ['a null amount', { amount: null }, 'amount', 'REQUIRED'],
      ['a body that is an array', [50], 'amount', 'REQUIRED'],
      [
        'a field that is not part of a top-up',
        { amount: 10, currency: 'USD' },
        'currency',
        'UNKNOWN_FIELD',
      ],
    ])('refuses %s with 422 and credits nothing', async (_what, body, field, code) => {
      const a = await account()
      const answer = await topUp(a, body)
      expect(answer.status).toBe(422)
      expect(answer.body.code).toBe('VALIDATION_FAILED')
      expect(answer.body.fieldErrors).toEqual([
        expect.objectContaining({ field, code, message: expect.any(String) }),
      ])
      expect((await a.call('GET', '/billing/balance')).body.balance).toBe('20')
    })

    // A form (text/plain, urlencoded, multipart) can send JSON-looking text with no preflight:
    // a billing write reads JSON sent as JSON only.
    it.each([
      'text/plain',
      'text/plain;charset=UTF-8',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ])('refuses a write sent as %s with 415, and charges nothing', async (type) => {
      const a = await account()
      for (const [method, path] of [
        ['POST', '/billing/top-ups'],
        ['PUT', '/billing/auto-top-up'],
        ['POST', '/billing/subscription/migrate'],
      ]) {
        const answer = await a.call(method as string, path as string, {
          body: { amount: 10, enabled: true, threshold: 5 },
          headers: { 'idempotency-key': `form-${method}`, 'content-type': type },
        })
        expect(answer.status, path).toBe(415)
        expect(answer.body.code).toBe('BAD_REQUEST')
      }
      // A body with no type at all (a `no-cors` fetch of a Blob sends none) is not read either.
      const untyped = await a.call('POST', '/billing/top-ups', {
        body: new Blob([JSON.stringify({ amount: 10 })]),
        headers: { 'idempotency-key': 'untyped' },
      })
      expect(untyped.status).toBe(415)
      // The type is answered first, before the size, as on both backends.
      const large = await a.call('POST', '/billing/top-ups', {
        body: 'x'.repeat(70_000),
        headers: { 'idempotency-key': 'large', 'content-type': 'text/plain' },
      })
      expect(large.status).toBe(415)
      expect((await a.call('GET', '/billing/balance')).body.balance).toBe('20')
      expect((await a.call('GET', '/billing/auto-top-up')).body.enabled).toBe(false)
      // The same write as JSON goes through.
      const json = await topUp(a, { amount: 10 })
      expect(json.status).toBe(201)
    })

    // The mock and the server answer the same words, and a refused amount names the policy's
    // bounds in `details`, which TopUpForm shows in the user's language.
    it.each<[unknown, [string, string, string][], string, unknown]>([
      [
        { amount: 4 },
        [['amount', 'TOO_SMALL', 'The minimum top-up is $5.']],
        'The top-up amount is outside the allowed range.',
        { minimum: 5, maximum: 10_000 },
      ],
      [
        { amount: 10_001 },
        [['amount', 'TOO_LARGE', 'The maximum top-up is $10,000.']],
        'The top-up amount is outside the allowed range.',
        { minimum: 5, maximum: 10_000 },
      ],
      [
        [50],
        [['amount', 'REQUIRED', 'This field is required.']],
        'The top-up amount is invalid.',
        undefined,
      ],
      [
        { amount: '10', x: 1 },
        [
          ['x', 'UNKNOWN_FIELD', 'Unknown field.'],
          ['amount', 'INVALID_TYPE', 'Must be an integer.'],
        ],
        'The top-up amount is invalid.',
        undefined,
      ],
    ])('answers %j alike on both backends', async (body, problems, message, details) => {
      const a = await account()
      const answer = await topUp(a, body)
      expect(answer.status).toBe(422)
      expect(answer.body.message).toBe(message)
      expect(answer.body.details).toEqual(details)
      expect(
        answer.body.fieldErrors.map((e: Record<string, string>) => [e.field, e.code, e.message]),
      ).toEqual(problems)
    })

    it.each<[string, unknown, string | null]>([
      ['without an Idempotency-Key', { amount: 10 }, null],
      ['with a malformed Idempotency-Key', { amount: 10 }, 'has spaces in it'],
      ['with a body that is not JSON', '{"amount": 10', 'conformance-key-2'],
    ])('answers 400 %s', async (_what, body, key) => {
      const a = await account()
      const answer = await topUp(a, body, key)
      expect(answer.status).toBe(400)
      expect(answer.body.code).toBe('BAD_REQUEST')
      expect((await a.call('GET', '/billing/balance')).body.balance).toBe('20')
    })

    it.each<[AccountState['card'], string]>([
      ['declined', 'PAYMENT_DECLINED'],
      [null, 'NO_PAYMENT_METHOD'],
    ])('answers 402 with a %s card and credits nothing', async (card, code) => {
      const a = await account({ card })
      const answer = await topUp(a, { amount: 10 })
      expect(answer.status).toBe(402)
      expect(answer.body.code).toBe(code)
      expect((await a.call('GET', '/billing/balance')).body.balance).toBe('20')
    })
  })

  describe('GET /billing/transactions', () => {
    it('pages the ledger newest first and filters by type', async () => {
      const a = await account()
      for (const [i, amount] of [10, 20, 30].entries()) {
        expect((await topUp(a, { amount }, `page-key-${i}`)).status).toBe(201)
      }
      const first = await a.call('GET', '/billing/transactions?type=TOP_UP&limit=2')
      expect(first.status).toBe(200)
      expect(first.body.data.map((t: { amount: string }) => t.amount)).toEqual(['30', '20'])
      expect(first.body.data[0]).toMatchObject({ type: 'TOP_UP', balanceAfter: '80' })
      expect(first.body.nextCursor).toEqual(expect.any(String))
      const second = await a.call(
        'GET',
        `/billing/transactions?type=TOP_UP&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
      )
      expect(second.body.data.map((t: { amount: string }) => t.amount)).toEqual(['10'])
      expect(second.body.nextCursor).toBeNull()
    })

    it.each([
      ['limit=0', 'limit', 'OUT_OF_RANGE'],
      ['limit=101', 'limit', 'OUT_OF_RANGE'],
      ['limit=ten', 'limit', 'OUT_OF_RANGE'],
      ['type=BOGUS', 'type', 'INVALID_VALUE'],
      ['type=usage', 'type', 'INVALID_VALUE'],
      ['type=__proto__', 'type', 'INVALID_VALUE'],
    ])('refuses %s with 422 naming the field and its code', async (query, field, code) => {
      const a = await account()
      const answer = await a.call('GET', `/billing/transactions?${query}`)
      expect(answer.status).toBe(422)
      expect(answer.body.code).toBe('VALIDATION_FAILED')
      expect(answer.body.fieldErrors).toEqual([expect.objectContaining({ field, code })])
    })

    it('refuses a cursor it did not issue with 400', async () => {
      const a = await account()
      const answer = await a.call('GET', '/billing/transactions?cursor=not-a-cursor')
      expect(answer.status).toBe(400)
      expect(answer.body.code).toBe('BAD_REQUEST')
    })
  })
})
