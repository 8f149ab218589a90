import { request as httpRequest } from 'node:http'
import { describe, expect, it } from 'vitest'
import { illustrativePricing } from './illustrativePricing'
import { createFakePayments, TEST_CARDS } from './payments'
import { accountId, databases, migratedDatabase } from './test/databases'
import { closeBillingServers, serveBilling } from './test/http'

const NOW = new Date('2026-03-01T12:00:00.000Z')

/**
 * Sends `chunks` as one request body over real HTTP, chunked unless `headers` has a
 * Content-Length; what the server answered, its body read as JSON.
 */
function send(
  origin: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  chunks: Buffer[],
): Promise<{ status: number; body: unknown }> {
  const { hostname, port } = new URL(origin)
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, method, path, headers }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk) => {
        text += chunk
      })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }))
    })
    // The server may answer (and close) before it has read everything: that is the point.
    req.on('error', (error) => {
      if ((error as NodeJS.ErrnoException).code !== 'EPIPE') reject(error)
    })
    for (const chunk of chunks) req.write(chunk)
    req.end()
  })
}

describe.each(databases)('hostile requests to the billing server on $name', ({ open }) => {
  const db = migratedDatabase(open, closeBillingServers)

  async function setup() {
    const a = accountId()
    const payments = createFakePayments()
    payments.setCard(a, TEST_CARDS.visa)
    const served = await serveBilling(
      { ta: a },
      {
        database: db(),
        now: () => NOW,
        payments,
        pricing: illustrativePricing(),
        newAccountCredit: '1',
      },
    )
    const headers = (key?: string) => ({
      authorization: 'Bearer ta',
      'content-type': 'application/json',
      ...(key ? { 'idempotency-key': key } : {}),
    })
    return { ...served, a, payments, headers }
  }

  it('refuses a body over 64 KiB with 413, declared or streamed, and charges nothing', async () => {
    const { origin, call, payments, headers } = await setup()
    // Valid JSON, padded with whitespace: only its size is wrong.
    const padded = (json: string) => [
      Buffer.from(json.slice(0, -1)),
      Buffer.alloc(64 * 1024, 0x20),
      Buffer.from(json.slice(-1)),
    ]
    const writes: [string, string, string, string][] = [
      ['POST', '/billing/top-ups', 'big-1', '{"amount":50}'],
      ['PUT', '/billing/auto-top-up', 'big-2', '{"enabled":true,"threshold":10,"amount":20}'],
      [
        'POST',
        '/billing/pricing/quote',
        '',
        '{"service":"IMAGE_GENERATION","serviceParams":{"IMAGE_GENERATION":{}}}',
      ],
    ]
    for (const [method, path, key, json] of writes) {
      const chunks = padded(json)
      const length = String(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0))
      for (const extra of [{}, { 'content-length': length }] as Record<string, string>[]) {
        const answer = await send(origin, method, path, { ...headers(key), ...extra }, chunks)
        expect(answer, `${method} ${path} ${JSON.stringify(extra)}`).toEqual({
          status: 413,
          body: { code: 'BAD_REQUEST', message: 'The request body is over 65536 bytes.' },
        })
      }
      // The same body without the padding is served.
      const served = await send(origin, method, path, headers(key), [Buffer.from(json)])
      expect(served.status, `${method} ${path}`).toBeLessThan(300)
    }
    // One top-up of $50 (the unpadded one), paid and credited once.
    expect(payments.payments.map((p) => p.amount)).toEqual(['50'])
    expect((await call('/billing/balance', 'ta')).body.balance).toBe('51')
  })

  it('answers a deeply nested auto top-up body with 422, keyed or not, and stores nothing', async () => {
    const { call, headers } = await setup()
    // As deep as fits under the body limit.
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`
    const deepArray = `${'['.repeat(30_000)}${']'.repeat(30_000)}`
    for (const body of [
      deep,
      deepArray,
      `{"enabled":false,"threshold":10,"amount":10,"x":${deep}}`,
    ]) {
      for (const key of ['deep-1', undefined]) {
        const answer = await call('/billing/auto-top-up', 'ta', {
          method: 'PUT',
          headers: headers(key),
          body,
        })
        expect(answer.status).toBe(422)
        expect(answer.body.code).toBe('VALIDATION_FAILED')
      }
    }
    // Nothing was stored under the key: a valid body with it is served, not a 409.
    const saved = await call('/billing/auto-top-up', 'ta', {
      method: 'PUT',
      headers: headers('deep-1'),
      body: JSON.stringify({ enabled: false, threshold: 10, amount: 10 }),
    })
    expect(saved.status).toBe(200)
    expect(saved.body.autoTopUp).toMatchObject({ enabled: false, threshold: 10, amount: 10 })
  })

  it('answers 405 in JSON to a method named like an Object member, as a Fetch handler', async () => {
    // Node's parser refuses these methods, but a Request (Deno, Bun, an edge runtime) allows
    // any token: the handler must still answer a Response, never run an Object member.
    const { billing } = await setup()
    for (const method of ['toString', 'constructor', 'valueOf', 'hasOwnProperty', '__proto__']) {
      for (const path of ['/billing/balance', '/billing/top-ups/k-1', '/billing/auto-top-up']) {
        const answer = await billing(
          new Request(`http://127.0.0.1${path}`, {
            method,
            headers: { authorization: 'Bearer ta' },
          }),
        )
        expect(answer, `${method} ${path}`).toBeInstanceOf(Response)
        expect(answer.status, `${method} ${path}`).toBe(405)
        expect(await answer.json()).toEqual({
          code: 'BAD_REQUEST',
          message: `${method} is not allowed here.`,
        })
      }
    }
  })

  it('answers a lookup racing its own top-up without a 500: one of them wins, money once', async () => {
    // The lookup cancels a key no top-up has reached yet; a top-up it races either comes first
    // (the lookup finds it) or is refused. Neither may fail (a deadlock on PostgreSQL did).
    const { call, headers, payments } = await setup()
    let credited = 0
    for (let i = 0; i < 40; i++) {
      const [topUp, lookup] = await Promise.all([
        call('/billing/top-ups', 'ta', {
          method: 'POST',
          headers: headers(`race-${i}`),
          body: JSON.stringify({ amount: 10 }),
        }),
        call(`/billing/top-ups/race-${i}`, 'ta'),
      ])
      const pair = `${topUp.status} ${lookup.status}`
      expect(['201 200', '201 503', '409 404'], pair).toContain(pair)
      if (topUp.status === 201) credited++
      else expect(topUp.body.details).toMatchObject({ reason: 'CANCELLED_BY_LOOKUP' })
    }
    const paid = payments.payments.filter((p) => p.outcome.status === 'SUCCEEDED')
    expect(paid).toHaveLength(credited)
    expect((await call('/billing/balance', 'ta')).body.balance).toBe(String(1 + 10 * credited))
  })

  it('answers a calculator request whose service is not a string with 422, never a 500', async () => {
    // An object as `service` was used as a property key and in a field name, which converts it
    // with its own `toString`: `{"toString":1}` threw a TypeError (a 500).
    const { call, headers } = await setup()
    for (const service of [{ toString: 1 }, { toString: 1, valueOf: 1 }, ['IMAGE_GENERATION'], 5]) {
      for (const serviceParams of [{}, { IMAGE_GENERATION: 'x' }]) {
        const answer = await call('/billing/pricing/quote', 'ta', {
          method: 'POST',
          headers: headers(),
          body: JSON.stringify({ service, serviceParams }),
        })
        expect(answer.status, JSON.stringify(service)).toBe(422)
        expect(answer.body.code).toBe('VALIDATION_FAILED')
        expect(answer.body.fieldErrors).toContainEqual(
          expect.objectContaining({ field: 'service', code: 'INVALID_VALUE' }),
        )
      }
    }
  })

  it('names the Idempotency-Key header in every 400 about it, as the spec and the mock do', async () => {
    const { call, headers, payments } = await setup()
    const sent: [string, string, string | undefined][] = [
      ['POST', '/billing/top-ups', '{"amount":10}'],
      ['PUT', '/billing/auto-top-up', '{"enabled":false,"threshold":10,"amount":10}'],
      ['DELETE', '/billing/auto-top-up', undefined],
      ['POST', '/billing/subscription/migrate', undefined],
    ]
    for (const [method, path, body] of sent) {
      for (const key of ['.hidden', 'a b', 'é', 'k'.repeat(256)]) {
        const answer = await call(path, 'ta', { method, headers: headers(key), body })
        expect(answer.status, `${method} ${path} ${key}`).toBe(400)
        expect(answer.body).toMatchObject({
          code: 'BAD_REQUEST',
          details: { header: 'Idempotency-Key' },
        })
      }
    }
    const missing = await call('/billing/top-ups', 'ta', {
      method: 'POST',
      headers: headers(),
      body: '{"amount":10}',
    })
    expect(missing.status).toBe(400)
    expect(missing.body).toEqual({
      code: 'BAD_REQUEST',
      message: 'The Idempotency-Key header is required for top-ups.',
      details: { header: 'Idempotency-Key' },
    })
    expect(payments.payments).toEqual([])
  })

  it('answers a missing body as the mock does: 400 "A JSON body is required."', async () => {
    const { call, headers, payments } = await setup()
    const writes: [string, string, string | undefined][] = [
      ['POST', '/billing/top-ups', 'empty-1'],
      ['POST', '/billing/pricing/quote', undefined],
      ['PUT', '/billing/auto-top-up', undefined],
    ]
    for (const [method, path, key] of writes) {
      for (const body of [undefined, '', ' \n\t']) {
        const answer = await call(path, 'ta', { method, headers: headers(key), body })
        expect(answer.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(400)
        expect(answer.body).toEqual({ code: 'BAD_REQUEST', message: 'A JSON body is required.' })
      }
    }
    expect(payments.payments).toEqual([])
  })

  it('runs one of two auto top-up saves racing with one key and different bodies; the other is 409', async () => {
    // Both read the key before either stored an answer, so both ran and the last write won:
    // two 200s for one key, and the winner's own retry then answered 409.
    const { call, headers } = await setup()
    for (let i = 0; i < 8; i++) {
      const bodies = [
        { enabled: false, threshold: 10, amount: 20 },
        { enabled: false, threshold: 30, amount: 50 },
      ]
      const answers = await Promise.all(
        bodies.map((body) =>
          call('/billing/auto-top-up', 'ta', {
            method: 'PUT',
            headers: headers(`same-key-${i}`),
            body: JSON.stringify(body),
          }),
        ),
      )
      expect(answers.map((a) => a.status).sort(), `round ${i}`).toEqual([200, 409])
      const won = answers.findIndex((a) => a.status === 200)
      const loser = answers[1 - won]
      expect(loser?.body.code).toBe('IDEMPOTENCY_CONFLICT')
      const saved = await call('/billing/auto-top-up', 'ta')
      expect(saved.body).toMatchObject(bodies[won] as object)
      const again = await call('/billing/auto-top-up', 'ta', {
        method: 'PUT',
        headers: headers(`same-key-${i}`),
        body: JSON.stringify(bodies[won]),
      })
      expect(again.status).toBe(200)
      expect(again.headers.get('idempotent-replayed')).toBe('true')
    }
  })

  it('frees a key whose auto top-up save failed, and never replays a claim', async () => {
    const { call, headers } = await setup()
    // Refused by the top-up policy inside the save (after the key is claimed): nothing to replay.
    const refused = await call('/billing/auto-top-up', 'ta', {
      method: 'PUT',
      headers: headers('freed-1'),
      body: JSON.stringify({ enabled: false, threshold: 10, amount: 1 }),
    })
    expect(refused.status).toBe(422)
    const saved = await call('/billing/auto-top-up', 'ta', {
      method: 'PUT',
      headers: headers('freed-1'),
      body: JSON.stringify({ enabled: false, threshold: 10, amount: 20 }),
    })
    expect(saved.status).toBe(200)
    expect(saved.headers.get('idempotent-replayed')).toBeNull()
    expect(saved.body.autoTopUp).toMatchObject({ threshold: 10, amount: 20 })
  })
})
