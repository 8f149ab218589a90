import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { TEST_NOW as NOW } from '../../../test/clock'
import { createPaygMock } from './createPaygMock'
import { formatMicros, parseMicros } from './money'
import { lightning4 } from './test/generations'
import type { ApiError, Schemas } from './types'

const BASE = 'https://cloud.leonardo.ai/api/rest/v1'
const mock = createPaygMock({ scenario: 'healthy', now: () => NOW })
const server = setupServer(...mock.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  mock.reset('healthy')
})
afterAll(() => server.close())

async function call<T>(
  method: string,
  path: string,
  init: {
    body?: unknown
    headers?: Record<string, string>
    base?: string
    signal?: AbortSignal
  } = {},
): Promise<{ status: number; headers: Headers; body: T }> {
  const response = await fetch(`${init.base ?? BASE}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: init.signal,
  })
  return { status: response.status, headers: response.headers, body: (await response.json()) as T }
}

describe('concurrency', () => {
  it('50 concurrent generations crossing the threshold trigger exactly one automatic top-up', async () => {
    const racing = createPaygMock({
      scenario: 'autoTopUpOn',
      latency: [0, 15],
      seed: 7,
      now: () => NOW,
    })
    server.use(...racing.handlers)
    racing.state.setBalance('10.2')
    const autoBefore = racing.ledger.entries.filter((entry) => entry.type === 'AUTO_TOP_UP').length

    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        call<Schemas['CreateGenerationResponse']>('POST', '/generations', { body: lightning4 }),
      ),
    )

    expect(responses.every((response) => response.status === 200)).toBe(true)
    const autoAfter = racing.ledger.entries.filter((entry) => entry.type === 'AUTO_TOP_UP').length
    expect(autoAfter - autoBefore).toBe(1)
    // 10.2 - 50 * 0.048 + 50
    expect(racing.state.balance()).toBe('57.8')
    expect(racing.requestCount('createGeneration')).toBe(50)
  })

  it('concurrent generations never overdraw: the ones the balance cannot cover are refused', async () => {
    mock.state.setBalance('0.5')
    const responses = await Promise.all(
      Array.from({ length: 30 }, () =>
        call<ApiError>('POST', '/generations', { body: lightning4 }),
      ),
    )
    const accepted = responses.filter((response) => response.status === 200).length
    expect(accepted).toBe(10)
    expect(responses.filter((response) => response.status === 402)).toHaveLength(20)
    expect(mock.state.balance()).toBe('0.02')
    expect(mock.ledger.entries.every((entry) => entry.balanceAfter >= 0n)).toBe(true)
  })

  it('two concurrent top-ups with the same key make one TOP_UP and answer the same top-up', async () => {
    const before = mock.ledger.entries.length
    const [first, second] = await Promise.all([
      call<Schemas['TopUpResult']>('POST', '/billing/top-ups', {
        body: { amount: 40 },
        headers: { 'Idempotency-Key': 'double-click' },
      }),
      call<Schemas['TopUpResult']>('POST', '/billing/top-ups', {
        body: { amount: 40 },
        headers: { 'Idempotency-Key': 'double-click' },
      }),
    ])
    expect(first?.status).toBe(201)
    expect(second?.status).toBe(201)
    expect(first?.body.topUp).toEqual(second?.body.topUp)
    const replayed = [first, second].map((response) => response?.headers.get('Idempotent-Replayed'))
    expect(replayed.sort()).toEqual(['true', null].sort())
    const added = mock.ledger.entries.slice(before)
    expect(added.map((entry) => entry.type)).toEqual(['TOP_UP'])
  })
})

describe('injected faults', () => {
  it('after-commit: the top-up is charged but answered 500; a retry with the same key is charged once', async () => {
    const balance = mock.ledger.balance
    mock.failNext('createTopUp', { mode: 'after-commit' })
    const failed = await call<ApiError>('POST', '/billing/top-ups', {
      body: { amount: 50 },
      headers: { 'Idempotency-Key': 'retry-me' },
    })
    expect(failed.status).toBe(500)
    expect(failed.body.code).toBe('INTERNAL_ERROR')
    expect(mock.ledger.balance - balance).toBe(50_000_000n)

    const retried = await call<Schemas['TopUpResult']>('POST', '/billing/top-ups', {
      body: { amount: 50 },
      headers: { 'Idempotency-Key': 'retry-me' },
    })
    expect(retried.status).toBe(201)
    expect(retried.headers.get('Idempotent-Replayed')).toBe('true')
    expect(mock.ledger.balance - balance).toBe(50_000_000n)
    expect(
      mock.state.transactions().filter((entry) => entry.topUpId === retried.body.topUp.id),
    ).toHaveLength(1)
  })

  it('before-commit: the answer is an error and nothing changes', async () => {
    const balance = mock.state.balance()
    mock.failNext('createGeneration', { mode: 'before-commit', status: 503 })
    const failed = await call<ApiError>('POST', '/generations', { body: lightning4 })
    expect(failed.status).toBe(503)
    expect(failed.headers.get('Retry-After')).toBe('1')
    expect(mock.state.balance()).toBe(balance)
    const next = await call('POST', '/generations', { body: lightning4 })
    expect(next.status).toBe(200)
  })

  it('hang: no answer until the request is aborted, and nothing is charged', async () => {
    const balance = mock.state.balance()
    mock.failNext('createTopUp', { mode: 'hang' })
    const started = Date.now()
    await expect(
      call('POST', '/billing/top-ups', {
        body: { amount: 50 },
        headers: { 'Idempotency-Key': 'slow' },
        signal: AbortSignal.timeout(100),
      }),
    ).rejects.toThrow()
    expect(Date.now() - started).toBeGreaterThanOrEqual(90)
    expect(mock.state.balance()).toBe(balance)
    expect(mock.requests.at(-1)).toMatchObject({ operationId: 'createTopUp', status: null })
  })

  it('hold: requests wait, uncommitted, until released, then go on in order', async () => {
    const before = parseMicros(mock.state.balance())
    const plus = (dollars: number) => formatMicros(before + BigInt(dollars) * 1_000_000n)
    const release = mock.hold('createTopUp')
    let settled = 0
    const topUp = (key: string, amount: number) =>
      call<Schemas['TopUpResult']>('POST', '/billing/top-ups', {
        body: { amount },
        headers: { 'Idempotency-Key': key },
      }).finally(() => settled++)
    const first = topUp('held-1', 10)
    const second = topUp('held-2', 20)
    await expect.poll(() => mock.requestCount('createTopUp')).toBe(2)
    // Other operations are not held.
    expect((await call('GET', '/billing/balance')).status).toBe(200)
    expect(settled).toBe(0)
    expect(mock.state.balance()).toBe(plus(0))
    expect(
      mock.requests.filter((r) => r.operationId === 'createTopUp').map((r) => r.status),
    ).toEqual([null, null])

    release()
    const [one, two] = await Promise.all([first, second])
    expect([one.status, two.status]).toEqual([201, 201])
    expect(one.body.balance.balance).toBe(plus(10))
    expect(two.body.balance.balance).toBe(plus(30))
    // Released for good: the next one is answered at once.
    expect((await topUp('after', 5)).status).toBe(201)
  })

  it('reset releases held requests', async () => {
    mock.hold('getBalance')
    const pending = call('GET', '/billing/balance')
    await expect.poll(() => mock.requestCount('getBalance')).toBe(1)
    mock.reset()
    expect((await pending).status).toBe(200)
  })

  it('faults are one-shot and per operation', async () => {
    mock.failNext('getBalance')
    expect((await call('GET', '/billing/auto-top-up')).status).toBe(200)
    expect((await call('GET', '/billing/balance')).status).toBe(500)
    expect((await call('GET', '/billing/balance')).status).toBe(200)
  })

  it('reset clears pending faults', async () => {
    mock.failNext('getBalance')
    mock.reset()
    expect((await call('GET', '/billing/balance')).status).toBe(200)
  })
})

describe('the request log', () => {
  it('records method, path, operationId, body, headers and time, and counts by operation or predicate', async () => {
    await call('GET', '/billing/balance')
    await call('POST', '/generations', { body: lightning4, headers: { 'X-Trace': 'abc' } })
    await call('GET', '/billing/balance')
    expect(mock.requestCount('getBalance')).toBe(2)
    expect(mock.requestCount('createGeneration')).toBe(1)
    expect(mock.requestCount((request) => request.method === 'GET')).toBe(2)
    expect(mock.requests[1]).toMatchObject({
      method: 'POST',
      path: '/generations',
      operationId: 'createGeneration',
      body: lightning4,
      headers: expect.objectContaining({ 'x-trace': 'abc' }),
      time: NOW.toISOString(),
      status: 200,
    })
    mock.reset()
    expect(mock.requests).toEqual([])
  })
})

describe('transport', () => {
  it('rateLimited answers 429 with Retry-After to the first requests, then lets them through', async () => {
    mock.reset('rateLimited')
    const statuses: number[] = []
    for (let i = 0; i < 5; i++) {
      const response = await call<ApiError>('GET', '/billing/balance')
      statuses.push(response.status)
      if (response.status === 429) {
        expect(response.headers.get('Retry-After')).toBe('1')
        expect(response.body).toMatchObject({
          code: 'RATE_LIMITED',
          details: { retryAfterSeconds: 1 },
        })
      }
    }
    expect(statuses).toEqual([429, 429, 429, 200, 200])
  })

  it('flaky answers a seeded share of 500/503 before commit, with latency, and charges only what it accepted', async () => {
    mock.reset('flaky')
    const before = mock.ledger.entries.length
    const started = Date.now()
    const responses = await Promise.all(
      Array.from({ length: 40 }, () =>
        call<ApiError>('POST', '/generations', { body: lightning4 }),
      ),
    )
    expect(Date.now() - started).toBeGreaterThanOrEqual(50)
    const failed = responses.filter((response) => response.status >= 500)
    expect(failed.length).toBeGreaterThan(0)
    expect(failed.length).toBeLessThan(30)
    expect(
      failed.every((response) =>
        ['INTERNAL_ERROR', 'SERVICE_UNAVAILABLE'].includes(response.body.code),
      ),
    ).toBe(true)
    const accepted = responses.filter((response) => response.status === 200).length
    expect(mock.ledger.entries.length - before).toBe(accepted)
  })

  it('flaky is deterministic under a seed', async () => {
    // Latency off, so that the run is quick; the faults stay seeded.
    const flaky = createPaygMock({ scenario: 'flaky', latency: 0, seed: 11 })
    server.use(...flaky.handlers)
    const runOnce = async () => {
      flaky.reset()
      const statuses: number[] = []
      for (let i = 0; i < 20; i++) statuses.push((await call('GET', '/billing/balance')).status)
      return statuses
    }
    const first = await runOnce()
    expect(first.some((status) => status >= 500)).toBe(true)
    expect(await runOnce()).toEqual(first)
  })

  it('answers under a configured base URL', async () => {
    const proxied = createPaygMock({ baseUrl: 'https://example.test/api/payg/' })
    server.use(...proxied.handlers)
    const response = await call<Schemas['Balance']>('GET', '/billing/balance', {
      base: 'https://example.test/api/payg',
    })
    expect(response.status).toBe(200)
    expect(proxied.requests[0]?.path).toBe('/billing/balance')
  })

  it('rejects an unknown scenario with a helpful message', () => {
    expect(() => createPaygMock({ scenario: 'nope' as 'healthy' })).toThrow(
      /unknown scenario "nope"/,
    )
  })
})

describe('the clock', () => {
  it('stands still at a fixed start, and moves only when set or advanced', async () => {
    const clocked = createPaygMock({ scenario: 'newAccount', now: '2026-01-31T23:59:00Z' })
    expect(clocked.clock.now().toISOString()).toBe('2026-01-31T23:59:00.000Z')
    expect(clocked.clock.now().toISOString()).toBe('2026-01-31T23:59:00.000Z')
    clocked.clock.advance({ minutes: 1, seconds: 30 })
    expect(clocked.clock.now().toISOString()).toBe('2026-02-01T00:00:30.000Z')
    clocked.clock.advance({ days: 28, hours: 1 })
    expect(clocked.clock.now().toISOString()).toBe('2026-03-01T01:00:30.000Z')
    clocked.clock.advance(500)
    expect(clocked.clock.now().toISOString()).toBe('2026-03-01T01:00:30.500Z')
    clocked.clock.set(new Date('2026-02-14T09:00:00Z'))
    expect(clocked.state.now().toISOString()).toBe('2026-02-14T09:00:00.000Z')
    clocked.clock.set(Date.parse('2026-02-15T09:00:00Z'))
    expect(clocked.clock.now().toISOString()).toBe('2026-02-15T09:00:00.000Z')
  })

  it("dates the ledger and the request log by the mock's clock", async () => {
    mock.reset('newAccount')
    mock.clock.set('2030-07-04T10:00:00Z')
    await call('POST', '/billing/top-ups', {
      body: { amount: 10 },
      headers: { 'Idempotency-Key': 'clock-dated' },
    })
    expect(mock.state.transactions()[0]).toMatchObject({
      type: 'TOP_UP',
      createdAt: '2030-07-04T10:00:00.000Z',
    })
    expect(mock.requests.at(-1)?.time).toBe('2030-07-04T10:00:00.000Z')
  })

  it('lays a scenario out relative to the clock and goes back to its start on reset', () => {
    const clocked = createPaygMock({ scenario: 'healthy', now: '2026-06-01T00:00:00Z' })
    const newest = () => clocked.state.transactions()[0]?.createdAt ?? ''
    const first = newest()
    expect(Date.parse(first)).toBeLessThanOrEqual(Date.parse('2026-06-01T00:00:00Z'))
    expect(Date.parse(first)).toBeGreaterThan(Date.parse('2026-05-30T00:00:00Z'))
    clocked.clock.advance({ days: 10 })
    clocked.reset()
    expect(clocked.clock.now().toISOString()).toBe('2026-06-01T00:00:00.000Z')
    expect(newest()).toBe(first)
    clocked.reset('healthy', { now: '2027-06-01T00:00:00Z' })
    expect(clocked.clock.now().toISOString()).toBe('2027-06-01T00:00:00.000Z')
    expect(Date.parse(newest()) - Date.parse(first)).toBe(
      Date.parse('2027-06-01T00:00:00Z') - Date.parse('2026-06-01T00:00:00Z'),
    )
    clocked.reset()
    expect(clocked.clock.now().toISOString()).toBe('2027-06-01T00:00:00.000Z')
  })

  it('follows a clock function, plus whatever it was advanced by', () => {
    let wall = Date.parse('2026-05-10T08:00:00Z')
    const clocked = createPaygMock({ scenario: 'newAccount', now: () => new Date(wall) })
    wall += 60_000
    expect(clocked.clock.now().toISOString()).toBe('2026-05-10T08:01:00.000Z')
    clocked.clock.advance({ hours: 2 })
    wall += 60_000
    expect(clocked.clock.now().toISOString()).toBe('2026-05-10T10:02:00.000Z')
  })

  it('a month later the monthly cap on automatic top-ups starts again', async () => {
    const clocked = createPaygMock({ scenario: 'newAccount', now: '2026-01-20T12:00:00Z' })
    clocked.state.setBalance('10.03')
    clocked.state.setAutoTopUp({ enabled: true, threshold: 10, amount: 50, monthlyCap: 50 })
    const crossing = () => {
      clocked.state.setBalance('10.03')
      const charged = clocked.ledger.charge(
        {
          service: 'IMAGE_GENERATION',
          modelKey: 'SDXL_LIGHTNING',
          credits: 40n,
          description: 'Image generation',
        },
        `gen-${clocked.ledger.entries.length}`,
      )
      expect(charged.ok).toBe(true)
    }
    crossing()
    expect(clocked.state.autoTopUp().spentThisMonth).toBe('50')
    crossing()
    expect(clocked.state.autoTopUp().lastAttempt?.status).toBe('CAP_REACHED')
    // February: a fresh cap, and the balance left below the threshold is topped up at once.
    clocked.clock.advance({ days: 31 })
    expect(clocked.state.autoTopUp()).toMatchObject({
      spentThisMonth: '50',
      lastAttempt: { status: 'SUCCEEDED', at: '2026-02-20T12:00:00.000Z' },
    })
    expect(clocked.state.balance()).toBe('59.982')
    clocked.clock.advance({ days: 31 })
    expect(clocked.state.autoTopUp().spentThisMonth).toBe('0')
    crossing()
    expect(clocked.state.autoTopUp()).toMatchObject({
      spentThisMonth: '50',
      lastAttempt: { status: 'SUCCEEDED' },
    })
  })

  it('refuses a date it cannot read and a move backwards, saying what it takes', () => {
    expect(() => createPaygMock({ now: 'next tuesday' })).toThrow(
      /now must be a valid date .*got next tuesday/,
    )
    expect(() => mock.clock.set(Number.NaN)).toThrow(/clock.set\(date\) must be a valid date/)
    expect(() => mock.clock.advance(-1)).toThrow(/moves forward only/)
    expect(() => mock.clock.advance({ weeks: 1 } as never)).toThrow(/unknown unit "weeks"/)
    expect(() => mock.clock.advance({ days: Number.POSITIVE_INFINITY })).toThrow(
      /moves forward only/,
    )
  })
})

describe('reset and use', () => {
  it('reset rebuilds the same ledger from the same seed', () => {
    const first = mock.state.transactions()
    mock.state.setBalance('1')
    mock.reset()
    expect(mock.state.transactions()).toEqual(first)
  })

  it('use switches scenario and keeps the request log; reset returns to the current scenario', async () => {
    await call('GET', '/billing/balance')
    mock.use('zeroBalance')
    expect(mock.scenario).toBe('zeroBalance')
    expect((await call<Schemas['Balance']>('GET', '/billing/balance')).body.state).toBe('PAUSED')
    expect(mock.requestCount('getBalance')).toBe(2)
    mock.state.setBalance('3')
    mock.reset()
    expect(mock.state.balance()).toBe('0')
  })
})

describe('environment', () => {
  it('imports nothing node-only in src, so it runs under msw/browser too', async () => {
    const { readdirSync, readFileSync } = await import('node:fs')
    const dir = new URL('.', import.meta.url)
    const sources = readdirSync(dir).filter(
      (name) => name.endsWith('.ts') && !name.includes('.test'),
    )
    expect(sources.length).toBeGreaterThan(5)
    for (const name of sources) {
      const text = readFileSync(new URL(name, dir), 'utf8')
      expect(text, name).not.toMatch(/from ['"](node:|msw\/node)|require\(|\bBuffer\b|\bprocess\./)
    }
  })
})
