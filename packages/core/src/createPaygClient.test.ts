import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createPaygClient } from './createPaygClient'
import {
  ConfigError,
  InsufficientBalanceError,
  MalformedResponseError,
  ValidationError,
} from './errors'
import type { components } from './generated/payg'

const BASE = 'https://api.test/v1'
const BALANCE: components['schemas']['Balance'] = {
  balance: '12.4567',
  currency: 'USD',
  billingModel: 'PAYG',
  credits: null,
  state: 'LOW',
  lowBalanceThreshold: 50,
  autoTopUpEnabled: true,
  updatedAt: '2025-06-01T12:00:00.000Z',
}
const TOP_UP: components['schemas']['TopUp'] = {
  id: 'tu_1',
  amount: '25',
  kind: 'MANUAL',
  status: 'SUCCEEDED',
  paymentMethodId: 'pm_1',
  createdAt: '2025-06-01T12:00:00.000Z',
}
const AUTO_TOP_UP: components['schemas']['AutoTopUp'] = {
  enabled: true,
  threshold: 50,
  amount: 100,
  monthlyCap: 500,
  spentThisMonth: '100.00',
  consecutiveFailures: 0,
  disabledReason: null,
  lastAttempt: {
    at: '2025-06-01T12:00:00.000Z',
    status: 'SUCCEEDED',
    amount: '100',
    topUpId: 'tu_2',
    message: null,
  },
}

// Made before the server listens: the client must still be intercepted (fetch is looked up per call).
const early = createPaygClient({ baseUrl: BASE, apiKey: 'key_early' })

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

describe('createPaygClient options', () => {
  it.each([
    ['a non-string apiKey', { apiKey: 42 }, /`apiKey` must be a non-empty string/],
    ['an empty apiKey', { apiKey: '' }, /`apiKey` must be a non-empty string/],
    ['an apiKey with a newline', { apiKey: 'abc\ndef' }, /`apiKey`/],
    ['a malformed baseUrl', { baseUrl: 'not a url' }, /`baseUrl` must be an http\(s\) URL/],
    ['a non-http baseUrl', { baseUrl: 'ftp://example.com' }, /`baseUrl`/],
    ['a baseUrl with a query', { baseUrl: 'https://api.test/v1?x=1' }, /`baseUrl`/],
    ['a negative timeout', { timeoutMs: -1 }, /`timeoutMs`.*0 or more/],
    ['an empty scope', { scope: '' }, /`scope` must be a non-empty string/],
    ['a NaN timeout', { timeoutMs: Number.NaN }, /`timeoutMs`/],
    ['a string timeout', { timeoutMs: '100' }, /`timeoutMs`/],
    ['fractional retries', { retry: { retries: 1.5 } }, /`retry.retries` must be a whole number/],
    ['a retry of true', { retry: true }, /`retry` must be false or/],
    ['a negative backoff', { retry: { baseDelayMs: -5 } }, /`retry.baseDelayMs`/],
    [
      'headers that are not strings',
      { headers: { 'x-n': 1 } },
      /`headers` must be an object of strings/,
    ],
    ['headers that are not pairs', { headers: [['x-n']] }, /`headers` must be an object/],
    ['headers that are a string', { headers: 'x-n: 1' }, /`headers` must be an object/],
    ['an invalid header name', { headers: { 'x n': '1' } }, /invalid header name or value/],
    ['a header value with a newline', { headers: [['x-n', 'a\nb']] }, /invalid header/],
    ['a fetch that is not a function', { fetch: 'fetch' }, /`fetch` must be a function/],
  ])('rejects %s with a ConfigError', (_, options, message) => {
    const make = () => createPaygClient(options as never)
    expect(make).toThrow(ConfigError)
    expect(make).toThrow(message)
  })

  it('rejects a non-object', () => {
    expect(() => createPaygClient('key' as never)).toThrow(/takes an options object/)
  })

  it('accepts absolute URLs, proxy paths and no options at all', () => {
    expect(() => createPaygClient()).not.toThrow()
    expect(() => createPaygClient({ baseUrl: '/api/payg' })).not.toThrow()
    expect(() =>
      createPaygClient({ baseUrl: 'http://localhost:3000/api/', apiKey: 'k' }),
    ).not.toThrow()
  })

  it('checks per-call options too', async () => {
    const client = createPaygClient({ baseUrl: BASE })
    await expect(client.getBalance({ timeoutMs: -5 })).rejects.toThrow(ConfigError)
  })
})

describe('domain methods', () => {
  it('resolves fetch on every call, so a mock installed after the client still intercepts', async () => {
    server.use(http.get(`${BASE}/billing/balance`, () => HttpResponse.json(BALANCE)))
    await expect(early.getBalance()).resolves.toMatchObject({ balance: { amount: '12.4567' } })
  })

  it('sends the API key and extra headers, and normalises the balance', async () => {
    let seen: Headers | undefined
    server.use(
      http.get(`${BASE}/billing/balance`, ({ request }) => {
        seen = request.headers
        return HttpResponse.json(BALANCE)
      }),
    )
    const client = createPaygClient({
      baseUrl: `${BASE}/`,
      apiKey: 'key_1',
      headers: { 'x-app': 'kit' },
    })
    const info = await client.getBalance()
    expect(seen?.get('authorization')).toBe('Bearer key_1')
    expect(seen?.get('x-app')).toBe('kit')
    expect(info).toMatchObject({
      balance: { amount: '12.4567', unit: 'USD' },
      credits: null,
      billingModel: 'PAYG',
      state: 'LOW',
      lowBalanceThreshold: { amount: '50', unit: 'USD' },
      autoTopUpEnabled: true,
      updatedAt: '2025-06-01T12:00:00.000Z',
    })
  })

  it('sends no authorization header without an API key (behind a proxy)', async () => {
    let authorization: string | null = 'unset'
    server.use(
      http.get(`${BASE}/billing/balance`, ({ request }) => {
        authorization = request.headers.get('authorization')
        return HttpResponse.json({ ...BALANCE, credits: 2400, billingModel: 'SUBSCRIPTION' })
      }),
    )
    const info = await createPaygClient({ baseUrl: BASE }).getBalance()
    expect(authorization).toBeNull()
    expect(info.credits).toEqual({ amount: '2400', unit: 'CREDITS' })
  })

  it('throws typed errors for refusals', async () => {
    server.use(
      http.get(`${BASE}/billing/balance`, () =>
        HttpResponse.json(
          {
            code: 'INSUFFICIENT_BALANCE',
            message: 'Insufficient balance',
            details: { balance: '0', required: '0.048', currency: 'USD' },
          },
          { status: 402 },
        ),
      ),
    )
    const error = await createPaygClient({ baseUrl: BASE })
      .getBalance()
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InsufficientBalanceError)
    expect((error as InsufficientBalanceError).required).toEqual({ amount: '0.048', unit: 'USD' })
  })

  it('says to check baseUrl when a success is not JSON', async () => {
    server.use(
      http.get(`${BASE}/billing/balance`, () => HttpResponse.html('<!doctype html><p>app</p>')),
    )
    await expect(createPaygClient({ baseUrl: BASE }).getBalance()).rejects.toThrow(
      /other than JSON: check that `baseUrl` points at the API/,
    )
  })

  it('reads the account from GET /me', async () => {
    server.use(
      http.get(`${BASE}/me`, () =>
        HttpResponse.json({
          user_details: [
            {
              user: { id: 'u_1', username: null },
              tokenRenewalDate: null,
              paidTokens: 0,
              subscriptionTokens: 0,
              subscriptionGptTokens: 0,
              subscriptionModelTokens: 0,
              apiConcurrencySlots: 10,
              apiSubscriptionTokens: 1500,
              apiPaidTokens: 12.4567,
              apiPlanTokenRenewalDate: '2025-07-01T00:00:00.000Z',
            },
          ],
        }),
      ),
    )
    expect(await createPaygClient({ baseUrl: BASE }).getAccount()).toEqual({
      userId: 'u_1',
      username: null,
      billingModel: 'PAYG',
      unit: 'USD',
      paidBalance: { amount: '12.4567', unit: 'USD' },
      subscriptionCredits: { amount: '1500', unit: 'CREDITS' },
      concurrencySlots: 10,
      planRenewalDate: '2025-07-01T00:00:00.000Z',
    })
  })

  it('estimates a cost in dollars from the pricing calculator', async () => {
    let body: unknown
    server.use(
      http.post(`${BASE}/pricing-calculator`, async ({ request }) => {
        body = await request.json()
        return HttpResponse.json({ calculateProductionApiServiceCost: { cost: 0.048 } })
      }),
    )
    const request = {
      service: 'IMAGE_GENERATION' as const,
      serviceParams: { IMAGE_GENERATION: { imageWidth: 1024, imageHeight: 1024, numImages: 4 } },
    }
    expect(await createPaygClient({ baseUrl: BASE }).estimateCost(request)).toEqual({
      amount: '0.048',
      unit: 'USD',
    })
    expect(body).toEqual(request)
  })

  it('reads the estimate in plan credits for a legacy-plan account', async () => {
    server.use(
      http.post(`${BASE}/pricing-calculator`, () =>
        HttpResponse.json({ calculateProductionApiServiceCost: { cost: 40 } }),
      ),
    )
    const cost = await createPaygClient({ baseUrl: BASE }).estimateCost(
      { service: 'IMAGE_GENERATION', serviceParams: { IMAGE_GENERATION: { numImages: 4 } } },
      { unit: 'CREDITS' },
    )
    expect(cost).toEqual({ amount: '40', unit: 'CREDITS' })
  })

  it('quotes your price beside the list price', async () => {
    server.use(
      http.post(`${BASE}/billing/pricing/quote`, () =>
        HttpResponse.json({
          cost: { amount: '0.0365', unit: 'DOLLARS' },
          listCost: { amount: '0.048', unit: 'DOLLARS' },
          discountPercent: 24,
          modelKey: 'PHOENIX',
        }),
      ),
    )
    const quote = await createPaygClient({ baseUrl: BASE }).quote({
      service: 'IMAGE_GENERATION',
      serviceParams: { IMAGE_GENERATION: {} },
    })
    expect(quote).toEqual({
      cost: { amount: '0.0365', unit: 'USD' },
      listCost: { amount: '0.048', unit: 'USD' },
      discountPercent: 24,
      modelKey: 'PHOENIX',
    })
  })

  it('normalises a generation cost, falling back to apiCreditCost', async () => {
    const jobs = [
      { generationId: 'g_1', apiCreditCost: 12, cost: { amount: '0.024', unit: 'DOLLARS' } },
      { generationId: 'g_2', apiCreditCost: 12 },
    ]
    server.use(
      http.post(`${BASE}/generations`, () => HttpResponse.json({ sdGenerationJob: jobs.shift() })),
    )
    const client = createPaygClient({ baseUrl: BASE })
    const request = { prompt: 'a fox', num_images: 1, width: 512, height: 512 }
    expect(await client.createGeneration(request)).toEqual({
      generationId: 'g_1',
      cost: { amount: '0.024', unit: 'USD' },
    })
    expect(await client.createGeneration(request)).toEqual({
      generationId: 'g_2',
      cost: { amount: '12', unit: 'CREDITS' },
    })
  })

  it('reads auto top-up settings, and updates and disables them with idempotency keys', async () => {
    const writes: Array<{ method: string; key: string | null; body: unknown }> = []
    const result = { autoTopUp: AUTO_TOP_UP, balance: BALANCE, triggeredTopUp: TOP_UP }
    server.use(
      http.get(`${BASE}/billing/auto-top-up`, () => HttpResponse.json(AUTO_TOP_UP)),
      http.put(`${BASE}/billing/auto-top-up`, async ({ request }) => {
        writes.push({
          method: 'PUT',
          key: request.headers.get('idempotency-key'),
          body: await request.json(),
        })
        return HttpResponse.json(result)
      }),
      http.delete(`${BASE}/billing/auto-top-up`, ({ request }) => {
        writes.push({ method: 'DELETE', key: request.headers.get('idempotency-key'), body: null })
        return HttpResponse.json({ ...result, triggeredTopUp: null })
      }),
    )
    const client = createPaygClient({ baseUrl: BASE })
    expect(await client.getAutoTopUp()).toMatchObject({
      threshold: { amount: '50', unit: 'USD' },
      amount: { amount: '100', unit: 'USD' },
      monthlyCap: { amount: '500', unit: 'USD' },
      spentThisMonth: { amount: '100', unit: 'USD' },
      lastAttempt: { status: 'SUCCEEDED', amount: { amount: '100', unit: 'USD' }, topUpId: 'tu_2' },
    })
    const updated = await client.updateAutoTopUp({ enabled: true, threshold: 50, amount: 100 })
    expect(updated.triggeredTopUp).toMatchObject({
      id: 'tu_1',
      amount: { amount: '25', unit: 'USD' },
    })
    expect(updated.balance.balance).toEqual({ amount: '12.4567', unit: 'USD' })
    const disabled = await client.disableAutoTopUp()
    expect(disabled.triggeredTopUp).toBeNull()
    expect(writes[0]?.body).toEqual({ enabled: true, threshold: 50, amount: 100 })
    expect(writes.map((w) => w.method)).toEqual(['PUT', 'DELETE'])
    for (const write of writes) expect(write.key).toMatch(/^[0-9a-f-]{36}$/)
    expect(writes[0]?.key).not.toBe(writes[1]?.key)
  })

  it('validates auto top-up amounts before any request', async () => {
    const client = createPaygClient({ baseUrl: BASE })
    for (const input of [
      { enabled: true, threshold: 12.5, amount: 100 },
      { enabled: true, threshold: 50, amount: -5 },
      { enabled: true, threshold: 50, amount: 100, monthlyCap: 0 },
      { enabled: 'yes', threshold: 50, amount: 100 },
    ]) {
      const error = await client.updateAutoTopUp(input as never).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(ValidationError)
    }
    // No handler is installed: a request would fail the test with onUnhandledRequest: 'error'.
  })

  it('reads usage, the payment method, the subscription, the preview and pricing', async () => {
    server.use(
      http.get(`${BASE}/billing/usage`, ({ request }) => {
        const url = new URL(request.url)
        return HttpResponse.json({
          from: url.searchParams.get('from'),
          to: url.searchParams.get('to'),
          currency: 'USD',
          total: '0.072',
          buckets: [
            {
              date: '2025-06-01',
              total: '0.072',
              requests: 2,
              byService: [{ service: 'IMAGE_GENERATION', amount: '0.072', requests: 2 }],
            },
          ],
        })
      }),
      http.get(`${BASE}/billing/payment-method`, () =>
        HttpResponse.json({
          paymentMethod: { id: 'pm_1', brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030 },
        }),
      ),
      http.get(`${BASE}/billing/subscription`, () =>
        HttpResponse.json({
          billingModel: 'SUBSCRIPTION',
          customPricing: false,
          plan: {
            name: 'API Standard',
            monthlyPrice: '49.00',
            creditsPerMonth: 25000,
            creditsRemaining: 24000,
            renewalDate: '2025-07-01T00:00:00.000Z',
          },
          migratedAt: null,
        }),
      ),
      http.get(`${BASE}/billing/subscription/migration-preview`, () =>
        HttpResponse.json({
          creditsRemaining: 24000,
          dollarsPerCredit: '0.00076',
          convertedAmount: '18.24',
          balanceAfter: '18.24',
          planMonthlyPrice: '49',
          last30Days: { credits: 1000, requests: 40, paygCost: '0.76' },
        }),
      ),
      http.get(`${BASE}/billing/pricing`, () =>
        HttpResponse.json({
          currency: 'USD',
          illustrative: true,
          customPricing: false,
          models: [
            { key: 'PHOENIX', name: 'Phoenix', service: 'IMAGE_GENERATION', discountPercent: 0 },
          ],
        }),
      ),
    )
    const client = createPaygClient({ baseUrl: BASE })
    const usage = await client.getUsage({ from: '2025-06-01', to: '2025-06-01' })
    expect(usage).toMatchObject({
      from: '2025-06-01',
      to: '2025-06-01',
      total: { amount: '0.072', unit: 'USD' },
      buckets: [
        {
          total: { amount: '0.072', unit: 'USD' },
          byService: [{ service: 'IMAGE_GENERATION', amount: { amount: '0.072', unit: 'USD' } }],
        },
      ],
    })
    expect(await client.getPaymentMethod()).toMatchObject({ last4: '4242' })
    expect(await client.getSubscription()).toMatchObject({
      plan: {
        monthlyPrice: { amount: '49', unit: 'USD' },
        creditsPerMonth: { amount: '25000', unit: 'CREDITS' },
        creditsRemaining: { amount: '24000', unit: 'CREDITS' },
      },
    })
    expect(await client.getMigrationPreview()).toMatchObject({
      creditsRemaining: { amount: '24000', unit: 'CREDITS' },
      dollarsPerCredit: '0.00076',
      convertedAmount: { amount: '18.24', unit: 'USD' },
      planMonthlyPrice: { amount: '49', unit: 'USD' },
      last30Days: {
        credits: { amount: '1000', unit: 'CREDITS' },
        requests: 40,
        paygCost: { amount: '0.76', unit: 'USD' },
      },
    })
    expect(await client.getPricing()).toMatchObject({
      illustrative: true,
      models: [{ key: 'PHOENIX' }],
    })
  })

  it('migrates with an idempotency key, the given one or a fresh one', async () => {
    const keys: Array<string | null> = []
    server.use(
      http.post(`${BASE}/billing/subscription/migrate`, ({ request }) => {
        keys.push(request.headers.get('idempotency-key'))
        return HttpResponse.json({
          subscription: {
            billingModel: 'PAYG',
            customPricing: false,
            plan: null,
            migratedAt: '2025-06-01T00:00:00.000Z',
          },
          balance: BALANCE,
          transaction: {
            id: 'tx_1',
            type: 'MIGRATION_CREDIT',
            amount: '18.24',
            balanceAfter: '18.24',
            description: 'Plan credits converted',
            service: null,
            generationId: null,
            topUpId: null,
            createdAt: '2025-06-01T00:00:00.000Z',
          },
        })
      }),
    )
    const client = createPaygClient({ baseUrl: BASE })
    const result = await client.migrateToPayg({ idempotencyKey: 'migrate-1' })
    await client.migrateToPayg()
    expect(result.transaction.amount).toEqual({ amount: '18.24', unit: 'USD' })
    expect(result.subscription.plan).toBeNull()
    expect(keys[0]).toBe('migrate-1')
    expect(keys[1]).toMatch(/^[0-9a-f-]{36}$/)
  })
})

describe('topUp', () => {
  it('sends whole dollars with a fresh idempotency key and reports replays', async () => {
    const seen: Array<{ key: string | null; body: unknown }> = []
    server.use(
      http.post(`${BASE}/billing/top-ups`, async ({ request }) => {
        seen.push({ key: request.headers.get('idempotency-key'), body: await request.json() })
        return HttpResponse.json(
          { topUp: TOP_UP, balance: { ...BALANCE, balance: '37.4567' } },
          { status: 201, headers: seen.length === 2 ? { 'Idempotent-Replayed': 'true' } : {} },
        )
      }),
    )
    const client = createPaygClient({ baseUrl: BASE, apiKey: 'k' })
    const first = await client.topUp({ amount: 25 })
    const second = await client.topUp({ amount: 25, idempotencyKey: 'intent-7' })
    expect(first.topUp.amount).toEqual({ amount: '25', unit: 'USD' })
    expect(first.balance.balance).toEqual({ amount: '37.4567', unit: 'USD' })
    expect(first.replayed).toBe(false)
    expect(first.idempotencyKey).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    )
    expect(seen[0]).toEqual({ key: first.idempotencyKey, body: { amount: 25 } })
    expect(second.replayed).toBe(true)
    expect(second.idempotencyKey).toBe('intent-7')
    expect(seen[1]?.key).toBe('intent-7')
  })

  it('names the reason of a refused amount', async () => {
    const codes = []
    for (const amount of [12.5, 0, 1e21]) {
      const error = await createPaygClient({ baseUrl: BASE })
        .topUp({ amount })
        .catch((e: ValidationError) => e)
      codes.push((error as ValidationError).fieldErrors[0]?.code)
    }
    expect(codes).toEqual(['INVALID_TYPE', 'TOO_SMALL', 'TOO_LARGE'])
  })

  it.each([
    ['a fraction', 12.5],
    ['a negative amount', -5],
    ['zero', 0],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a string', 'abc'],
    ['a numeric string', '25'],
    ['a number beyond 2^53', 1e21],
    ['nothing', undefined],
  ])('rejects %s with a ValidationError naming amount, sending nothing', async (_, amount) => {
    // No handler is installed: a request would fail the test with onUnhandledRequest: 'error'.
    const error = await createPaygClient({ baseUrl: BASE })
      .topUp({ amount } as never)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).fieldErrors).toEqual([
      expect.objectContaining({
        field: 'amount',
        code: expect.stringMatching(/^(INVALID_TYPE|TOO_SMALL|TOO_LARGE)$/),
      }),
    ])
    expect((error as ValidationError).message).toMatch(
      /^\[payg-kit\] amount must be a whole number/,
    )
  })

  it('rejects an idempotency key that cannot be a header value or a lookup path segment', async () => {
    for (const idempotencyKey of ['', 'has space', 'é', 'x'.repeat(256), '.', '..', '.k', 42]) {
      const error = await createPaygClient({ baseUrl: BASE })
        .topUp({ amount: 10, idempotencyKey } as never)
        .catch((e: unknown) => e)
      expect((error as ValidationError).fieldErrors?.[0]?.field).toBe('idempotencyKey')
    }
  })
})

describe('transactions', () => {
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

  it('lists one page with filters', async () => {
    let query = ''
    server.use(
      http.get(`${BASE}/billing/transactions`, ({ request }) => {
        query = new URL(request.url).search
        return HttpResponse.json({ data: [tx('1')], nextCursor: 'c2' })
      }),
    )
    const page = await createPaygClient({ baseUrl: BASE }).listTransactions({
      type: 'USAGE',
      limit: 1,
    })
    expect(query).toBe('?type=USAGE&limit=1')
    expect(page.nextCursor).toBe('c2')
    expect(page.data[0]).toMatchObject({
      id: '1',
      amount: { amount: '-0.024', unit: 'USD' },
      balanceAfter: { amount: '12.4327', unit: 'USD' },
    })
  })

  it("reads a legacy plan's entries and usage in credits, and a unit it does not know as malformed", async () => {
    server.use(
      http.get(`${BASE}/billing/transactions`, () =>
        HttpResponse.json({
          data: [
            { ...tx('c'), unit: 'CREDITS', amount: '-40', balanceAfter: '23960' },
            { ...tx('d'), unit: 'DOLLARS' },
            tx('e'),
          ],
          nextCursor: null,
        }),
      ),
      http.get(`${BASE}/billing/usage`, () =>
        HttpResponse.json({
          from: '2025-06-01',
          to: '2025-06-01',
          currency: 'USD',
          unit: 'CREDITS',
          total: '40',
          buckets: [
            {
              date: '2025-06-01',
              total: '40',
              requests: 1,
              byService: [{ service: 'IMAGE_GENERATION', amount: '40', requests: 1 }],
            },
          ],
        }),
      ),
    )
    const client = createPaygClient({ baseUrl: BASE })
    const page = await client.listTransactions()
    expect(page.data.map((entry) => [entry.unit, entry.amount, entry.balanceAfter])).toEqual([
      ['CREDITS', { amount: '-40', unit: 'CREDITS' }, { amount: '23960', unit: 'CREDITS' }],
      ['USD', { amount: '-0.024', unit: 'USD' }, { amount: '12.4327', unit: 'USD' }],
      ['USD', { amount: '-0.024', unit: 'USD' }, { amount: '12.4327', unit: 'USD' }],
    ])
    const usage = await client.getUsage({ from: '2025-06-01', to: '2025-06-01' })
    expect(usage.unit).toBe('CREDITS')
    expect(usage.total).toEqual({ amount: '40', unit: 'CREDITS' })
    expect(usage.buckets[0]?.byService[0]?.amount).toEqual({ amount: '40', unit: 'CREDITS' })

    server.use(
      http.get(`${BASE}/billing/transactions`, () =>
        HttpResponse.json({ data: [{ ...tx('f'), unit: 'EUR' }], nextCursor: null }),
      ),
    )
    await expect(client.listTransactions()).rejects.toBeInstanceOf(MalformedResponseError)
  })

  it('iterates every page, following nextCursor', async () => {
    const cursors: Array<string | null> = []
    const pages: Record<string, { data: unknown[]; nextCursor: string | null }> = {
      first: { data: [tx('1'), tx('2')], nextCursor: 'c2' },
      c2: { data: [tx('3')], nextCursor: 'c 3/4' },
      'c 3/4': { data: [tx('4')], nextCursor: null },
    }
    server.use(
      http.get(`${BASE}/billing/transactions`, ({ request }) => {
        const url = new URL(request.url)
        cursors.push(url.searchParams.get('cursor'))
        expect(url.searchParams.get('limit')).toBe('2')
        return HttpResponse.json(pages[url.searchParams.get('cursor') ?? 'first'])
      }),
    )
    const ids: string[] = []
    for await (const page of createPaygClient({ baseUrl: BASE }).transactions({ limit: 2 })) {
      ids.push(...page.data.map((t) => t.id))
    }
    expect(ids).toEqual(['1', '2', '3', '4'])
    expect(cursors).toEqual([null, 'c2', 'c 3/4'])
  })

  it('stops fetching when the loop breaks', async () => {
    let requests = 0
    server.use(
      http.get(`${BASE}/billing/transactions`, () => {
        requests++
        return HttpResponse.json({ data: [tx(String(requests))], nextCursor: 'more' })
      }),
    )
    for await (const page of createPaygClient({ baseUrl: BASE }).transactions()) {
      if (page.data[0]?.id === '2') break
    }
    expect(requests).toBe(2)
  })
})
