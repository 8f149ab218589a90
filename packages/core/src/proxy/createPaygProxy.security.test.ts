// What an attacker can try against the proxy, through real HTTP on loopback: a real upstream
// that counts what reaches it, the proxy behind node:http, and raw requests where fetch would
// tidy the URL first.
import { request as httpRequest } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { createPaygProxy, type PaygProxyOptions, WIDGET_OPERATIONS } from './createPaygProxy'
import {
  API_KEY,
  closeServers,
  gate,
  rawRequest,
  startProxy,
  startUpstream,
  statusOf,
} from './fixtures/loopback'

afterEach(closeServers)

const GENERATION_ID = '7f3b2c1d-4e5a-4b6c-8d7e-9f0a1b2c3d4e'

/** GET through node:http, which sends the path exactly as given (fetch would resolve `..`). */
function getRaw(base: string, path: string): Promise<number> {
  const url = new URL(base)
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, path: `${url.pathname}${path}`, method: 'GET' },
      (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      },
    )
    req.on('error', reject)
    req.end()
  })
}

describe('authorize', () => {
  it('is required, and the error says how to opt in to anonymous reads', () => {
    const options = { apiKey: API_KEY } as PaygProxyOptions
    expect(() => createPaygProxy(options)).toThrow(TypeError)
    expect(() => createPaygProxy(options)).toThrow(/authorize.*'anonymous-read-only'/s)
    expect(() =>
      createPaygProxy({ apiKey: API_KEY, authorize: 'anonymous' as 'anonymous-read-only' }),
    ).toThrow(/authorize/)
  })

  it("with 'anonymous-read-only', forwards reads and refuses every write with 401", async () => {
    const { url: upstream, seen } = await startUpstream()
    const { base, origin } = await startProxy({
      upstream,
      authorize: 'anonymous-read-only',
      allow: [...WIDGET_OPERATIONS, 'POST /generations'],
    })
    expect((await fetch(`${base}/billing/balance`)).status).toBe(200)
    expect(seen).toHaveLength(1)
    const writes = [...WIDGET_OPERATIONS, 'POST /generations'].filter((op) => !op.startsWith('GET'))
    expect(writes.length).toBeGreaterThanOrEqual(7)
    for (const operation of writes) {
      const [method, path] = operation.split(' ') as [string, string]
      const response = await fetch(`${base}${path}`, {
        method,
        headers: { 'content-type': 'application/json', origin, 'idempotency-key': 'k-1' },
        body: '{"amount":10000}',
      })
      expect({ operation, status: response.status }).toEqual({ operation, status: 401 })
    }
    expect(seen).toHaveLength(1)
  })

  it('forwards only when authorize returns true; an error in it answers 500', async () => {
    const { url: upstream, seen } = await startUpstream()
    const verdicts: unknown[] = [false, 'yes', 1, undefined]
    for (const verdict of verdicts) {
      const { base } = await startProxy({ upstream, authorize: () => verdict as boolean })
      expect((await fetch(`${base}/billing/balance`)).status).toBe(401)
    }
    const { base } = await startProxy({
      upstream,
      authorize: () => {
        throw new Error('session store down')
      },
    })
    expect((await fetch(`${base}/billing/balance`)).status).toBe(500)
    expect(seen).toEqual([])
  })
})

describe('authorize answering for itself', () => {
  it("sends the app's own Response as it is, with the proxy's safe headers, and forwards nothing", async () => {
    const { url: upstream, seen } = await startUpstream()
    const { base } = await startProxy({
      upstream,
      authorize: () =>
        new Response('<p>Sign in</p>', {
          status: 401,
          headers: { 'content-type': 'text/html', 'set-cookie': 'next=/billing; Path=/' },
        }),
    })
    const response = await fetch(`${base}/billing/balance`)
    expect(response.status).toBe(401)
    expect(await response.text()).toBe('<p>Sign in</p>')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('content-security-policy')).toMatch(/sandbox/)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('set-cookie')).toBe('next=/billing; Path=/')
    expect(seen).toEqual([])
  })
})

describe('cross-site writes', () => {
  it('refuses a cross-site form post with 403 before authorize runs', async () => {
    const { url: upstream, seen } = await startUpstream()
    let authorized = 0
    const { base } = await startProxy({
      upstream,
      authorize: () => {
        authorized += 1
        return true
      },
    })
    const forms: Record<string, string>[] = [
      {
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
        'content-type': 'application/x-www-form-urlencoded',
      },
      { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      { origin: 'null', 'content-type': 'multipart/form-data; boundary=x' },
      { 'sec-fetch-site': 'same-site', 'content-type': 'text/plain' },
      // JSON does not help a page of another origin.
      {
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
        'content-type': 'application/json',
      },
    ]
    for (const headers of forms) {
      const response = await fetch(`${base}/billing/subscription/migrate`, {
        method: 'POST',
        headers,
        body: 'confirm=1',
      })
      expect({ headers, status: response.status }).toEqual({ headers, status: 403 })
      expect(await response.json()).toMatchObject({ code: 'FORBIDDEN' })
    }
    expect(authorized).toBe(0)
    expect(seen).toEqual([])
  })

  it('needs application/json (or no body and an Idempotency-Key) from its own origin', async () => {
    const { url: upstream, seen } = await startUpstream()
    let authorized = 0
    const { base, origin } = await startProxy({
      upstream,
      authorize: () => {
        authorized += 1
        return true
      },
    })
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/jsonx',
      // JSON in another charset would be misread upstream.
      'application/json; charset=utf-16',
      'application/json;charset=ISO-8859-1',
    ]) {
      const response = await fetch(`${base}/billing/top-ups`, {
        method: 'POST',
        headers: { origin, 'sec-fetch-site': 'same-origin', 'content-type': type },
        body: '{"amount":10}',
      })
      expect({ type, status: response.status }).toEqual({ type, status: 415 })
    }
    const bare = await fetch(`${base}/billing/subscription/migrate`, {
      method: 'POST',
      headers: { 'sec-fetch-site': 'same-origin' },
    })
    expect(bare.status).toBe(415)
    expect(authorized).toBe(0)

    const json = await fetch(`${base}/billing/top-ups`, {
      method: 'POST',
      headers: {
        origin,
        'sec-fetch-site': 'same-origin',
        'content-type': 'application/json; charset=utf-8',
      },
      body: '{"amount":10}',
    })
    expect(json.status).toBe(200)
    const keyed = await fetch(`${base}/billing/auto-top-up`, {
      method: 'DELETE',
      headers: { origin, 'sec-fetch-site': 'same-origin', 'idempotency-key': 'k-2' },
    })
    expect(keyed.status).toBe(200)
    // No browser headers at all: a server or a script, which CSRF cannot forge.
    const server = await fetch(`${base}/billing/top-ups`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"amount":10}',
    })
    expect(server.status).toBe(200)
    expect(seen.map((s) => `${s.method} ${s.url} ${s.headers['content-type']}`)).toEqual([
      'POST /billing/top-ups application/json',
      'DELETE /billing/auto-top-up undefined',
      'POST /billing/top-ups application/json',
    ])
  })

  it('accepts the origins in allowedOrigins, and checks them at creation', async () => {
    const { url: upstream, seen } = await startUpstream()
    const { base } = await startProxy({ upstream, allowedOrigins: ['https://app.example.com'] })
    const allowed = await fetch(`${base}/billing/top-ups`, {
      method: 'POST',
      headers: {
        origin: 'https://app.example.com',
        'sec-fetch-site': 'cross-site',
        'content-type': 'application/json',
      },
      body: '{"amount":10}',
    })
    expect(allowed.status).toBe(200)
    const other = await fetch(`${base}/billing/top-ups`, {
      method: 'POST',
      headers: {
        origin: 'https://app.example.com.evil.example',
        'sec-fetch-site': 'cross-site',
        'content-type': 'application/json',
      },
      body: '{"amount":10}',
    })
    expect(other.status).toBe(403)
    expect(seen).toHaveLength(1)
    for (const bad of ['app.example.com', 'https://app.example.com/', 'https://a.com/path', '*']) {
      expect(() =>
        createPaygProxy({ apiKey: API_KEY, authorize: () => true, allowedOrigins: [bad] }),
      ).toThrow(/allowedOrigins/)
    }
  })
})

describe('redirects', () => {
  it('answers 502 to an upstream 3xx, and the key never reaches the redirect target', async () => {
    const { url: upstream, seen } = await startUpstream((req, res) => {
      if (req.url?.startsWith('/admin')) {
        res.setHeader('content-type', 'application/json')
        return void res.end('{"secret":"admin data"}')
      }
      const status = req.method === 'POST' ? 307 : 302
      res.writeHead(status, { location: `/admin/secret?from=${req.url}` }).end()
    })
    const { base } = await startProxy({ upstream })
    const read = await fetch(`${base}/billing/balance`)
    expect(read.status).toBe(502)
    const body = await read.json()
    expect(body).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      message: expect.stringMatching(/redirect/),
    })
    expect(read.headers.get('location')).toBeNull()
    const write = await fetch(`${base}/billing/top-ups`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"amount":10}',
    })
    expect(write.status).toBe(502)
    expect(seen.map((s) => s.url)).toEqual(['/billing/balance', '/billing/top-ups'])
    expect(seen.filter((s) => s.url.startsWith('/admin'))).toEqual([])
  })
})

describe('paths', () => {
  it('never sends an encoded separator, a dot segment or a bad parameter upstream', async () => {
    const { url: upstream, seen } = await startUpstream()
    const { base } = await startProxy({
      upstream,
      allow: [...WIDGET_OPERATIONS, 'GET /generations/{id}'],
    })
    const refused: [string, 400 | 404][] = [
      ['/billing/..', 400],
      ['/billing/../me', 400],
      ['/billing/./balance', 400],
      ['/billing/%2E%2E/me', 400],
      ['/billing/%2e./me', 400],
      ['/billing%2Fbalance', 400],
      ['/billing%2fbalance', 400],
      ['/billing%5Cbalance', 400],
      ['/billing\\balance', 400],
      ['/billing/balance%3F', 400],
      ['/billing/balance%3Fx=1', 400],
      ['/billing/balance%23', 400],
      ['/billing/%252E%252E/me', 400],
      ['/billing%252Fbalance', 400],
      ['/billing/balance%00', 400],
      [`/generations/${GENERATION_ID}%2F..%2F..%2Fme`, 400],
      [`/generations/..%2F..%2Fbilling%2Fbalance`, 400],
      ['/generations/..', 400],
      ['/generations/%2E%2E', 400],
      ['/generations/not-a-uuid', 400],
      [`/generations/${GENERATION_ID}x`, 400],
      [`/generations/${GENERATION_ID};admin=1`, 400],
      [`/generations/${GENERATION_ID.replace('7', '%37')}`, 400],
      [`/generations/${GENERATION_ID}/..`, 400],
      [`/generations/${GENERATION_ID}/extra`, 404],
      ['/generations/', 400],
      ['//billing/balance', 404],
      ['/billing/balance/', 404],
      ['/billing//balance', 404],
      ['/admin', 404],
    ]
    for (const [path, status] of refused) {
      expect({ path, status: await getRaw(base, path) }).toEqual({ path, status })
    }
    expect(seen).toEqual([])
    expect(await getRaw(base, `/generations/${GENERATION_ID}`)).toBe(200)
    expect(await getRaw(base, `/generations/${GENERATION_ID.toUpperCase()}`)).toBe(200)
    expect(seen.map((s) => s.url)).toEqual([
      `/generations/${GENERATION_ID}`,
      `/generations/${GENERATION_ID.toUpperCase()}`,
    ])
  })

  it('says which parameter is wrong, in the error schema', async () => {
    const { url: upstream } = await startUpstream()
    const { base } = await startProxy({ upstream, allow: ['GET /generations/{id}'] })
    const response = await fetch(`${base}/generations/gen_42`)
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('`id` must be a UUID'),
    })
  })
})

describe('the key never leaves', () => {
  /** Every way an upstream might echo `key`, in the body and in headers. */
  function echoes(key: string): { body: string; headers: [string, string][] } {
    const unicode = [...key].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    const percent = [...key].map((c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    const body = [
      `{"message":"Key ${key} is not valid",`,
      `"slashes":${JSON.stringify(key).replace(/\//g, '\\/')},`,
      `"unicode":"${unicode.join('')}",`,
      `"UNICODE":"${unicode.join('').toUpperCase().replace(/\\U/g, '\\u')}",`,
      `"nested":${JSON.stringify(JSON.stringify({ key: unicode.join('') }))},`,
      `"mixed":"${[...key].map((c, i) => (i % 2 ? unicode[i] : c)).join('')}",`,
      `"url":"https://x.example/?key=${percent.join('')}",`,
      `"double":"${percent.join('').replace(/%/g, '%25')}",`,
      `"html":"${[...key].map((c) => `&#${c.charCodeAt(0)};`).join('')}"}`,
    ].join('')
    return {
      body,
      headers: [
        ['x-request-id', `req-${key}`],
        ['cache-control', `private, key=${percent.join('')}`],
        ['set-cookie', `k=${key}; Path=/`],
        ['location', `https://x.example/${key}`],
        ['x-debug', key],
      ],
    }
  }

  /** Whether `text` holds `key` in any form a reader could decode. */
  function holds(text: string, key: string): boolean {
    const decoded = [text]
    let unescaped = text
    for (let round = 0; round < 3; round++) {
      unescaped = unescaped.replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) =>
        String.fromCharCode(Number.parseInt(hex, 16)),
      )
      decoded.push(unescaped)
    }
    decoded.push(text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))))
    decoded.push(
      text.replace(/\\+u([0-9a-fA-F]{4})/g, (_, hex: string) =>
        String.fromCharCode(Number.parseInt(hex, 16)),
      ),
    )
    decoded.push(text.replace(/\\+\//g, '/'))
    return decoded.some((form) => form.includes(key))
  }

  const keys: [string, string][] = [
    ['a 1-character key', 'Z'],
    ['a 200-character key', `sk_${'aB3/+_-.~'.repeat(22)}`.slice(0, 200)],
    ['a typical key', API_KEY],
  ]
  for (const [name, key] of keys) {
    it(`with ${name}, in the body, in any escape, and in every header`, async () => {
      const echo = echoes(key)
      expect(holds(echo.body, key)).toBe(true)
      const { url: upstream } = await startUpstream((_req, res) => {
        res.statusCode = 401
        for (const [header, value] of echo.headers) res.setHeader(header, value)
        res.setHeader('content-type', `application/json; k="${key}"`)
        // One byte at a time: an occurrence is split across every chunk boundary there is.
        const bytes = new TextEncoder().encode(echo.body)
        for (const byte of bytes) res.write(new Uint8Array([byte]))
        res.end()
      })
      const { base } = await startProxy({ upstream, apiKey: key })
      const response = await fetch(`${base}/billing/balance`)
      expect(response.status).toBe(401)
      const text = await response.text()
      expect(holds(text, key)).toBe(false)
      expect(JSON.stringify(JSON.parse(text))).not.toContain(key)
      expect(text).toContain('"message":"Key ')
      for (const [header, value] of response.headers) {
        expect({ header, leaks: holds(value, key) }).toEqual({ header, leaks: false })
      }
      expect(response.headers.get('set-cookie')).toBeNull()
      expect(response.headers.get('location')).toBeNull()
    })
  }
})

describe('deadlines and limits', () => {
  it('answers 408 when the request body stalls, and keeps serving', async () => {
    const { url: upstream, seen } = await startUpstream()
    const { origin, base } = await startProxy({ upstream, requestBodyTimeoutMs: 50 })
    const response = await rawRequest(
      origin,
      'POST /api/payg/pricing-calculator HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"serv',
    )
    expect(statusOf(response)).toBe(408)
    expect(seen).toEqual([])
    expect((await fetch(`${base}/me`)).status).toBe(200)
  })

  it('answers 504 when the upstream holds its headers past the deadline', async () => {
    const held = gate()
    const { url: upstream } = await startUpstream(async (_req, res) => {
      await held.promise
      res.end('{}')
    })
    const { base } = await startProxy({ upstream, timeoutMs: 50 })
    const response = await fetch(`${base}/billing/balance`)
    held.release()
    expect(response.status).toBe(504)
    expect(await response.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE' })
  })

  it('answers 502 when the upstream body stalls past its deadline before anything was sent', async () => {
    const held = gate()
    const { url: upstream } = await startUpstream(async (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.flushHeaders()
      await held.promise
      res.end('{"balance":"12.4567"}')
    })
    const { base, failures } = await startProxy({ upstream, responseBodyTimeoutMs: 50 })
    const response = await fetch(`${base}/billing/balance`)
    held.release()
    expect(response.status).toBe(502)
    expect(await response.json()).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      message: expect.stringMatching(/took over 50 ms/),
    })
    expect(failures).toEqual([])
  })

  it('cuts the response when the upstream body stalls after a part was sent', async () => {
    const held = gate()
    const { url: upstream } = await startUpstream(async (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write(`{"pad":"${'x'.repeat(4000)}`)
      await held.promise
      res.end('"}')
    })
    // Long enough that the first part is always forwarded before the deadline, on any machine.
    const { base, failures } = await startProxy({ upstream, responseBodyTimeoutMs: 3000 })
    const response = await fetch(`${base}/billing/balance`)
    expect(response.status).toBe(200)
    await expect(response.text()).rejects.toThrow()
    held.release()
    expect(failures).toEqual([])
  })

  it('refuses an upstream body over the cap: 502 when declared, cut while streaming', async () => {
    const big = JSON.stringify({ pad: 'x'.repeat(5000) })
    const more = gate()
    const { url: upstream } = await startUpstream(async (req, res) => {
      res.setHeader('content-type', 'application/json')
      if (req.url === '/me') return void res.end(big)
      // No Content-Length: the size shows only while it streams.
      res.write(big.slice(0, 800))
      if (req.url === '/billing/balance') await more.promise
      res.end(big.slice(800))
    })
    const { base } = await startProxy({ upstream, maxResponseBytes: 1024 })
    const declared = await fetch(`${base}/me`)
    expect(declared.status).toBe(502)
    expect(await declared.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE' })
    // Under the cap so far, so the answer has started: over it, the response is cut.
    const streamed = await fetch(`${base}/billing/balance`)
    expect(streamed.status).toBe(200)
    more.release()
    await expect(streamed.text()).rejects.toThrow()
    // Under the cap is passed on whole.
    const { base: roomy } = await startProxy({ upstream, maxResponseBytes: 10_000 })
    expect(await (await fetch(`${roomy}/billing/transactions`)).text()).toBe(big)
  })

  it('refuses a request body over the cap with 413, declared or streamed', async () => {
    const { url: upstream, seen } = await startUpstream()
    const { base } = await startProxy({ upstream, maxBodyBytes: 1024 })
    const big = JSON.stringify({ service: 'IMAGE_GENERATION', pad: 'x'.repeat(5000) })
    const declared = await fetch(`${base}/pricing-calculator`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: big,
    })
    expect(declared.status).toBe(413)
    const chunks = [big.slice(0, 800), big.slice(800)]
    const streamed = await fetch(`${base}/pricing-calculator`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new ReadableStream({
        pull(controller) {
          const next = chunks.shift()
          if (next === undefined) controller.close()
          else controller.enqueue(new TextEncoder().encode(next))
        },
      }),
      duplex: 'half',
    } as RequestInit)
    expect(streamed.status).toBe(413)
    expect(seen).toEqual([])
  })

  it('serves every answer with nosniff, and never as HTML', async () => {
    const { url: upstream } = await startUpstream((req, res) => {
      const types: Record<string, string> = {
        '/me': 'text/html; charset=utf-8',
        '/billing/balance': 'application/json; charset=utf-8',
        '/billing/usage': 'application/problem+json',
        '/billing/pricing': 'image/svg+xml',
      }
      const type = types[req.url?.split('?')[0] ?? '']
      if (type) res.setHeader('content-type', type)
      res.end('<script>alert(1)</script>')
    })
    const { base } = await startProxy({ upstream })
    const expected: Record<string, string> = {
      '/me': 'text/plain; charset=utf-8',
      '/billing/balance': 'application/json; charset=utf-8',
      '/billing/usage': 'application/problem+json',
      '/billing/pricing': 'text/plain; charset=utf-8',
      '/billing/transactions': 'text/plain; charset=utf-8',
      '/not-allowed': 'application/json',
    }
    for (const [path, type] of Object.entries(expected)) {
      const response = await fetch(`${base}${path}`)
      expect({ path, type: response.headers.get('content-type') }).toEqual({ path, type })
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    }
  })
})
