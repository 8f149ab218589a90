import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { delay, HttpResponse, http, passthrough } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createPaygClient } from './createPaygClient'
import { createRawClient } from './createRawClient'
import {
  AuthError,
  InsufficientBalanceError,
  MalformedResponseError,
  NetworkError,
  PaygError,
  PaymentDeclinedError,
  ServerError,
  TimeoutError,
  ValidationError,
} from './errors'

const BASE = 'https://api.test/v1'
const KEY = 'sk_live_5f3b9c2d7e1a4b6c8d0e2f4a6b8c0d1e'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const tx = (id: string) => ({
  id,
  type: 'USAGE',
  amount: '-0.024',
  balanceAfter: '12.4327',
  description: 'Image generation',
  service: 'IMAGE_GENERATION',
  generationId: `g_${id}`,
  topUpId: null,
  createdAt: '2025-06-01T12:00:00.000Z',
})

describe('transactions() and a repeated cursor', () => {
  it.each([
    ['the cursor it was just given', ['c1', 'c1']],
    ['a cursor from further back', ['c1', 'c2', 'c1']],
  ])('stops with a MalformedResponseError when the server hands out %s', async (_, next) => {
    const cursors: Array<string | null> = []
    server.use(
      http.get(`${BASE}/billing/transactions`, ({ request }) => {
        cursors.push(new URL(request.url).searchParams.get('cursor'))
        return HttpResponse.json({
          data: [tx(String(cursors.length))],
          nextCursor: next[cursors.length - 1] ?? null,
        })
      }),
    )
    const ids: string[] = []
    const error = await (async () => {
      for await (const page of createPaygClient({ baseUrl: BASE }).transactions()) {
        ids.push(...page.data.map((t) => t.id))
      }
    })().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MalformedResponseError)
    expect((error as MalformedResponseError).code).toBe('MALFORMED_RESPONSE')
    expect((error as MalformedResponseError).details.field).toBe('nextCursor')
    expect((error as Error).message).toContain('handed out the cursor "c1" a second time')
    // Every page was read once; the repeated cursor was never requested again.
    expect(ids).toEqual(next.map((_, i) => String(i + 1)))
    expect(cursors).toEqual([null, ...next.slice(0, -1)])
  })
})

describe('a failed topUp carries its idempotency key', () => {
  const refuse = (status: number, code: string) => () =>
    HttpResponse.json({ code, message: 'No' }, { status })

  it.each([
    ['a network error', () => HttpResponse.error(), NetworkError],
    ['a server error', refuse(500, 'INTERNAL_ERROR'), ServerError],
    ['a declined payment', refuse(402, 'PAYMENT_DECLINED'), PaymentDeclinedError],
    ['a paused account', refuse(402, 'INSUFFICIENT_BALANCE'), InsufficientBalanceError],
    ['a refused key', refuse(401, 'UNAUTHORIZED'), AuthError],
    ['a malformed success', () => HttpResponse.json({ topUp: null }), MalformedResponseError],
  ])('on %s', async (_, answer, type) => {
    server.use(http.post(`${BASE}/billing/top-ups`, answer))
    const client = createPaygClient({ baseUrl: BASE, retry: { retries: 1, baseDelayMs: 1 } })
    const given = await client.topUp({ amount: 10, idempotencyKey: 'intent-1' }).catch((e) => e)
    expect(given).toBeInstanceOf(type)
    expect((given as PaygError).idempotencyKey).toBe('intent-1')
    const fresh = await client.topUp({ amount: 10 }).catch((e) => e)
    expect((fresh as PaygError).idempotencyKey).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('on a timeout, with the key that every attempt was sent with', async () => {
    const keys: Array<string | null> = []
    server.use(
      http.post(`${BASE}/billing/top-ups`, async ({ request }) => {
        keys.push(request.headers.get('idempotency-key'))
        await delay('infinite')
        return HttpResponse.json({})
      }),
    )
    const error = await createPaygClient({
      baseUrl: BASE,
      timeoutMs: 20,
      retry: { retries: 1, baseDelayMs: 1 },
    })
      .topUp({ amount: 10 })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TimeoutError)
    expect(keys).toHaveLength(2)
    expect((error as TimeoutError).idempotencyKey).toBe(keys[0])
    expect(keys[1]).toBe(keys[0])
  })

  it('on an amount refused before sending', async () => {
    const error = await createPaygClient({ baseUrl: BASE })
      .topUp({ amount: 2.5, idempotencyKey: 'intent-2' })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).idempotencyKey).toBe('intent-2')
  })

  it('and migrateToPayg does too', async () => {
    server.use(http.post(`${BASE}/billing/subscription/migrate`, () => HttpResponse.error()))
    const error = await createPaygClient({ baseUrl: BASE, retry: false })
      .migrateToPayg({ idempotencyKey: 'migrate-1' })
      .catch((e: unknown) => e)
    expect((error as NetworkError).idempotencyKey).toBe('migrate-1')
  })
})

describe('updateAutoTopUp and monthlyCap', () => {
  it('leaves monthlyCap out when omitted, and sends null to remove the cap', async () => {
    const bodies: unknown[] = []
    server.use(
      http.put(`${BASE}/billing/auto-top-up`, async ({ request }) => {
        bodies.push(JSON.parse(await request.text()))
        return HttpResponse.json({ code: 'INTERNAL_ERROR', message: 'x' }, { status: 500 })
      }),
    )
    const client = createPaygClient({ baseUrl: BASE, retry: false })
    for (const input of [
      { enabled: true, threshold: 10, amount: 50 },
      { enabled: true, threshold: 10, amount: 50, monthlyCap: undefined },
      { enabled: true, threshold: 10, amount: 50, monthlyCap: null },
      { enabled: true, threshold: 10, amount: 50, monthlyCap: 200 },
    ]) {
      await client.updateAutoTopUp(input).catch(() => undefined)
    }
    expect(bodies).toEqual([
      { enabled: true, threshold: 10, amount: 50 },
      { enabled: true, threshold: 10, amount: 50 },
      { enabled: true, threshold: 10, amount: 50, monthlyCap: null },
      { enabled: true, threshold: 10, amount: 50, monthlyCap: 200 },
    ])
    expect(Object.hasOwn(bodies[1] as object, 'monthlyCap')).toBe(false)
  })
})

/** Every string an error exposes: message, stack, details and causes, as a log would print them. */
function exposed(error: unknown): string {
  const parts: unknown[] = []
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    parts.push(e.message, e.stack, (e as PaygError).details, (e as ValidationError).fieldErrors)
  }
  return JSON.stringify(parts)
}

describe('error messages never contain the API key', () => {
  const echo = `Invalid API key ${KEY} (Bearer ${KEY})`

  it.each([
    ['a JSON error that echoes it in message, details and field errors', 401],
    ['a validation error that echoes it', 422],
    ['a rate limit that echoes it', 429],
  ])('given %s', async (_, status) => {
    server.use(
      http.get(`${BASE}/billing/balance`, () =>
        HttpResponse.json(
          {
            code: status === 422 ? 'VALIDATION_FAILED' : 'UNAUTHORIZED',
            message: echo,
            details: { key: KEY, nested: [{ header: `Authorization: Bearer ${KEY}` }] },
            fieldErrors: [{ field: 'apiKey', message: echo, code: 'INVALID' }],
          },
          { status },
        ),
      ),
    )
    const error = await createPaygClient({ baseUrl: BASE, apiKey: KEY, retry: false })
      .getBalance()
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PaygError)
    expect((error as Error).message).toContain('Invalid API key [redacted]')
    expect(exposed(error)).not.toContain(KEY)
    expect(exposed(error)).not.toContain(KEY.slice(0, 12))
  })

  it('given a plain-text error page that echoes it past where the message is cut', async () => {
    server.use(
      http.get(`${BASE}/billing/balance`, () =>
        HttpResponse.text(`${'x'.repeat(180)} key=${KEY}`, { status: 500 }),
      ),
    )
    const error = await createPaygClient({ baseUrl: BASE, apiKey: KEY, retry: false })
      .getBalance()
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ServerError)
    // No leading part of the key survives the cut either.
    expect(exposed(error)).not.toContain(KEY.slice(0, 8))
  })

  it('given a malformed success that echoes it where a field is due', async () => {
    server.use(
      http.get(`${BASE}/billing/balance`, () => HttpResponse.json({ balance: `${KEY} is yours` })),
    )
    const error = await createPaygClient({ baseUrl: BASE, apiKey: KEY })
      .getBalance()
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MalformedResponseError)
    expect(exposed(error)).not.toContain(KEY.slice(0, 8))
  })

  it('given a fetch failure whose message and cause carry it, URL-encoded or not', async () => {
    const client = createPaygClient({
      baseUrl: BASE,
      headers: { 'X-Api-Key': KEY },
      retry: false,
      fetch: async () => {
        throw new TypeError(`fetch failed for https://api.test/?key=${encodeURIComponent(KEY)}`, {
          cause: new Error(`socket hang up (x-api-key: ${KEY})`),
        })
      },
    })
    for (const call of [
      () => client.getBalance(),
      () => createRawClient(client).GET('/billing/balance'),
    ]) {
      const error = await call().catch((e: unknown) => e)
      expect(error).toBeInstanceOf(NetworkError)
      expect(exposed(error)).toContain('[redacted]')
      expect(exposed(error)).not.toContain(KEY)
    }
  })

  it.each(['X-Authorization', 'X-Auth-Key', 'Ocp-Apim-Subscription-Key', 'X-Session-Id'])(
    'given a fetch failure that carries the value of a %s header',
    async (name) => {
      const error = await createPaygClient({
        baseUrl: BASE,
        headers: { [name]: KEY },
        retry: false,
        fetch: async () => {
          throw new TypeError(`socket hang up (${name}: ${KEY})`)
        },
      })
        .getBalance()
        .catch((e: unknown) => e)
      expect(error).toBeInstanceOf(NetworkError)
      expect(exposed(error)).not.toContain(KEY)
    },
  )

  it('keeps messages whole around a credential header of a few characters (no secret)', async () => {
    const error = await createPaygClient({
      baseUrl: BASE,
      headers: { 'X-Session-Id': '5' },
      retry: false,
      fetch: async () =>
        Response.json(
          { code: 'VALIDATION_FAILED', message: 'A top-up is at least $5.', fieldErrors: [] },
          { status: 422 },
        ),
    })
      .getBalance()
      .catch((e: unknown) => e)
    expect((error as Error).message).toContain('A top-up is at least $5.')
  })

  it('given a server on loopback that echoes the Authorization header it received', async () => {
    const echoing = createServer((request, response) => {
      response.writeHead(400, { 'content-type': 'application/json' })
      response.end(
        JSON.stringify({
          code: 'BAD_REQUEST',
          message: `Bad header: ${request.headers.authorization}`,
          details: { headers: request.headers },
        }),
      )
    })
    await new Promise<void>((resolve) => echoing.listen(0, '127.0.0.1', resolve))
    const { port } = echoing.address() as AddressInfo
    server.use(http.get(`http://127.0.0.1:${port}/*`, () => passthrough()))
    const error = await createPaygClient({ baseUrl: `http://127.0.0.1:${port}`, apiKey: KEY })
      .getBalance()
      .catch((e: unknown) => e)
    await new Promise((resolve) => echoing.close(resolve))
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as Error).message).toContain('Bad header: [redacted]')
    expect(exposed(error)).not.toContain(KEY)
  })
})
