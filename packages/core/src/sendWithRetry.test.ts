import { delay, HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createPaygClient } from './createPaygClient'
import { createRawClient } from './createRawClient'
import { NetworkError, RateLimitError, ServerError, TimeoutError } from './errors'
import { BALANCE, BASE } from './fixtures/balance'

// The retry pipeline, exercised through the client and its raw escape hatch.

const TOP_UP_RESULT = {
  topUp: {
    id: 'tu_1',
    amount: '25',
    kind: 'MANUAL',
    status: 'SUCCEEDED',
    paymentMethodId: 'pm_1',
    createdAt: '2025-06-01T12:00:00.000Z',
  },
  balance: BALANCE,
}
const unavailable = () =>
  HttpResponse.json({ code: 'SERVICE_UNAVAILABLE', message: 'Try again' }, { status: 503 })
// Tiny backoff keeps the suite fast; the timing tests below spy on the waits instead.
const fast = { retries: 2, baseDelayMs: 1, maxDelayMs: 5 }

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  vi.restoreAllMocks()
})
afterAll(() => server.close())

/** Records the delay of every timer while running it at once. */
function recordWaits(): number[] {
  const waits: number[] = []
  const realSetTimeout = globalThis.setTimeout
  vi.spyOn(globalThis, 'setTimeout').mockImplementation(((
    callback: (...args: unknown[]) => void,
    ms?: number,
    ...args: unknown[]
  ) => {
    waits.push(ms ?? 0)
    return realSetTimeout(callback, 0, ...args)
  }) as typeof setTimeout)
  return waits
}

describe('retries', () => {
  it('retries a GET on 503 and succeeds', async () => {
    let requests = 0
    server.use(
      http.get(`${BASE}/billing/balance`, () =>
        ++requests < 3 ? unavailable() : HttpResponse.json(BALANCE),
      ),
    )
    const client = createPaygClient({ baseUrl: BASE, retry: fast })
    await expect(client.getBalance()).resolves.toMatchObject({ balance: { amount: '10' } })
    expect(requests).toBe(3)
  })

  it.each([408, 429, 500, 502, 504])('retries a GET on %i', async (status) => {
    let requests = 0
    server.use(
      http.get(`${BASE}/billing/balance`, () =>
        ++requests === 1 ? new HttpResponse(null, { status }) : HttpResponse.json(BALANCE),
      ),
    )
    await createPaygClient({ baseUrl: BASE, retry: fast, timeoutMs: 0 }).getBalance()
    expect(requests).toBe(2)
  })

  it.each([400, 401, 402, 404, 409, 422, 501])('does not retry a %i', async (status) => {
    let requests = 0
    server.use(
      http.get(`${BASE}/billing/balance`, () => {
        requests++
        return new HttpResponse(null, { status })
      }),
    )
    await expect(createPaygClient({ baseUrl: BASE, retry: fast }).getBalance()).rejects.toThrow()
    expect(requests).toBe(1)
  })

  it('gives up after the retries and throws the last error', async () => {
    let requests = 0
    server.use(
      http.get(`${BASE}/billing/balance`, () => {
        requests++
        return unavailable()
      }),
    )
    const error = await createPaygClient({ baseUrl: BASE, retry: fast })
      .getBalance()
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ServerError)
    expect((error as ServerError).code).toBe('SERVICE_UNAVAILABLE')
    expect(requests).toBe(3)
  })

  it('retries network errors, then throws a NetworkError', async () => {
    let requests = 0
    server.use(
      http.get(`${BASE}/billing/balance`, () => {
        requests++
        return HttpResponse.error()
      }),
    )
    const error = await createPaygClient({ baseUrl: BASE, retry: fast })
      .getBalance()
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NetworkError)
    expect((error as NetworkError).cause).toBeInstanceOf(TypeError)
    expect(requests).toBe(3)
  })

  it('never retries POST /generations, which carries no idempotency key', async () => {
    let requests = 0
    server.use(
      http.post(`${BASE}/generations`, () => {
        requests++
        return unavailable()
      }),
    )
    const client = createPaygClient({ baseUrl: BASE, retry: fast })
    await expect(
      client.createGeneration({ prompt: 'a fox', num_images: 1, width: 512, height: 512 }),
    ).rejects.toBeInstanceOf(ServerError)
    expect(requests).toBe(1)
  })

  it('reuses one idempotency key on every retry of a top-up, and a new key for a new call', async () => {
    const keys: Array<string | null> = []
    const bodies: unknown[] = []
    server.use(
      http.post(`${BASE}/billing/top-ups`, async ({ request }) => {
        keys.push(request.headers.get('idempotency-key'))
        bodies.push(await request.json())
        return keys.length % 3 === 0
          ? HttpResponse.json(TOP_UP_RESULT, { status: 201 })
          : keys.length % 3 === 1
            ? unavailable()
            : HttpResponse.error()
      }),
    )
    const client = createPaygClient({ baseUrl: BASE, retry: fast })
    const first = await client.topUp({ amount: 25 })
    const second = await client.topUp({ amount: 25 })
    expect(keys).toHaveLength(6)
    expect(keys.slice(0, 3)).toEqual([
      first.idempotencyKey,
      first.idempotencyKey,
      first.idempotencyKey,
    ])
    expect(keys.slice(3)).toEqual([
      second.idempotencyKey,
      second.idempotencyKey,
      second.idempotencyKey,
    ])
    expect(first.idempotencyKey).not.toBe(second.idempotencyKey)
    expect(bodies).toEqual(Array(6).fill({ amount: 25 }))
  })

  it('retries keyed writes of the raw client and resends the body', async () => {
    const bodies: unknown[] = []
    server.use(
      http.post(`${BASE}/billing/top-ups`, async ({ request }) => {
        bodies.push(await request.json())
        return bodies.length < 3 ? unavailable() : HttpResponse.json(TOP_UP_RESULT, { status: 201 })
      }),
    )
    const raw = createRawClient(createPaygClient({ baseUrl: BASE, apiKey: 'k', retry: fast }))
    const { data, response } = await raw.POST('/billing/top-ups', {
      params: { header: { 'Idempotency-Key': 'raw-key' } },
      body: { amount: 25 },
    })
    expect(response.status).toBe(201)
    expect(data?.topUp.id).toBe('tu_1')
    expect(bodies).toEqual([{ amount: 25 }, { amount: 25 }, { amount: 25 }])
  })

  it('sends the raw client through the same pipeline: auth header and GET retries', async () => {
    const auth: Array<string | null> = []
    server.use(
      http.get(`${BASE}/billing/balance`, ({ request }) => {
        auth.push(request.headers.get('authorization'))
        return auth.length < 2 ? unavailable() : HttpResponse.json(BALANCE)
      }),
    )
    const raw = createRawClient(createPaygClient({ baseUrl: BASE, apiKey: 'k', retry: fast }))
    const { data } = await raw.GET('/billing/balance')
    expect(data?.balance).toBe('10')
    expect(auth).toEqual(['Bearer k', 'Bearer k'])
  })

  it('does not retry a raw POST without an idempotency key', async () => {
    let requests = 0
    server.use(
      http.post(`${BASE}/generations`, () => {
        requests++
        return unavailable()
      }),
    )
    const raw = createRawClient(createPaygClient({ baseUrl: BASE, retry: fast }))
    const { error, response } = await raw.POST('/generations', {
      body: { prompt: 'a fox', num_images: 1, width: 512, height: 512 },
    })
    expect(response.status).toBe(503)
    expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE' })
    expect(requests).toBe(1)
  })

  it('can be turned off per client and per call', async () => {
    let requests = 0
    server.use(
      http.get(`${BASE}/billing/balance`, () => {
        requests++
        return unavailable()
      }),
    )
    await expect(createPaygClient({ baseUrl: BASE, retry: false }).getBalance()).rejects.toThrow()
    expect(requests).toBe(1)
    await expect(
      createPaygClient({ baseUrl: BASE, retry: fast }).getBalance({ retry: false }),
    ).rejects.toThrow()
    expect(requests).toBe(2)
    await expect(
      createPaygClient({ baseUrl: BASE, retry: false }).getBalance({
        retry: { ...fast, retries: 1 },
      }),
    ).rejects.toThrow()
    expect(requests).toBe(4)
  })
})

describe('backoff', () => {
  it('honours Retry-After in seconds within maxDelayMs', async () => {
    let requests = 0
    server.use(
      http.get(`${BASE}/billing/balance`, () =>
        ++requests === 1
          ? HttpResponse.json(
              { code: 'RATE_LIMITED', message: 'Slow down' },
              { status: 429, headers: { 'Retry-After': '2' } },
            )
          : requests === 2
            ? HttpResponse.json(
                { code: 'RATE_LIMITED', message: 'Slow down' },
                { status: 429, headers: { 'Retry-After': '10' } },
              )
            : HttpResponse.json(BALANCE),
      ),
    )
    const waits = recordWaits()
    const client = createPaygClient({
      baseUrl: BASE,
      timeoutMs: 0,
      retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 10_000 },
    })
    await client.getBalance()
    expect(requests).toBe(3)
    expect(waits).toEqual([2000, 10_000])
  })

  it.each([
    ['seconds beyond maxDelayMs', '60', 60],
    ['10^12 seconds', '1000000000000', 1e12],
    ['more digits than a double holds', '9'.repeat(400), Number.MAX_SAFE_INTEGER / 1000],
  ])(
    'ends the retries at once on a Retry-After of %s, with retryAfter in seconds',
    async (_, header, seconds) => {
      let requests = 0
      server.use(
        http.get(`${BASE}/billing/balance`, () => {
          requests++
          return HttpResponse.json(
            { code: 'RATE_LIMITED', message: 'Slow down' },
            { status: 429, headers: { 'Retry-After': header } },
          )
        }),
      )
      const waits = recordWaits()
      const error = await createPaygClient({
        baseUrl: BASE,
        timeoutMs: 0,
        retry: { retries: 3, maxDelayMs: 10_000 },
      })
        .getBalance()
        .catch((e: unknown) => e)
      expect(error).toBeInstanceOf(RateLimitError)
      expect((error as RateLimitError).retryAfter).toBe(Math.ceil(seconds))
      expect(requests).toBe(1)
      expect(waits).toEqual([])
    },
  )

  it('never arms a timer beyond setTimeout’s range, whatever maxDelayMs and Retry-After say', async () => {
    let requests = 0
    server.use(
      http.get(`${BASE}/billing/balance`, () =>
        ++requests === 1
          ? new HttpResponse(null, {
              status: 503,
              headers: { 'Retry-After': 'Fri, 31 Dec 9999 23:59:59 GMT' },
            })
          : HttpResponse.json(BALANCE),
      ),
    )
    const waits = recordWaits()
    const error = await createPaygClient({
      baseUrl: BASE,
      timeoutMs: 0,
      retry: {
        retries: 3,
        baseDelayMs: Number.POSITIVE_INFINITY,
        maxDelayMs: Number.POSITIVE_INFINITY,
      },
    })
      .getBalance()
      .catch((e: unknown) => e)
    // A date past any timer's range ends the retries instead of firing a retry at once.
    expect(error).toBeInstanceOf(ServerError)
    expect(requests).toBe(1)
    expect(waits).toEqual([])
  })

  it('caps an exponential backoff by setTimeout’s range too', async () => {
    server.use(http.get(`${BASE}/billing/balance`, unavailable))
    vi.spyOn(Math, 'random').mockReturnValue(0.999)
    const waits = recordWaits()
    await expect(
      createPaygClient({
        baseUrl: BASE,
        timeoutMs: 0,
        retry: { retries: 2, baseDelayMs: 1e15, maxDelayMs: Number.POSITIVE_INFINITY },
      }).getBalance(),
    ).rejects.toBeInstanceOf(ServerError)
    expect(waits).toHaveLength(2)
    for (const wait of waits) expect(wait).toBeLessThanOrEqual(2_147_483_647)
    expect(Math.min(...waits)).toBeGreaterThan(2_000_000_000)
  })

  it('honours Retry-After as an HTTP date', async () => {
    let requests = 0
    server.use(
      http.get(`${BASE}/billing/balance`, () =>
        ++requests === 1
          ? new HttpResponse(null, {
              status: 503,
              headers: { 'Retry-After': new Date(Date.now() + 30_000).toUTCString() },
            })
          : HttpResponse.json(BALANCE),
      ),
    )
    const waits = recordWaits()
    await createPaygClient({
      baseUrl: BASE,
      timeoutMs: 0,
      retry: { maxDelayMs: 60_000 },
    }).getBalance()
    const wait = waits.find((ms) => ms > 1000) ?? 0
    expect(wait).toBeGreaterThan(28_000)
    expect(wait).toBeLessThanOrEqual(30_000)
  })

  it('backs off exponentially with full jitter when no Retry-After is given', async () => {
    server.use(http.get(`${BASE}/billing/balance`, unavailable))
    vi.spyOn(Math, 'random').mockReturnValue(0.5)
    const waits = recordWaits()
    await expect(
      createPaygClient({
        baseUrl: BASE,
        timeoutMs: 0,
        retry: { retries: 3, baseDelayMs: 100, maxDelayMs: 300 },
      }).getBalance(),
    ).rejects.toBeInstanceOf(ServerError)
    expect(waits).toEqual([50, 100, 150])
  })

  it('throws a RateLimitError with the server’s Retry-After once retries run out', async () => {
    server.use(
      http.get(`${BASE}/billing/balance`, () =>
        HttpResponse.json(
          { code: 'RATE_LIMITED', message: 'Slow down' },
          { status: 429, headers: { 'Retry-After': '7' } },
        ),
      ),
    )
    const error = await createPaygClient({ baseUrl: BASE, retry: false })
      .getBalance()
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RateLimitError)
    expect((error as RateLimitError).retryAfterMs).toBe(7000)
  })
})

describe('abort and timeout', () => {
  it('stops at once when the caller aborts during a backoff wait', async () => {
    let requests = 0
    const controller = new AbortController()
    server.use(
      http.get(`${BASE}/billing/balance`, () => {
        requests++
        setTimeout(() => controller.abort(), 20)
        return HttpResponse.json(
          { code: 'SERVICE_UNAVAILABLE', message: 'Busy' },
          { status: 503, headers: { 'Retry-After': '30' } },
        )
      }),
    )
    const client = createPaygClient({ baseUrl: BASE, retry: { maxDelayMs: 30_000 } })
    const started = Date.now()
    const error = await client.getBalance({ signal: controller.signal }).catch((e: unknown) => e)
    // Far sooner than the 30 s the server asked to wait.
    expect(Date.now() - started).toBeLessThan(10_000)
    expect((error as DOMException).name).toBe('AbortError')
    expect(requests).toBe(1)
  })

  it('throws the abort reason when the caller aborts during a request, without retrying', async () => {
    let requests = 0
    const controller = new AbortController()
    server.use(
      http.get(`${BASE}/billing/balance`, async () => {
        requests++
        controller.abort(new Error('user left the page'))
        await delay(200)
        return HttpResponse.json(BALANCE)
      }),
    )
    const error = await createPaygClient({ baseUrl: BASE, retry: fast })
      .getBalance({ signal: controller.signal })
      .catch((e: unknown) => e)
    expect((error as Error).message).toBe('user left the page')
    expect(requests).toBe(1)
  })

  it('sends nothing when the signal is already aborted', async () => {
    const error = await createPaygClient({ baseUrl: BASE })
      .getBalance({ signal: AbortSignal.abort() })
      .catch((e: unknown) => e)
    expect((error as DOMException).name).toBe('AbortError')
  })

  it('times out each attempt and retries reads, then throws a TimeoutError', async () => {
    let requests = 0
    server.use(
      // Never answers: only the per-attempt timeout can end each attempt.
      http.get(`${BASE}/billing/balance`, async () => {
        requests++
        await delay('infinite')
        return HttpResponse.json(BALANCE)
      }),
    )
    const error = await createPaygClient({ baseUrl: BASE, timeoutMs: 20, retry: fast })
      .getBalance()
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TimeoutError)
    expect((error as TimeoutError).message).toMatch(/No response within 20 ms/)
    expect(requests).toBe(3)
  })

  it('lets one call override the timeout', async () => {
    server.use(
      http.get(`${BASE}/billing/balance`, async () => {
        await delay(60)
        return HttpResponse.json(BALANCE)
      }),
    )
    const client = createPaygClient({ baseUrl: BASE, timeoutMs: 10, retry: false })
    await expect(client.getBalance()).rejects.toBeInstanceOf(TimeoutError)
    await expect(client.getBalance({ timeoutMs: 1000 })).resolves.toMatchObject({ state: 'OK' })
  })

  it('times out a write without retrying it when it has no key', async () => {
    let requests = 0
    server.use(
      http.post(`${BASE}/generations`, async () => {
        requests++
        await delay(500)
        return HttpResponse.json({})
      }),
    )
    await expect(
      createPaygClient({ baseUrl: BASE, timeoutMs: 20, retry: fast }).createGeneration({
        prompt: 'a fox',
        num_images: 1,
        width: 512,
        height: 512,
      }),
    ).rejects.toBeInstanceOf(TimeoutError)
    expect(requests).toBe(1)
  })
})
