import {
  allowHeader,
  bodyTooLargeMessage,
  IDEMPOTENCY_KEY_MESSAGE,
  IDEMPOTENCY_KEY_REQUIRED_MESSAGE,
  JSON_BODY_MESSAGE,
  MAX_BODY_BYTES,
  UNKNOWN_OPERATION_MESSAGE,
  UNREADABLE_CURSOR,
} from '@payg-kit/core/rules'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AccountState, type Answer, BACKENDS } from './backends'

// How a billing request that is not an operation's is answered, before any operation runs:
// the path, the method, the Idempotency-Key header, then the body. The mock and the server read
// each with the same rule (core/rules), so every case expects the same whole answer of both.

const FUNDED: AccountState = { balance: '20', card: 'visa', lowBalanceThreshold: 10 }
const JSON_TYPE = { 'content-type': 'application/json' }

/** An answer without what differs by nature (ids, dates): its status, Allow, code, message, details. */
const summary = (answer: Answer) => ({
  status: answer.status,
  allow: answer.headers.get('allow'),
  code: answer.body?.code,
  message: answer.body?.message,
  details: answer.body?.details,
  fieldErrors: answer.body?.fieldErrors,
})

describe.each(BACKENDS)('requests that are no operation, or malformed: %s', (_name, open) => {
  const backend = open()
  beforeAll(() => backend.ready())
  afterAll(() => backend.close())
  const account = () => backend.account(FUNDED)

  describe('the path and the method', () => {
    it.each([
      '/billing',
      '/billing/',
      '/billing/nope',
      '/billing/Balance',
      '/billing//balance',
      '/billing/top-ups/a/b',
    ])('answers GET %s with 404 NOT_FOUND', async (path) => {
      const a = await account()
      expect(summary(await a.call('GET', path))).toMatchObject({
        status: 404,
        code: 'NOT_FOUND',
        message: UNKNOWN_OPERATION_MESSAGE,
      })
    })

    it.each([
      ['PATCH', '/billing/balance', ['GET']],
      ['DELETE', '/billing/top-ups', ['GET', 'POST']],
      ['OPTIONS', '/billing/auto-top-up', ['DELETE', 'GET', 'PUT']],
      ['POST', '/billing/top-ups/some-key', ['GET']],
      ['PUT', '/billing/subscription/migrate', ['POST']],
    ])(
      'answers %s %s with 405 and the methods it serves in Allow',
      async (method, path, allowed) => {
        const a = await account()
        const answer = await a.call(method, path, { body: {}, headers: JSON_TYPE })
        expect(summary(answer)).toMatchObject({
          status: 405,
          allow: allowHeader(allowed),
          code: 'BAD_REQUEST',
          message: `${method} is not allowed here.`,
        })
        expect((await a.call('GET', '/billing/balance')).body.balance).toBe('20')
      },
    )

    it('answers HEAD with a 405 and no body', async () => {
      const a = await account()
      const answer = await a.call('HEAD', '/billing/balance')
      expect(answer.status).toBe(405)
      expect(answer.headers.get('allow')).toBe('GET')
      expect(answer.body).toBeNull()
    })
  })

  describe('the Idempotency-Key header, read before the body', () => {
    it.each([
      ['POST', '/billing/top-ups', '{"amount": 10'],
      ['PUT', '/billing/auto-top-up', '{"enabled": "yes"}'],
      ['DELETE', '/billing/auto-top-up', undefined],
      ['POST', '/billing/subscription/migrate', undefined],
    ])('answers %s %s with a malformed key 400, naming the header', async (method, path, body) => {
      const a = await account()
      for (const key of ['has spaces', '.dot', 'x'.repeat(256), 'ünï']) {
        const answer = await a.call(method, path, {
          body,
          headers: { ...JSON_TYPE, 'idempotency-key': key },
        })
        expect(summary(answer), key).toMatchObject({
          status: 400,
          code: 'BAD_REQUEST',
          message: IDEMPOTENCY_KEY_MESSAGE,
          details: { header: 'Idempotency-Key' },
        })
      }
      expect((await a.call('GET', '/billing/auto-top-up')).body.enabled).toBe(false)
      expect((await a.call('GET', '/billing/balance')).body.balance).toBe('20')
    })

    it('asks for the key of a top-up before reading its body, an empty key being none', async () => {
      const a = await account()
      for (const headers of [{}, { 'idempotency-key': '' }] as Record<string, string>[]) {
        const answer = await a.call('POST', '/billing/top-ups', {
          body: 'not json',
          headers: { ...JSON_TYPE, ...headers },
        })
        expect(summary(answer)).toMatchObject({
          status: 400,
          message: IDEMPOTENCY_KEY_REQUIRED_MESSAGE,
          details: { header: 'Idempotency-Key' },
        })
      }
    })

    it('reads the key before the size of the body, and never sizes a body the write does not read', async () => {
      const a = await account()
      const oversized = JSON.stringify({ amount: 10, note: 'x'.repeat(MAX_BODY_BYTES) })
      const badKey = await a.call('POST', '/billing/top-ups', {
        body: oversized,
        headers: { ...JSON_TYPE, 'idempotency-key': 'has spaces' },
      })
      expect(summary(badKey)).toMatchObject({ status: 400, message: IDEMPOTENCY_KEY_MESSAGE })
      const tooLarge = await a.call('PUT', '/billing/auto-top-up', {
        body: oversized,
        headers: JSON_TYPE,
      })
      expect(summary(tooLarge)).toMatchObject({ status: 413, message: bodyTooLargeMessage() })
      const unread = await a.call('DELETE', '/billing/auto-top-up', {
        body: oversized,
        headers: JSON_TYPE,
      })
      expect(unread.status).toBe(200)
      expect((await a.call('GET', '/billing/balance')).body.balance).toBe('20')
    })
  })

  describe('the body', () => {
    it.each([
      ['POST', '/billing/top-ups'],
      ['PUT', '/billing/auto-top-up'],
      ['POST', '/billing/pricing/quote'],
    ])(
      'answers %s %s with a blank body "required", and other text "not valid JSON"',
      async (method, path) => {
        const a = await account()
        const send = (body: string, key: string) =>
          a.call(method, path, { body, headers: { ...JSON_TYPE, 'idempotency-key': key } })
        expect(summary(await send('  \n ', 'blank'))).toMatchObject({
          status: 400,
          message: 'A JSON body is required.',
        })
        expect(summary(await send('{"amount": 10}trailing', 'trailing'))).toMatchObject({
          status: 400,
          message: 'The request body is not valid JSON.',
        })
      },
    )

    it.each([
      ['{"amount":5,"amount":5000}', 'amount'],
      ['{"amount":5,"\\u0061mount":5000}', 'amount'],
      ['{"amount":5,"note":{"a":1,"a":2}}', 'a'],
    ])('refuses %s, a key given twice, with 400 and writes nothing', async (body, key) => {
      const a = await account()
      const headers = { ...JSON_TYPE, 'idempotency-key': 'twice' }
      const answer = await a.call('POST', '/billing/top-ups', { body, headers })
      expect(summary(answer)).toMatchObject({
        status: 400,
        code: 'BAD_REQUEST',
        message: 'The request body gives a key more than once.',
        details: { key },
      })
      expect((await a.call('GET', '/billing/balance')).body.balance).toBe('20')
      // Nothing was kept under the key: the body meant once is credited with it.
      const clean = await a.call('POST', '/billing/top-ups', { body: '{"amount":5}', headers })
      expect(clean.status).toBe(201)
      expect(clean.body.balance.balance).toBe('25')
    })

    it('reads a key inside a string, or the same key in two objects, as no repeat', async () => {
      const a = await account()
      const answer = await a.call('POST', '/billing/pricing/quote', {
        body: '{"service":"IMAGE_GENERATION","serviceParams":{"IMAGE_GENERATION":{"prompt":"\\"service\\": {}"}}}',
        headers: JSON_TYPE,
      })
      expect(answer.body.message).not.toBe('The request body gives a key more than once.')
    })

    it.each([
      'application/json; charset=utf-16',
      'application/json;charset=ISO-8859-1',
      'application/json-patch+json',
      'text/json',
    ])('refuses a body sent as %s with 415', async (type) => {
      const a = await account()
      const answer = await a.call('POST', '/billing/top-ups', {
        body: new Blob(['{"amount":10}'], { type }),
        headers: { 'idempotency-key': 'typed' },
      })
      expect(summary(answer)).toMatchObject({
        status: 415,
        code: 'BAD_REQUEST',
        message: JSON_BODY_MESSAGE,
      })
      expect((await a.call('GET', '/billing/balance')).body.balance).toBe('20')
    })

    it.each(['application/json; charset=UTF-8', 'Application/JSON;charset="utf-8"'])(
      'reads a body sent as %s',
      async (type) => {
        const a = await account()
        const answer = await a.call('POST', '/billing/top-ups', {
          body: new Blob(['{"amount":10}'], { type }),
          headers: { 'idempotency-key': 'utf8' },
        })
        expect(answer.status).toBe(201)
      },
    )

    it.each(['null', '[]', '"IMAGE_GENERATION"', '7'])(
      'answers a quote body %s that is no object as the calculator does: 422, service required',
      async (body) => {
        const a = await account()
        const answer = await a.call('POST', '/billing/pricing/quote', { body, headers: JSON_TYPE })
        expect(summary(answer)).toMatchObject({
          status: 422,
          code: 'VALIDATION_FAILED',
          message: 'Some parameters are invalid.',
          fieldErrors: [{ field: 'service', code: 'REQUIRED', message: 'This field is required.' }],
        })
      },
    )
  })

  it.each(['/billing/transactions', '/billing/top-ups'])(
    'answers a cursor %s did not issue with 400 naming the parameter',
    async (path) => {
      const a = await account()
      for (const cursor of ['', 'not-a-cursor', '%FF', 'A'.repeat(2000)]) {
        expect(summary(await a.call('GET', `${path}?cursor=${cursor}`)), cursor).toMatchObject({
          status: 400,
          code: 'BAD_REQUEST',
          message: UNREADABLE_CURSOR.message,
          details: { parameter: 'cursor' },
        })
      }
    },
  )
})

// The same hostile requests on every backend: the whole answers are compared with each other,
// so a rule one of them changes alone fails here even where no case above names it.
describe('every backend answers a hostile request alike', () => {
  const cases: Array<[string, string, { body?: unknown; headers?: Record<string, string> }]> = []
  const key = (k: string) => ({ ...JSON_TYPE, 'idempotency-key': k })
  const writes = [
    ['POST', '/billing/top-ups'],
    ['PUT', '/billing/auto-top-up'],
    ['DELETE', '/billing/auto-top-up'],
    ['POST', '/billing/subscription/migrate'],
    ['POST', '/billing/pricing/quote'],
  ] as const
  const bodies = [undefined, '', '{bad', 'null', '[]', '{}', '{"amount":10,"amount":10}']
  for (const [method, path] of writes) {
    for (const [i, body] of bodies.entries()) {
      for (const k of [null, '', 'bad key', `k${i}`]) {
        cases.push([method, path, { body, headers: k === null ? JSON_TYPE : key(k) }])
      }
    }
  }
  for (const body of [
    '{"amount": 10.0}',
    '{"amount": "10"}',
    '{"amount": 1e400}',
    '{"amount": 4}',
    '{"amount": 10, "x": 1}',
    '{"__proto__": {"amount": 10}}',
  ]) {
    cases.push(['POST', '/billing/top-ups', { body, headers: key(`t${cases.length}`) }])
  }
  for (const body of [
    '{"enabled":true}',
    '{"enabled":true,"threshold":5,"amount":2}',
    '{"enabled":null}',
    '{"enabled":true,"threshold":5.5,"amount":20}',
    '{"enabled":true,"threshold":5,"amount":20,"monthlyCap":10}',
  ]) {
    cases.push(['PUT', '/billing/auto-top-up', { body, headers: key(`a${cases.length}`) }])
  }
  for (const path of [
    '/billing/balance',
    '/billing/top-ups',
    '/billing/nope',
    '/billing/Balance',
    '/billing/top-ups/..',
    '/billing/top-ups/a%2Fb',
  ]) {
    for (const method of ['GET', 'PATCH', 'HEAD', 'OPTIONS']) cases.push([method, path, {}])
  }
  for (const query of [
    'limit=0',
    'limit=1e1',
    'limit=5&limit=6',
    'type=usage',
    'Limit=5',
    'cursor=',
    'limit',
  ]) {
    cases.push(['GET', `/billing/transactions?${query}`, {}])
    cases.push(['GET', `/billing/top-ups?${query}`, {}])
  }
  for (const query of [
    'from=2026-02-30',
    'from=2026-01-31&to=2026-01-01',
    'granularity=week',
    'from=1900-01-01&to=2026-01-01',
    'x=1',
  ]) {
    cases.push(['GET', `/billing/usage?${query}`, {}])
  }

  it(`answers ${cases.length} requests the same on ${BACKENDS.map(([name]) => name).join(' and ')}`, {
    timeout: 120_000,
  }, async () => {
    const answers: Array<Array<ReturnType<typeof summary> | 'ok'>> = []
    for (const [, open] of BACKENDS) {
      const backend = open()
      await backend.ready()
      const rows: Array<ReturnType<typeof summary> | 'ok'> = []
      for (const [method, path, options] of cases) {
        const a = await backend.account(FUNDED)
        const answer = await a.call(method, path, options)
        // A success's body holds ids and times of its own: its status is compared.
        rows.push(answer.status < 300 ? 'ok' : summary(answer))
      }
      answers.push(rows)
      await backend.close()
    }
    const [first, ...others] = answers
    for (const other of others) {
      cases.forEach(([method, path, options], i) => {
        expect(other[i], `${method} ${path} ${JSON.stringify(options)}`).toEqual(first?.[i])
      })
    }
  })
})

// One key sent twice on one account, with every pair of writes: the second answer (a replay,
// a 409, or the body's own 422 when the body is invalid) is the same on every backend. A body is
// read before its key is looked up, and a body sent to a write that takes none is not read.
describe('every backend answers a key sent twice alike', () => {
  const writes: Array<[string, string, unknown]> = [
    ['POST', '/billing/top-ups', { amount: 10 }],
    ['POST', '/billing/top-ups', { amount: 20 }],
    ['POST', '/billing/top-ups', { amount: 4 }],
    ['POST', '/billing/top-ups', { amount: 'ten' }],
    ['PUT', '/billing/auto-top-up', { enabled: true, threshold: 5, amount: 20 }],
    ['PUT', '/billing/auto-top-up', { enabled: false, threshold: 5, amount: 20 }],
    ['PUT', '/billing/auto-top-up', { enabled: true }],
    ['PUT', '/billing/auto-top-up', { enabled: true, threshold: 5, amount: 20, monthlyCap: 10 }],
    ['DELETE', '/billing/auto-top-up', undefined],
    ['DELETE', '/billing/auto-top-up', { reason: 'ignored' }],
    ['POST', '/billing/subscription/migrate', undefined],
  ]
  const pairs = writes.flatMap((first) => writes.map((second) => [first, second] as const))
  const keyed = (k: string) => ({ ...JSON_TYPE, 'idempotency-key': k })
  /** The second answer of the pair of `writes[first]` then `writes[second]`. */
  const pairIndex = (first: number, second: number) => first * writes.length + second

  it(`answers ${pairs.length} pairs of writes under one key the same on every backend`, {
    timeout: 120_000,
  }, async () => {
    type Seen = Partial<ReturnType<typeof summary>> & { replayed: string | null }
    const answers: Seen[][][] = []
    for (const [, open] of BACKENDS) {
      const backend = open()
      await backend.ready()
      const rows: Seen[][] = []
      for (const [i, pair] of pairs.entries()) {
        const a = await backend.account(FUNDED)
        const seen: Seen[] = []
        for (const [method, path, body] of pair) {
          const answer = await a.call(method, path, { body, headers: keyed(`twice-${i}`) })
          seen.push({
            ...(answer.status < 300 ? { status: answer.status } : summary(answer)),
            replayed: answer.headers.get('idempotent-replayed'),
          })
        }
        rows.push(seen)
      }
      answers.push(rows)
      await backend.close()
    }
    const [first, ...others] = answers
    for (const other of others) {
      pairs.forEach((pair, i) => {
        expect(other[i], JSON.stringify(pair)).toEqual(first?.[i])
      })
    }
    // The cases reach each outcome, on every backend alike.
    const second = (i: number, j: number) => first?.[pairIndex(i, j)]?.[1]
    expect(second(0, 0)).toMatchObject({ status: 201, replayed: 'true' })
    expect(second(0, 1)).toMatchObject({ status: 409, code: 'IDEMPOTENCY_CONFLICT' })
    expect(second(4, 0)).toMatchObject({ status: 409, code: 'IDEMPOTENCY_CONFLICT' })
    // A used key does not hide what is wrong with the body: its shape, then the policy's bounds.
    expect(second(0, 3)).toMatchObject({ status: 422, code: 'VALIDATION_FAILED' })
    expect(second(0, 2)?.fieldErrors).toEqual([expect.objectContaining({ code: 'TOO_SMALL' })])
    expect(second(4, 6)).toMatchObject({ status: 422, code: 'VALIDATION_FAILED' })
    // A body sent to a write that takes none is not read: the same key replays whatever it carries.
    expect(second(8, 9)).toMatchObject({ status: 200, replayed: 'true' })
  })
})
