import { inspect } from 'node:util'
import { build } from 'esbuild'
import { delay, HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createPaygClient } from './createPaygClient'
import { createPaygTransport } from './createPaygTransport'
import {
  ConfigError,
  InsufficientBalanceError,
  MalformedResponseError,
  NetworkError,
  ServerError,
  TimeoutError,
} from './errors'
import type { components } from './generated/payg'
import { estimateCost, getBalance, getTopUp, topUp } from './operations'

// The standalone operations over a transport: the same pipeline as the client's methods.

const BASE = 'https://api.test/v1'
const KEY = 'sk_live_secret_123'
const BALANCE: components['schemas']['Balance'] = {
  balance: '12.4567',
  currency: 'USD',
  billingModel: 'PAYG',
  credits: null,
  state: 'OK',
  lowBalanceThreshold: null,
  autoTopUpEnabled: false,
  updatedAt: '2025-06-01T12:00:00.000Z',
}
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
const IMAGE = {
  service: 'IMAGE_GENERATION',
  serviceParams: { IMAGE_GENERATION: { imageWidth: 1024, imageHeight: 768, numImages: 4 } },
} as const
const fast = { retries: 2, baseDelayMs: 1, maxDelayMs: 5 }

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

describe('the standalone operations', () => {
  it('read the balance as exact money, with the transport’s key', async () => {
    let auth: string | null = null
    server.use(
      http.get(`${BASE}/billing/balance`, ({ request }) => {
        auth = request.headers.get('authorization')
        return HttpResponse.json({ ...BALANCE, balance: 12.4567 })
      }),
    )
    const info = await getBalance(createPaygTransport({ baseUrl: BASE, apiKey: KEY }))
    expect(info.balance).toEqual({ amount: '12.4567', unit: 'USD' })
    expect(auth).toBe(`Bearer ${KEY}`)
  })

  it('estimate a cost in the unit asked for, and send the request as JSON', async () => {
    let sent: unknown
    server.use(
      http.post(`${BASE}/pricing-calculator`, async ({ request }) => {
        sent = await request.json()
        return HttpResponse.json({
          calculateProductionApiServiceCost: { cost: 0.30000000000000004 },
        })
      }),
    )
    const transport = createPaygTransport({ baseUrl: BASE })
    expect(await estimateCost(transport, IMAGE)).toEqual({ amount: '0.3', unit: 'USD' })
    expect(await estimateCost(transport, IMAGE, { unit: 'CREDITS' })).toEqual({
      amount: '0.3',
      unit: 'CREDITS',
    })
    expect(sent).toEqual(IMAGE)
    // A unit that is no unit (from plain JS, or named like an Object member) is refused, never
    // an upstream value passed on unchecked.
    for (const unit of ['EUR', 'constructor', 'toString', '__proto__']) {
      await expect(estimateCost(transport, IMAGE, { unit: unit as 'USD' }), unit).rejects.toThrow(
        /money unit/i,
      )
    }
  })

  it('throw the same typed errors, with the credentials redacted', async () => {
    server.use(
      http.get(`${BASE}/billing/balance`, () =>
        HttpResponse.json(
          {
            code: 'INSUFFICIENT_BALANCE',
            message: `No credit left for key ${KEY}`,
            details: { balance: '0', required: '0.024', currency: 'USD' },
          },
          { status: 402 },
        ),
      ),
    )
    const error = await getBalance(createPaygTransport({ baseUrl: BASE, apiKey: KEY })).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(InsufficientBalanceError)
    expect((error as InsufficientBalanceError).required).toEqual({ amount: '0.024', unit: 'USD' })
    expect((error as Error).message).not.toContain(KEY)
    expect((error as Error).message).toContain('[redacted]')
  })

  it('check the success body of each operation', async () => {
    server.use(
      http.get(`${BASE}/billing/balance`, () => HttpResponse.json({ ...BALANCE, balance: 'lots' })),
    )
    const error = await getBalance(createPaygTransport({ baseUrl: BASE })).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MalformedResponseError)
    expect((error as MalformedResponseError).details).toMatchObject({
      operation: 'GET /billing/balance',
      field: 'balance',
    })
  })

  it('retry a read, and never a cost estimate’s POST', async () => {
    let reads = 0
    let estimates = 0
    server.use(
      http.get(`${BASE}/billing/balance`, () =>
        ++reads < 3 ? new HttpResponse(null, { status: 503 }) : HttpResponse.json(BALANCE),
      ),
      http.post(`${BASE}/pricing-calculator`, () => {
        estimates++
        return new HttpResponse(null, { status: 503 })
      }),
    )
    const transport = createPaygTransport({ baseUrl: BASE, retry: fast })
    expect((await getBalance(transport)).state).toBe('OK')
    expect(reads).toBe(3)
    await expect(estimateCost(transport, IMAGE)).rejects.toBeInstanceOf(ServerError)
    expect(estimates).toBe(1)
  })

  it('send a top-up with one idempotency key on every retry, and carry it on failure', async () => {
    const keys: Array<string | null> = []
    server.use(
      http.post(`${BASE}/billing/top-ups`, ({ request }) => {
        keys.push(request.headers.get('idempotency-key'))
        return keys.length < 3
          ? HttpResponse.error()
          : HttpResponse.json(TOP_UP_RESULT, {
              status: 201,
              headers: { 'idempotent-replayed': 'true' },
            })
      }),
    )
    const transport = createPaygTransport({ baseUrl: BASE, retry: fast })
    const result = await topUp(transport, { amount: 25, idempotencyKey: 'intent-1' })
    expect(keys).toEqual(['intent-1', 'intent-1', 'intent-1'])
    expect(result).toMatchObject({ idempotencyKey: 'intent-1', replayed: true })
    expect(result.balance.balance).toEqual({ amount: '12.4567', unit: 'USD' })

    server.use(http.post(`${BASE}/billing/top-ups`, () => HttpResponse.error()))
    const error = await topUp(transport, { amount: 25, idempotencyKey: 'intent-2' }).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(NetworkError)
    expect((error as NetworkError).idempotencyKey).toBe('intent-2')
  })

  it('look a lost top-up up by its key', async () => {
    server.use(
      http.get(`${BASE}/billing/top-ups/:key`, ({ params }) =>
        params.key === 'intent-1'
          ? HttpResponse.json(TOP_UP_RESULT)
          : HttpResponse.json(
              { code: 'NOT_FOUND', message: 'No top-up', details: { idempotencyKey: params.key } },
              { status: 404 },
            ),
      ),
    )
    const transport = createPaygTransport({ baseUrl: BASE })
    expect((await getTopUp(transport, 'intent-1'))?.topUp.id).toBe('tu_1')
    expect(await getTopUp(transport, 'intent-9')).toBeNull()
  })

  it('time each attempt out and retry reads, as the client does', async () => {
    let requests = 0
    server.use(
      http.get(`${BASE}/billing/balance`, async () => {
        requests++
        await delay('infinite')
        return HttpResponse.json(BALANCE)
      }),
    )
    const error = await getBalance(
      createPaygTransport({ baseUrl: BASE, timeoutMs: 20, retry: fast }),
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TimeoutError)
    expect(requests).toBe(3)
  })

  it('check the options like createPaygClient', () => {
    expect(() => createPaygTransport({ baseUrl: 'ftp://x' })).toThrow(ConfigError)
    expect(() => createPaygTransport({ timeoutMs: -1 })).toThrow(/timeoutMs/)
    expect(createPaygTransport({ scope: 'acct_1' }).scope).toBe('acct_1')
  })

  it('keep the key out of the transport a user can log or serialise', () => {
    const transport = createPaygTransport({ baseUrl: BASE, apiKey: KEY, scope: 'acct_1' })
    expect(JSON.stringify(transport)).not.toContain(KEY)
    expect(inspect(transport, { depth: 10, showHidden: true })).not.toContain(KEY)
    expect(Object.isFrozen(transport)).toBe(true)
  })

  it('take a client as well, and refuse anything else with a ConfigError', async () => {
    server.use(http.get(`${BASE}/billing/balance`, () => HttpResponse.json(BALANCE)))
    const client = createPaygClient({ baseUrl: BASE, apiKey: KEY })
    expect((await getBalance(client as never)).balance.amount).toBe('12.4567')
    for (const bad of [{}, null, { send: () => null, root: BASE }]) {
      await expect(getBalance(bad as never)).rejects.toThrow(ConfigError)
    }
  })
})

describe('an app that imports two operations', () => {
  it('ships those two and none of the others', async () => {
    const bundle = async (names: string) => {
      const result = await build({
        stdin: {
          contents: `export { ${names} } from './index'`,
          resolveDir: import.meta.dirname,
          loader: 'ts',
        },
        bundle: true,
        format: 'esm',
        platform: 'browser',
        write: false,
        logLevel: 'silent',
      })
      return result.outputFiles[0]?.text ?? ''
    }
    const app = await bundle('createPaygTransport, getBalance, estimateCost')
    expect(app).toContain('/billing/balance')
    expect(app).toContain('/pricing-calculator')
    for (const other of [
      '/billing/top-ups',
      '/billing/auto-top-up',
      '/billing/transactions',
      '/billing/usage',
      '/billing/subscription/migrate',
      'migration-preview',
      'user_details',
      'sdGenerationJob',
    ]) {
      expect(app).not.toContain(other)
    }
    // The client ships every method.
    const client = await bundle('createPaygClient')
    for (const path of ['/billing/top-ups', 'migration-preview', 'user_details']) {
      expect(client).toContain(path)
    }
  })
})
