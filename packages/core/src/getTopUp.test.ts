import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createPaygClient } from './createPaygClient'
import { NotFoundError, ServerError, ValidationError } from './errors'
import type { components } from './generated/payg'

const BASE = 'https://api.test/v1'
const BALANCE: components['schemas']['Balance'] = {
  balance: '22.4567',
  currency: 'USD',
  billingModel: 'PAYG',
  credits: null,
  state: 'OK',
  lowBalanceThreshold: null,
  autoTopUpEnabled: false,
  updatedAt: '2025-06-01T12:05:00.000Z',
}
const TOP_UP: components['schemas']['TopUp'] = {
  id: 'tu_1',
  amount: '10',
  kind: 'MANUAL',
  status: 'SUCCEEDED',
  paymentMethodId: 'pm_1',
  createdAt: '2025-06-01T12:00:00.000Z',
}

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

describe('getTopUp', () => {
  it('looks the top-up up by its key and normalises the money', async () => {
    let path = ''
    server.use(
      http.get(`${BASE}/billing/top-ups/:key`, ({ request }) => {
        path = new URL(request.url).pathname
        return HttpResponse.json({ topUp: TOP_UP, balance: BALANCE })
      }),
    )
    const found = await createPaygClient({ baseUrl: BASE }).getTopUp('intent.7_a~b-C')
    expect(path).toBe('/v1/billing/top-ups/intent.7_a~b-C')
    expect(found?.topUp).toEqual({ ...TOP_UP, amount: { amount: '10', unit: 'USD' } })
    expect(found?.balance.balance).toEqual({ amount: '22.4567', unit: 'USD' })
  })

  it('answers null when the API says no top-up was made with the key', async () => {
    server.use(
      http.get(`${BASE}/billing/top-ups/:key`, ({ params }) =>
        HttpResponse.json(
          {
            code: 'NOT_FOUND',
            message: 'No top-up was made with this Idempotency-Key.',
            details: { idempotencyKey: params.key },
          },
          { status: 404 },
        ),
      ),
    )
    expect(await createPaygClient({ baseUrl: BASE }).getTopUp('k-1')).toBeNull()
  })

  it('throws on a 404 that is not about the key: the outcome is still unknown', async () => {
    server.use(
      http.get(`${BASE}/billing/top-ups/:key`, () =>
        HttpResponse.json(
          { code: 'NOT_FOUND', message: 'GET /billing/top-ups/k-1 is not forwarded.' },
          { status: 404 },
        ),
      ),
    )
    const error = await createPaygClient({ baseUrl: BASE })
      .getTopUp('k-1')
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NotFoundError)
  })

  it('throws typed errors when the lookup fails', async () => {
    server.use(
      http.get(`${BASE}/billing/top-ups/:key`, () =>
        HttpResponse.json({ code: 'INTERNAL_ERROR', message: 'Boom.' }, { status: 500 }),
      ),
    )
    const error = await createPaygClient({ baseUrl: BASE, retry: false })
      .getTopUp('k-1')
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ServerError)
  })

  it('refuses a key that cannot be one path segment, sending nothing', async () => {
    for (const key of ['', 'has space', 'intent:7/a', '..%2F', 'a'.repeat(256), undefined]) {
      const error = await createPaygClient({ baseUrl: BASE })
        .getTopUp(key as never)
        .catch((e: unknown) => e)
      expect(error).toBeInstanceOf(ValidationError)
      expect((error as ValidationError).fieldErrors[0]?.field).toBe('idempotencyKey')
    }
  })
})
