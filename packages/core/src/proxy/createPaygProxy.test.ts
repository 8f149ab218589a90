// The proxy behind a real HTTP server on loopback, in front of a real upstream server on
// loopback, called with real fetch: what a browser widget meets in production.
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createPaygClient } from '../createPaygClient'
import { AuthError, RateLimitError } from '../errors'
import { createPaygProxy, type PaygProxyOptions } from './createPaygProxy'
import { toNodeListener } from './toNodeListener'

const API_KEY = 'sk_live_server_secret_123'

interface Seen {
  method: string
  url: string
  headers: IncomingMessage['headers']
  body: string
}

let upstream: Server
let upstreamUrl = ''
const seen: Seen[] = []
// What the upstream does next; each test sets it.
let answer: (
  req: IncomingMessage,
  body: string,
) => { status: number; headers?: Record<string, string>; body?: string } | 'hang' = () => ({
  status: 200,
  body: '{}',
})

const servers: Server[] = []

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

/** Starts the proxy in its own HTTP server on loopback; returns its base URL. */
async function startProxy(options: Partial<PaygProxyOptions> = {}): Promise<string> {
  const server = createServer(
    toNodeListener(
      createPaygProxy({
        apiKey: API_KEY,
        upstream: upstreamUrl,
        basePath: '/api/payg',
        authorize: () => true,
        ...options,
      }),
    ),
  )
  servers.push(server)
  return `${await listen(server)}/api/payg`
}

beforeAll(async () => {
  upstream = createServer(async (req, res) => {
    let body = ''
    for await (const chunk of req) body += chunk
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body })
    const reply = answer(req, body)
    if (reply === 'hang') return
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers })
    res.end(reply.body ?? '')
  })
  upstreamUrl = await listen(upstream)
})

afterEach(async () => {
  seen.length = 0
  answer = () => ({ status: 200, body: '{}' })
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise((resolve) => {
          server.closeAllConnections()
          server.close(resolve)
        }),
    ),
  )
})

afterAll(async () => {
  upstream.closeAllConnections()
  await new Promise((resolve) => upstream.close(resolve))
})

describe('createPaygProxy through real HTTP on loopback', () => {
  it("forwards an allowed call with the server's key, and the client reads the answer", async () => {
    answer = (req) => ({
      status: 200,
      body: JSON.stringify({
        balance: '12.4567',
        currency: 'USD',
        billingModel: 'PAYG',
        credits: null,
        state: 'OK',
        lowBalanceThreshold: null,
        autoTopUpEnabled: false,
        updatedAt: '2026-11-26T00:00:00.000Z',
        path: req.url,
      }),
    })
    const base = await startProxy()
    const balance = await createPaygClient({ baseUrl: base }).getBalance()
    expect(balance.balance).toEqual({ amount: '12.4567', unit: 'USD' })
    expect(seen).toHaveLength(1)
    expect(seen[0]?.url).toBe('/billing/balance')
    expect(seen[0]?.headers.authorization).toBe(`Bearer ${API_KEY}`)
  })

  it('forwards a top-up with its body, query and idempotency key, and passes the replay header back', async () => {
    answer = (_req, body) => ({
      status: 201,
      headers: { 'idempotent-replayed': 'true', 'x-upstream-secret': 'internal' },
      body: JSON.stringify({ echo: JSON.parse(body) }),
    })
    const base = await startProxy()
    const response = await fetch(`${base}/billing/top-ups?source=widget`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': 'intent-1',
        cookie: 'session=abc',
      },
      body: JSON.stringify({ amount: 25 }),
    })
    expect(response.status).toBe(201)
    expect(response.headers.get('idempotent-replayed')).toBe('true')
    expect(response.headers.get('x-upstream-secret')).toBeNull()
    expect(await response.json()).toEqual({ echo: { amount: 25 } })
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/billing/top-ups?source=widget' })
    expect(seen[0]?.headers['idempotency-key']).toBe('intent-1')
    expect(seen[0]?.headers.cookie).toBeUndefined()
  })

  it('refuses a path that is not allow-listed, without calling upstream', async () => {
    const base = await startProxy()
    const generation = await fetch(`${base}/generations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'a fox' }),
    })
    expect(generation.status).toBe(404)
    expect(await generation.json()).toMatchObject({ code: 'NOT_FOUND' })
    const traversal = await fetch(`${base}/billing/../me/../../admin`)
    expect(traversal.status).toBe(404)
    const wrongMethod = await fetch(`${base}/billing/balance`, { method: 'DELETE' })
    expect(wrongMethod.status).toBe(404)
    expect(seen).toHaveLength(0)
  })

  it('forwards path templates and extra operations when allowed', async () => {
    answer = (req) => ({
      status: 200,
      body: JSON.stringify({ generations_by_pk: { id: req.url } }),
    })
    const id = '7f3b2c1d-4e5a-4b6c-8d7e-9f0a1b2c3d4e'
    const base = await startProxy({ allow: ['GET /generations/{id}'] })
    const response = await fetch(`${base}/generations/${id}`)
    expect(await response.json()).toEqual({ generations_by_pk: { id: `/generations/${id}` } })
    expect((await fetch(`${base}/generations/${id}/extra`)).status).toBe(404)
  })

  it('drops a forged Authorization header and sends only the server key', async () => {
    const base = await startProxy()
    await fetch(`${base}/billing/balance`, {
      headers: { authorization: 'Bearer stolen-or-forged' },
    })
    expect(seen[0]?.headers.authorization).toBe(`Bearer ${API_KEY}`)
  })

  it('never lets the key out, even when upstream echoes it', async () => {
    answer = () => ({
      status: 401,
      headers: { 'x-request-id': `req-${API_KEY}` },
      body: JSON.stringify({ code: 'UNAUTHORIZED', message: `Key ${API_KEY} is not valid` }),
    })
    const base = await startProxy()
    const response = await fetch(`${base}/billing/balance`)
    const text = await response.text()
    expect(response.status).toBe(401)
    expect(text).not.toContain(API_KEY)
    expect(text).toContain('[redacted]')
    for (const [, value] of response.headers) expect(value).not.toContain(API_KEY)
    await expect(createPaygClient({ baseUrl: base }).getBalance()).rejects.toBeInstanceOf(AuthError)
  })

  it('lets authorize() reject with 401, or with its own response', async () => {
    const unsigned = await startProxy({ authorize: (request) => request.headers.has('x-session') })
    expect((await fetch(`${unsigned}/billing/balance`)).status).toBe(401)
    const signed = await fetch(`${unsigned}/billing/balance`, { headers: { 'x-session': 'ok' } })
    expect(signed.status).toBe(200)

    const forbidden = await startProxy({
      authorize: () =>
        new Response('{"code":"FORBIDDEN","message":"Admins only"}', { status: 403 }),
    })
    const refused = await fetch(`${forbidden}/billing/balance`)
    expect(refused.status).toBe(403)
    expect(await refused.json()).toMatchObject({ code: 'FORBIDDEN' })
    expect(seen).toHaveLength(1)
  })

  it('passes an upstream 429 through with Retry-After, and the client sees a RateLimitError', async () => {
    answer = () => ({
      status: 429,
      headers: { 'retry-after': '7' },
      body: JSON.stringify({ code: 'RATE_LIMITED', message: 'Slow down' }),
    })
    const base = await startProxy()
    const response = await fetch(`${base}/billing/balance`)
    expect(response.status).toBe(429)
    expect(response.headers.get('retry-after')).toBe('7')
    const error = await createPaygClient({ baseUrl: base, retry: false })
      .getBalance()
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RateLimitError)
    expect((error as RateLimitError).retryAfterMs).toBe(7000)
  })

  it('answers 504 when upstream does not answer in time', async () => {
    answer = () => 'hang'
    const base = await startProxy({ timeoutMs: 50 })
    const response = await fetch(`${base}/billing/balance`)
    expect(response.status).toBe(504)
    expect(await response.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE' })
  })

  it('answers 502 when upstream cannot be reached', async () => {
    const base = await startProxy({ upstream: 'http://127.0.0.1:9' })
    const response = await fetch(`${base}/billing/balance`)
    expect(response.status).toBe(502)
  })

  it('checks its options', () => {
    const authorize = () => true
    expect(() => createPaygProxy({ authorize } as unknown as PaygProxyOptions)).toThrow(/apiKey/)
    expect(() => createPaygProxy({ apiKey: 'key with spaces', authorize })).toThrow(/apiKey/)
    expect(() => createPaygProxy({ apiKey: API_KEY, authorize, upstream: 'ftp://x' })).toThrow(
      /upstream/,
    )
    expect(() =>
      createPaygProxy({ apiKey: API_KEY, authorize, allow: ['balance' as never] }),
    ).toThrow(/allow/)
    expect(() => createPaygProxy({ apiKey: API_KEY, authorize, timeoutMs: 0 })).toThrow(/timeoutMs/)
  })
})

describe('@payg-kit/core/proxy in bundles', () => {
  const entry = fileURLToPath(new URL('./fixtures/uses-proxy.ts', import.meta.url))

  it('cannot be bundled for a browser by accident', async () => {
    await expect(
      build({
        entryPoints: [entry],
        bundle: true,
        write: false,
        platform: 'browser',
        logLevel: 'silent',
      }),
    ).rejects.toThrow(/@payg-kit\/core\/proxy/)
  })

  it('bundles for node and for edge runtimes', async () => {
    const node = await build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      platform: 'node',
      format: 'esm',
    })
    expect(node.outputFiles[0]?.text).toContain('createPaygProxy')
    const edge = await build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      platform: 'neutral',
      conditions: ['edge-light'],
      format: 'esm',
    })
    expect(edge.outputFiles[0]?.text).not.toMatch(/from "node:/)
  })
})
