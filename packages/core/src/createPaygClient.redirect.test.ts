import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createPaygClient } from './createPaygClient'
import { createRawClient } from './createRawClient'
import { NetworkError, PaygError } from './errors'
import type { PaygClientOptions } from './types'

const KEY = 'sk_live_5f3b9c2d7e1a4b6c8d0e2f4a6b8c0d1e'

// Real sockets, not msw: what is at stake is what the platform's fetch does with a 3xx. Fetch
// drops Authorization on a cross-origin redirect, but sends every other header (X-Api-Key) on.
let api: Server
let elsewhere: Server
let apiUrl: string
let elsewhereUrl: string
let status = 307
const reached: IncomingHttpHeaders[] = []

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

beforeAll(async () => {
  elsewhere = createServer((request, response) => {
    reached.push(request.headers)
    response.writeHead(200, { 'content-type': 'application/json' })
    response.end('{}')
  })
  elsewhereUrl = await listen(elsewhere)
  api = createServer((request, response) => {
    response.writeHead(status, { location: `${elsewhereUrl}${request.url}` })
    response.end()
  })
  apiUrl = await listen(api)
})
afterEach(() => {
  reached.length = 0
})
afterAll(async () => {
  await Promise.all([api, elsewhere].map((s) => new Promise((resolve) => s.close(resolve))))
})

describe('an API that answers with a redirect', () => {
  const options = (extra: PaygClientOptions = {}): PaygClientOptions => ({
    baseUrl: apiUrl,
    headers: { 'X-Api-Key': KEY },
    apiKey: KEY,
    retry: false,
    ...extra,
  })

  it.each([301, 302, 303, 307, 308])(
    'is not followed (%i): the credentials never reach its Location, and the call fails',
    async (code) => {
      status = code
      const error = await createPaygClient(options())
        .getBalance()
        .catch((e: unknown) => e)
      expect(reached).toEqual([])
      expect(error).toBeInstanceOf(PaygError)
      expect(error).toMatchObject({ status: code })
      // It says what happened and what to do.
      expect((error as Error).message).toMatch(/redirect \(\d{3}\).*baseUrl to the final URL/)
    },
  )

  it('is not followed by a top-up (its body and key stay with the API), nor without a timeout', async () => {
    status = 307
    const client = createPaygClient(options({ timeoutMs: 0 }))
    const error = await client.topUp({ amount: 10 }).catch((e: unknown) => e)
    expect(reached).toEqual([])
    expect(error).toMatchObject({ status: 307, idempotencyKey: expect.any(String) })
    await expect(client.getBalance()).rejects.toMatchObject({ status: 307 })
    expect(reached).toEqual([])
  })

  it('is not followed by the raw client', async () => {
    status = 302
    const { response } = await createRawClient(createPaygClient(options())).GET('/billing/balance')
    expect(reached).toEqual([])
    expect(response.status).toBe(302)
  })

  it("ends a call with a PaygError, raw client too, given a browser's opaque redirect (status 0)", async () => {
    // What fetch answers with `redirect: 'manual'` in a browser; Node's cannot make one.
    const opaque = () => {
      const response = new Response(null)
      Object.defineProperties(response, {
        status: { value: 0 },
        ok: { value: false },
        type: { value: 'opaqueredirect' },
      })
      return Promise.resolve(response)
    }
    const client = createPaygClient(options({ fetch: opaque }))
    await expect(client.getBalance()).rejects.toMatchObject({ code: 'HTTP_ERROR', status: 0 })
    const raw = await createRawClient(client)
      .GET('/billing/balance')
      .catch((e: unknown) => e)
    expect(raw).toBeInstanceOf(PaygError)
    expect(raw).toMatchObject({ code: 'HTTP_ERROR', status: 0 })
    expect((raw as Error).message).toMatch(/redirect, which the client never follows/)
  })

  it("reads a custom fetch's Response.error() as a network failure, retried where safe", async () => {
    let calls = 0
    const client = createPaygClient(
      options({
        retry: { retries: 1, baseDelayMs: 0 },
        fetch: async () => {
          calls++
          return Response.error()
        },
      }),
    )
    await expect(client.getBalance()).rejects.toBeInstanceOf(NetworkError)
    expect(calls).toBe(2)
    const raw = await createRawClient(client)
      .GET('/billing/balance')
      .catch((e: unknown) => e)
    expect(raw).toBeInstanceOf(NetworkError)
  })
})
