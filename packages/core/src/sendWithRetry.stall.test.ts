import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createPaygClient } from './createPaygClient'
import { createRawClient } from './createRawClient'
import { TimeoutError } from './errors'

// A loopback server that sends the headers and the start of a body, then holds the rest until
// the test ends: the client's deadline and the caller's abort must still end the call.

const held: ServerResponse[] = []
const server = createServer((request, response) => {
  request.resume()
  response.writeHead(200, { 'content-type': 'application/json' })
  response.write('{"balance":"1')
  held.push(response)
})
let base = ''

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterEach(() => {
  for (const response of held.splice(0)) response.end('"}')
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

describe('a body that stalls after the headers', () => {
  it('ends with a TimeoutError once timeoutMs has passed', async () => {
    const error = await createPaygClient({ baseUrl: base, timeoutMs: 50, retry: false })
      .getBalance()
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TimeoutError)
  })

  it('ends with a TimeoutError when the headers are in before the call starts its clock', async () => {
    // The headers have arrived before the call begins, so only reading the body can time out.
    const arrived = await fetch(`${base}/billing/balance`)
    const error = await createPaygClient({
      baseUrl: base,
      fetch: (async () => arrived) as typeof fetch,
      timeoutMs: 50,
      retry: false,
    })
      .getBalance()
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TimeoutError)
    expect((error as TimeoutError).message).toMatch(/No complete response within 50 ms/)
  })

  it('is retried like any timeout for a read, then ends with a TimeoutError', async () => {
    let attempts = 0
    const counting = ((input: RequestInfo | URL, init?: RequestInit) => {
      attempts++
      return fetch(input, init)
    }) as typeof fetch
    const error = await createPaygClient({
      baseUrl: base,
      fetch: counting,
      timeoutMs: 50,
      retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 1 },
    })
      .getBalance()
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TimeoutError)
    expect(attempts).toBe(2)
  })

  it('ends with the abort reason when the caller aborts while the body is read', async () => {
    const controller = new AbortController()
    const reason = new Error('user left the page')
    // Aborts right after the headers arrive, so the abort meets the body read.
    const fetcher = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await fetch(input, init)
      controller.abort(reason)
      return response
    }) as typeof fetch
    for (const timeoutMs of [0, 60_000]) {
      const error = await createPaygClient({ baseUrl: base, fetch: fetcher, timeoutMs })
        .getBalance({ signal: controller.signal })
        .catch((e: unknown) => e)
      expect(error).toBe(reason)
    }
  })

  it('ends even when a custom fetch ignores the signal, before or after the headers', async () => {
    const deaf = ((input: RequestInfo | URL) => fetch(input)) as typeof fetch
    const error = await createPaygClient({
      baseUrl: base,
      fetch: deaf,
      timeoutMs: 50,
      retry: false,
    })
      .getBalance()
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TimeoutError)
  })

  it('closes the body a custom fetch that ignores the signal leaves open, on every attempt', async () => {
    const cancelled: unknown[] = []
    const deaf = (async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          start: (controller) => controller.enqueue(new TextEncoder().encode('{"balance":"1')),
          cancel: (reason) => {
            cancelled.push(reason)
          },
        }),
        { status: 200, headers: { 'content-type': 'application/json' } },
      )) as typeof fetch
    const error = await createPaygClient({
      baseUrl: base,
      fetch: deaf,
      timeoutMs: 20,
      retry: { retries: 2, baseDelayMs: 0 },
    })
      .getBalance()
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TimeoutError)
    expect(cancelled).toHaveLength(3)
  })

  it('closes the body of an answer the caller gave up on as it arrived', async () => {
    const controller = new AbortController()
    const reason = new Error('left the page')
    let cancelled = false
    const deaf = (async () => {
      // The caller gives up as the headers arrive, before the body is read.
      queueMicrotask(() => controller.abort(reason))
      return new Response(
        new ReadableStream<Uint8Array>({
          cancel: () => {
            cancelled = true
          },
        }),
        { status: 200, headers: { 'content-type': 'application/json' } },
      )
    }) as typeof fetch
    const error = await createPaygClient({ baseUrl: base, fetch: deaf, timeoutMs: 60_000 })
      .getBalance({ signal: controller.signal })
      .catch((e: unknown) => e)
    expect(error).toBe(reason)
    expect(cancelled).toBe(true)
  })

  it('ends a custom fetch that never answers at all', async () => {
    const silent = (() => new Promise<Response>(() => {})) as typeof fetch
    const error = await createPaygClient({
      baseUrl: base,
      fetch: silent,
      timeoutMs: 20,
      retry: false,
    })
      .getBalance()
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TimeoutError)
    expect((error as TimeoutError).message).toMatch(/No response within 20 ms/)
  })

  it('times out the raw client too', async () => {
    const client = createPaygClient({ baseUrl: base, timeoutMs: 50, retry: false })
    const error = await createRawClient(client)
      .GET('/billing/balance')
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TimeoutError)
  })
})
