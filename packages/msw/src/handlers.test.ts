import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { TEST_NOW as NOW } from '../../../test/clock'
import { createPaygMock } from './createPaygMock'
import { MAX_CONSECUTIVE_DECLINES } from './ledger'
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

interface Answer<T> {
  status: number
  headers: Headers
  body: T
}

async function call<T>(
  method: string,
  path: string,
  init: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer<T>> {
  const response = await fetch(`${BASE}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  return { status: response.status, headers: response.headers, body: (await response.json()) as T }
}

function topUp(amount: number, key: string) {
  return call<Schemas['TopUpResult']>('POST', '/billing/top-ups', {
    body: { amount },
    headers: { 'Idempotency-Key': key },
  })
}

function sumOfEntries(): bigint {
  return mock.ledger.entries.reduce((sum, entry) => sum + entry.amount, 0n)
}

describe('GET /me', () => {
  it("answers Leonardo's user details with the dollar balance as apiPaidTokens", async () => {
    mock.state.setBalance('12.4567')
    const response = await call<Schemas['GetUserSelfResponse']>('GET', '/me')
    expect(response.status).toBe(200)
    const details = response.body.user_details[0]
    expect(details?.apiPaidTokens).toBe(12.4567)
    expect(details?.apiSubscriptionTokens).toBe(0)
    expect(details?.user.username).toBe('payg-demo')
  })

  it('answers the plan credits as apiSubscriptionTokens on a legacy plan', async () => {
    mock.reset('legacySubscription')
    const response = await call<Schemas['GetUserSelfResponse']>('GET', '/me')
    expect(response.body.user_details[0]?.apiSubscriptionTokens).toBe(24_000)
    expect(response.body.user_details[0]?.apiPlanTokenRenewalDate).not.toBeNull()
  })
})

describe('balance and account state', () => {
  it('is LOW below the low-balance level and PAUSED at zero', async () => {
    mock.state.setBalance('10')
    expect((await call<Schemas['Balance']>('GET', '/billing/balance')).body.state).toBe('OK')
    mock.state.setBalance('9.9999')
    expect((await call<Schemas['Balance']>('GET', '/billing/balance')).body.state).toBe('LOW')
    mock.state.setBalance('0')
    const paused = await call<Schemas['Balance']>('GET', '/billing/balance')
    expect(paused.body).toMatchObject({
      balance: '0',
      state: 'PAUSED',
      currency: 'USD',
      billingModel: 'PAYG',
    })
  })

  it('never expires: months later the balance is unchanged', async () => {
    const before = (await call<Schemas['Balance']>('GET', '/billing/balance')).body.balance
    mock.clock.advance({ days: 400 })
    expect((await call<Schemas['Balance']>('GET', '/billing/balance')).body.balance).toBe(before)
  })

  it('records balanceAfter on every entry and the entries add up to the balance', async () => {
    await call('POST', '/generations', { body: lightning4 })
    await topUp(20, 'k-1')
    let running = 0n
    for (const entry of mock.ledger.entries) {
      running += entry.amount
      expect(entry.balanceAfter).toBe(running)
    }
    expect(sumOfEntries()).toBe(mock.ledger.balance)
  })
})

describe('POST /generations', () => {
  it('charges the price at once and answers the cost object in dollars', async () => {
    mock.state.setBalance('1')
    const response = await call<Schemas['CreateGenerationResponse']>('POST', '/generations', {
      body: lightning4,
    })
    expect(response.status).toBe(200)
    expect(response.body.sdGenerationJob?.cost).toEqual({ amount: '0.048', unit: 'DOLLARS' })
    expect(response.body.sdGenerationJob?.apiCreditCost).toBe(40)
    expect(mock.state.balance()).toBe('0.952')
    const [usage] = mock.state.transactions()
    expect(usage).toMatchObject({
      type: 'USAGE',
      amount: '-0.048',
      balanceAfter: '0.952',
      service: 'IMAGE_GENERATION',
      generationId: response.body.sdGenerationJob?.generationId,
    })
  })

  it('refuses with 402 and deducts nothing when the balance cannot cover it, then resumes after a top-up', async () => {
    mock.state.setBalance('0.04')
    const entries = mock.ledger.entries.length
    const refused = await call<ApiError>('POST', '/generations', { body: lightning4 })
    expect(refused.status).toBe(402)
    expect(refused.body).toEqual({
      code: 'INSUFFICIENT_BALANCE',
      message: expect.any(String),
      details: { balance: '0.04', required: '0.048', currency: 'USD' },
    })
    expect(mock.state.balance()).toBe('0.04')
    expect(mock.ledger.entries.length).toBe(entries)

    await topUp(5, 'resume')
    const resumed = await call<Schemas['CreateGenerationResponse']>('POST', '/generations', {
      body: lightning4,
    })
    expect(resumed.status).toBe(200)
    expect(mock.state.balance()).toBe('4.992')
  })

  it('is PAUSED at zero: every request is refused until credit is added', async () => {
    mock.reset('zeroBalance')
    const refused = await call<ApiError>('POST', '/generations', {
      body: { prompt: 'tiny', width: 32, height: 32, num_images: 1 },
    })
    expect(refused.status).toBe(402)
    expect((await call<Schemas['Balance']>('GET', '/billing/balance')).body.state).toBe('PAUSED')
  })

  it('answers 422 with fieldErrors for out-of-range settings and an empty prompt', async () => {
    const response = await call<ApiError>('POST', '/generations', {
      body: { prompt: '', width: 1540, height: 1024, num_images: 5, num_inference_steps: 9 },
    })
    expect(response.status).toBe(422)
    expect(response.body.fieldErrors?.map((error) => error.field)).toEqual([
      'prompt',
      'width',
      'num_inference_steps',
      // The image count for a side over 768 is checked after each field's own rule.
      'num_images',
    ])
  })

  it('can be read back with GET /generations/{id}, and an unknown id is null', async () => {
    const created = await call<Schemas['CreateGenerationResponse']>('POST', '/generations', {
      body: lightning4,
    })
    const id = created.body.sdGenerationJob?.generationId
    const found = await call<Schemas['GetGenerationResponse']>('GET', `/generations/${id}`)
    expect(found.body.generations_by_pk).toMatchObject({
      id,
      status: 'COMPLETE',
      imageWidth: 1024,
      prompt: lightning4.prompt,
    })
    expect(found.body.generations_by_pk?.generated_images).toHaveLength(4)
    const missing = await call<Schemas['GetGenerationResponse']>(
      'GET',
      '/generations/00000000-0000-4000-8000-000000000000',
    )
    expect(missing.body.generations_by_pk).toBeNull()
  })

  it('answers in CREDITS on a legacy plan and takes plan credits, not dollars', async () => {
    mock.reset('legacySubscription')
    const response = await call<Schemas['CreateGenerationResponse']>('POST', '/generations', {
      body: lightning4,
    })
    expect(response.body.sdGenerationJob?.cost).toEqual({ amount: '40', unit: 'CREDITS' })
    expect(mock.state.credits()).toBe(23_960)
    expect(mock.state.balance()).toBe('0')
    // The charge is a transaction in plan credits, never a dollar entry.
    expect(mock.ledger.entries).toEqual([])
    expect(mock.state.transactions()[0]).toMatchObject({
      type: 'USAGE',
      unit: 'CREDITS',
      amount: '-40',
      balanceAfter: '23960',
      generationId: response.body.sdGenerationJob?.generationId,
    })
  })

  it('refuses a legacy plan with too few credits left', async () => {
    mock.reset('legacySubscription')
    mock.state.setCredits(10)
    const response = await call<ApiError>('POST', '/generations', { body: lightning4 })
    expect(response.status).toBe(402)
    expect(response.body.code).toBe('INSUFFICIENT_BALANCE')
    expect(mock.state.credits()).toBe(10)
  })
})

describe('variations', () => {
  it('charges upscale, remove background and unzoom at their prices', async () => {
    mock.state.setBalance('1')
    const created = await call<Schemas['CreateGenerationResponse']>('POST', '/generations', {
      body: lightning4,
    })
    const generation = await call<Schemas['GetGenerationResponse']>(
      'GET',
      `/generations/${created.body.sdGenerationJob?.generationId}`,
    )
    const imageId = generation.body.generations_by_pk?.generated_images?.[0]?.id
    const upscale = await call<Schemas['CreateVariationUpscaleResponse']>(
      'POST',
      '/variations/upscale',
      { body: { id: imageId } },
    )
    expect(upscale.body.sdUpscaleJob?.cost).toEqual({ amount: '0.018', unit: 'DOLLARS' })
    const nobg = await call<Schemas['CreateVariationNoBgResponse']>('POST', '/variations/nobg', {
      body: { id: upscale.body.sdUpscaleJob?.id, isVariation: true },
    })
    expect(nobg.body.sdNobgJob?.cost).toEqual({ amount: '0.006', unit: 'DOLLARS' })
    const unzoom = await call<Schemas['CreateVariationUnzoomResponse']>(
      'POST',
      '/variations/unzoom',
      { body: { id: imageId } },
    )
    expect(unzoom.body.sdUnzoomJob?.apiCreditCost).toBe(15)
    expect(mock.state.balance()).toBe('0.91')
  })

  it('answers 404 for an unknown image and charges nothing', async () => {
    const before = mock.state.balance()
    const response = await call<ApiError>('POST', '/variations/upscale', { body: { id: 'nope' } })
    expect(response.status).toBe(404)
    expect(response.body.code).toBe('NOT_FOUND')
    expect(mock.state.balance()).toBe(before)
  })
})

describe('POST /billing/top-ups', () => {
  it('adds whole dollars at once and writes a TOP_UP entry', async () => {
    mock.state.setBalance('2.5')
    const response = await topUp(50, 'key-50')
    expect(response.status).toBe(201)
    expect(response.headers.get('Idempotent-Replayed')).toBeNull()
    expect(response.body.topUp).toMatchObject({
      amount: '50',
      kind: 'MANUAL',
      status: 'SUCCEEDED',
      paymentMethodId: 'pm_visa_4242',
    })
    expect(response.body.balance.balance).toBe('52.5')
    expect(mock.state.transactions()[0]).toMatchObject({
      type: 'TOP_UP',
      amount: '50',
      balanceAfter: '52.5',
      topUpId: response.body.topUp.id,
    })
  })

  it.each([0, -5, 4])(
    'refuses $%i as below the minimum (TOO_SMALL), as the server does',
    async (amount) => {
      const balance = mock.state.balance()
      const topUps = mock.state.topUps().length
      const response = await call<ApiError>('POST', '/billing/top-ups', {
        body: { amount },
        headers: { 'Idempotency-Key': `small-${amount}` },
      })
      expect(response.status).toBe(422)
      expect(response.body.fieldErrors).toEqual([
        expect.objectContaining({ field: 'amount', code: 'TOO_SMALL' }),
      ])
      expect(mock.state.balance()).toEqual(balance)
      expect(mock.state.topUps()).toHaveLength(topUps)
    },
  )

  it('needs an Idempotency-Key', async () => {
    const response = await call<ApiError>('POST', '/billing/top-ups', { body: { amount: 50 } })
    expect(response.status).toBe(400)
    expect(response.body).toMatchObject({
      code: 'BAD_REQUEST',
      details: { header: 'Idempotency-Key' },
    })
  })

  it('refuses an Idempotency-Key that is not 1 to 255 URL-safe characters, and charges nothing', async () => {
    const balance = mock.state.balance()
    // Dot segments never reach the lookup as a segment (`/top-ups/..` is `/`), so no leading dot.
    for (const key of [
      'has space',
      'a/b',
      'a%2Fb',
      'k?x=1',
      'caf\u00e9',
      'x'.repeat(256),
      '.',
      '..',
      '.k',
    ]) {
      const refused = await call<ApiError>('POST', '/billing/top-ups', {
        body: { amount: 10 },
        headers: { 'Idempotency-Key': key },
      })
      expect(refused.status, key).toBe(400)
      expect(refused.body, key).toMatchObject({
        code: 'BAD_REQUEST',
        details: { header: 'Idempotency-Key' },
      })
      expect(refused.body.message, key).toMatch(/URL-safe/)
    }
    // Other writes that take a key keep to the same rule.
    const saved = await call<ApiError>('PUT', '/billing/auto-top-up', {
      body: { enabled: false, threshold: 10, amount: 50 },
      headers: { 'Idempotency-Key': 'a/b' },
    })
    expect(saved.status).toBe(400)
    expect(mock.state.balance()).toBe(balance)
    expect(mock.state.topUps().filter((item) => item.createdAt === NOW.toISOString())).toEqual([])
    expect((await topUp(10, `Az09._~-${'k'.repeat(247)}`)).status).toBe(201)
  })

  it('charges once for the same key and body, replaying the first answer', async () => {
    const first = await topUp(25, 'same')
    const second = await topUp(25, 'same')
    expect(second.status).toBe(201)
    expect(second.headers.get('Idempotent-Replayed')).toBe('true')
    expect(second.body).toEqual(first.body)
    expect(
      mock.state
        .transactions()
        .filter((entry) => entry.type === 'TOP_UP' && entry.createdAt === NOW.toISOString()),
    ).toHaveLength(1)
  })

  it('answers 409 for the same key with another body and changes nothing', async () => {
    await topUp(25, 'reused')
    const balance = mock.state.balance()
    const conflict = await topUp(30, 'reused')
    expect(conflict.status).toBe(409)
    expect((conflict.body as unknown as ApiError).code).toBe('IDEMPOTENCY_CONFLICT')
    expect(mock.state.balance()).toBe(balance)
  })

  it('keeps to the policy: whole dollars between $5 and $10,000', async () => {
    const small = await call<ApiError>('POST', '/billing/top-ups', {
      body: { amount: 4 },
      headers: { 'Idempotency-Key': 'a' },
    })
    expect(small.status).toBe(422)
    expect(small.body).toMatchObject({
      details: { minimum: 5, maximum: 10_000 },
      fieldErrors: [{ field: 'amount', code: 'TOO_SMALL' }],
    })
    const large = await call<ApiError>('POST', '/billing/top-ups', {
      body: { amount: 10_001 },
      headers: { 'Idempotency-Key': 'b' },
    })
    expect(large.body.fieldErrors?.[0]?.code).toBe('TOO_LARGE')
    const cents = await call<ApiError>('POST', '/billing/top-ups', {
      body: { amount: 10.5 },
      headers: { 'Idempotency-Key': 'c' },
    })
    expect(cents.status).toBe(422)
    expect(cents.body.fieldErrors?.[0]).toMatchObject({ field: 'amount', code: 'INVALID_TYPE' })
    const extra = await call<ApiError>('POST', '/billing/top-ups', {
      body: { amount: 10, currency: 'EUR' },
      headers: { 'Idempotency-Key': 'd' },
    })
    expect(extra.body.fieldErrors?.[0]).toMatchObject({ field: 'currency', code: 'UNKNOWN_FIELD' })
    expect((await topUp(5, 'e')).status).toBe(201)
    expect((await topUp(10_000, 'f')).status).toBe(201)
  })

  it('a validation failure is not stored: the same key can be used once the body is fixed', async () => {
    expect((await topUp(1, 'fix-me')).status).toBe(422)
    expect((await topUp(5, 'fix-me')).status).toBe(201)
  })

  it('uses a configurable policy', async () => {
    const strict = createPaygMock({ topUpLimits: { min: 20, max: 100 } })
    server.use(...strict.handlers)
    expect((await topUp(10, 'x')).status).toBe(422)
    expect((await topUp(101, 'y')).status).toBe(422)
    expect((await topUp(20, 'z')).status).toBe(201)
  })

  it('answers 402 PAYMENT_DECLINED when the card declines, records the attempt and leaves the balance', async () => {
    mock.reset('paymentDeclined')
    const response = await call<ApiError>('POST', '/billing/top-ups', {
      body: { amount: 50 },
      headers: { 'Idempotency-Key': 'declined' },
    })
    expect(response.status).toBe(402)
    expect(response.body.code).toBe('PAYMENT_DECLINED')
    expect(mock.state.balance()).toBe('4.2')
    expect(mock.state.topUps()[0]).toMatchObject({
      kind: 'MANUAL',
      status: 'DECLINED',
      amount: '50',
    })
  })

  it('answers 402 NO_PAYMENT_METHOD without a saved card', async () => {
    mock.reset('noPaymentMethod')
    const response = await call<ApiError>('POST', '/billing/top-ups', {
      body: { amount: 50 },
      headers: { 'Idempotency-Key': 'no-card' },
    })
    expect(response.status).toBe(402)
    expect(response.body.code).toBe('NO_PAYMENT_METHOD')
    expect(mock.state.balance()).toBe('5')
    const card = await call<Schemas['PaymentMethodResponse']>('GET', '/billing/payment-method')
    expect(card.body.paymentMethod).toBeNull()
  })

  it('lists top-ups newest first with a cursor', async () => {
    await topUp(5, 't1')
    await topUp(6, 't2')
    await topUp(7, 't3')
    const first = await call<Schemas['TopUpList']>('GET', '/billing/top-ups?limit=2')
    expect(first.body.data.map((item) => item.amount)).toEqual(['7', '6'])
    expect(first.body.nextCursor).toEqual(expect.any(String))
    const second = await call<Schemas['TopUpList']>(
      'GET',
      `/billing/top-ups?limit=2&cursor=${first.body.nextCursor}`,
    )
    expect(second.body.data.map((item) => item.amount)).toEqual(['5', '100'])
    expect(second.body.nextCursor).toBeNull()
  })
})

describe('POST /billing/top-ups with a card that asks for 3-D Secure', () => {
  type Declined = { code: string; details: { declineCode: string; clientSecret?: string } }
  const balance = () => mock.state.balance()

  it('answers the secret, charges nothing, and credits once after the cardholder authenticates', async () => {
    mock.state.setCardAsksAuthentication(true)
    const before = balance()
    const earlier = mock.state.topUps().length
    const made = () => mock.state.topUps().length - earlier
    const asked = await topUp(25, 'three-ds')
    expect(asked.status).toBe(402)
    const { code, details } = asked.body as unknown as Declined
    expect(code).toBe('PAYMENT_DECLINED')
    expect(details.declineCode).toBe('authentication_required')
    const secret = details.clientSecret as string
    expect(secret).toMatch(/^pi_\S+_secret_\S+$/)
    // Waiting: the same key answers the same secret, the lookup says it is still processing
    // (and cancels nothing), and nothing is charged or recorded.
    const again = await topUp(25, 'three-ds')
    expect(again.status).toBe(402)
    expect((again.body as unknown as Declined).details.clientSecret).toBe(secret)
    const lookUp = await call('GET', '/billing/top-ups/three-ds')
    expect(lookUp.status).toBe(503)
    expect(lookUp.headers.get('retry-after')).toBe('1')
    expect(balance()).toBe(before)
    expect(made()).toBe(0)
    // Another body under the key is a conflict.
    expect((await topUp(30, 'three-ds')).status).toBe(409)

    mock.state.authenticatePayment(secret, 'succeed')
    const credited = await topUp(25, 'three-ds')
    expect(credited.status).toBe(201)
    expect(made()).toBe(1)
    const replayed = await topUp(25, 'three-ds')
    expect(replayed.headers.get('idempotent-replayed')).toBe('true')
    expect(made()).toBe(1)
    expect(
      BigInt(Math.round(Number(balance()) * 1e6)) - BigInt(Math.round(Number(before) * 1e6)),
    ).toBe(25_000_000n)
    expect(sumOfEntries()).toBe(mock.ledger.balance)
    expect(() => mock.state.authenticatePayment(secret, 'succeed')).toThrow(/no top-up waits/)
  })

  it('is a decline, never charged, once authentication fails or a day has passed', async () => {
    mock.state.setCardAsksAuthentication(true)
    const before = balance()
    const failed = (await topUp(10, 'fails')).body as unknown as Declined
    mock.state.authenticatePayment(failed.details.clientSecret as string, 'fail')
    const declined = await topUp(10, 'fails')
    expect(declined.status).toBe(402)
    // Stripe's codes, as the server reports them.
    expect((declined.body as unknown as Declined).details).toMatchObject({
      declineCode: 'payment_intent_authentication_failure',
    })
    expect((declined.body as unknown as Declined).details.clientSecret).toBeUndefined()

    await topUp(10, 'left')
    mock.clock.advance({ hours: 24 })
    const late = await topUp(10, 'left')
    expect(late.status).toBe(402)
    expect((late.body as unknown as Declined).details).toEqual({
      declineCode: 'authentication_required',
      topUpId: expect.any(String),
    })
    // Newest first: the two declines, then the scenario's own history.
    expect(
      mock.state
        .topUps()
        .slice(0, 2)
        .map((record) => record.status),
    ).toEqual(['DECLINED', 'DECLINED'])
    expect(mock.state.topUps()[2]?.status).toBe('SUCCEEDED')
    expect(balance()).toBe(before)
  })

  it('declines an automatic top-up at once: nobody is there to authenticate', async () => {
    mock.state.setBalance('10.03')
    mock.state.setCardAsksAuthentication(true)
    const response = await call<Schemas['AutoTopUpResult']>('PUT', '/billing/auto-top-up', {
      body: { enabled: true, threshold: 20, amount: 10 },
      headers: { 'Idempotency-Key': 'auto-3ds' },
    })
    expect(response.body.triggeredTopUp).toMatchObject({ status: 'DECLINED' })
    expect(balance()).toBe('10.03')
  })
})

describe('GET /billing/top-ups/{idempotencyKey}', () => {
  const lookUp = (key: string) =>
    call<Schemas['TopUpLookup']>('GET', `/billing/top-ups/${encodeURIComponent(key)}`)

  it('finds a top-up whose answer was lost, with the balance as it is now', async () => {
    mock.state.setBalance('2.5')
    mock.failNext('createTopUp', { mode: 'after-commit' })
    expect((await topUp(10, 'lost-answer')).status).toBe(500)
    await call('POST', '/generations', { body: lightning4 })
    const found = await lookUp('lost-answer')
    expect(found.status).toBe(200)
    expect(found.body.topUp).toMatchObject({ amount: '10', kind: 'MANUAL', status: 'SUCCEEDED' })
    expect(found.body.balance.balance).toBe('12.452')
    expect(mock.state.topUps().filter((item) => item.createdAt === NOW.toISOString())).toEqual([
      found.body.topUp,
    ])
  })

  it('answers 404 when no top-up was made with the key, and changes nothing', async () => {
    mock.failNext('createTopUp', { mode: 'before-commit' })
    expect((await topUp(10, 'never-made')).status).toBe(500)
    const balance = mock.state.balance()
    const missing = await call<ApiError>('GET', '/billing/top-ups/never-made')
    expect(missing.status).toBe(404)
    expect(missing.body).toMatchObject({
      code: 'NOT_FOUND',
      details: { idempotencyKey: 'never-made' },
    })
    expect((await lookUp('never-sent')).status).toBe(404)
    // A refused amount made no top-up either.
    await topUp(1, 'too-small')
    expect((await lookUp('too-small')).status).toBe(404)
    expect(mock.state.balance()).toBe(balance)
  })

  it('a 404 is final: an original still in flight is refused when it arrives, and nothing is charged', async () => {
    const balance = mock.state.balance()
    const release = mock.hold('createTopUp')
    const original = topUp(10, 'in-flight')
    // The client gave up waiting and looked the key up while the original was still on its way.
    await expect.poll(() => mock.requestCount('createTopUp')).toBe(1)
    const missing = await call<ApiError>('GET', '/billing/top-ups/in-flight')
    expect(missing.status).toBe(404)
    release()
    const late = (await original) as unknown as Answer<ApiError>
    expect(late.status).toBe(409)
    expect(late.body).toMatchObject({
      code: 'IDEMPOTENCY_CONFLICT',
      details: { idempotencyKey: 'in-flight', reason: 'CANCELLED_BY_LOOKUP' },
    })
    expect(late.body.message).toMatch(/looked up and cancelled.*Start a new top-up/)
    expect(mock.state.balance()).toBe(balance)
    expect(mock.state.topUps().filter((item) => item.createdAt === NOW.toISOString())).toEqual([])
    // A retry with that key is refused too, and the lookup still says none was made.
    expect((await topUp(10, 'in-flight')).status).toBe(409)
    expect((await call('GET', '/billing/top-ups/in-flight')).status).toBe(404)
    // A new intent under a fresh key goes through.
    const fresh = await topUp(10, 'in-flight-2')
    expect(fresh.status).toBe(201)
    expect(fresh.body.topUp).toMatchObject({ amount: '10', status: 'SUCCEEDED' })
    expect(mock.state.topUps().filter((item) => item.createdAt === NOW.toISOString())).toEqual([
      fresh.body.topUp,
    ])
  })

  it('a lookup that finds the top-up cancels nothing: the same key still replays it', async () => {
    const first = await topUp(10, 'found')
    expect((await call('GET', '/billing/top-ups/found')).status).toBe(200)
    const again = await topUp(10, 'found')
    expect(again.status).toBe(201)
    expect(again.headers.get('Idempotent-Replayed')).toBe('true')
    expect(again.body.topUp.id).toBe(first.body.topUp.id)
  })

  it('reports a declined top-up as DECLINED', async () => {
    mock.reset('paymentDeclined')
    expect((await topUp(50, 'declined')).status).toBe(402)
    const found = await lookUp('declined')
    expect(found.body.topUp).toMatchObject({ status: 'DECLINED', amount: '50' })
    expect(found.body.balance.balance).toBe('4.2')
  })
})

describe('auto top-up', () => {
  async function enable(threshold: number, amount: number, monthlyCap: number | null = null) {
    return call<Schemas['AutoTopUpResult']>('PUT', '/billing/auto-top-up', {
      body: { enabled: true, threshold, amount, monthlyCap },
    })
  }

  it('saves settings without charging when the balance is above the threshold', async () => {
    mock.state.setBalance('30')
    const response = await enable(10, 50, 500)
    expect(response.status).toBe(200)
    expect(response.body.triggeredTopUp).toBeNull()
    expect(response.body.autoTopUp).toMatchObject({
      enabled: true,
      threshold: 10,
      amount: 50,
      monthlyCap: 500,
      disabledReason: null,
    })
    expect(response.body.balance).toMatchObject({
      balance: '30',
      autoTopUpEnabled: true,
      lowBalanceThreshold: 10,
    })
  })

  it('tops up once when a charge takes the balance below the threshold', async () => {
    mock.state.setBalance('10.03')
    await enable(10, 50)
    expect((await call('POST', '/generations', { body: lightning4 })).status).toBe(200)
    expect(mock.state.balance()).toBe('59.982')
    const [auto, usage] = mock.state.transactions()
    expect(usage).toMatchObject({ type: 'USAGE', balanceAfter: '9.982' })
    expect(auto).toMatchObject({ type: 'AUTO_TOP_UP', amount: '50', balanceAfter: '59.982' })
    const settings = await call<Schemas['AutoTopUp']>('GET', '/billing/auto-top-up')
    expect(settings.body).toMatchObject({
      spentThisMonth: '50',
      consecutiveFailures: 0,
      lastAttempt: { status: 'SUCCEEDED', amount: '50', topUpId: auto?.topUpId },
    })
  })

  it('tops up after every charge that leaves the balance below the threshold, not only on a crossing', async () => {
    mock.state.setBalance('10.03')
    await enable(10, 5)
    await call('POST', '/generations', { body: lightning4 })
    expect(mock.state.balance()).toBe('14.982')
    // Put below the threshold without a charge: the next charge still tops up.
    mock.state.setBalance('9')
    await call('POST', '/generations', { body: lightning4 })
    expect(mock.state.balance()).toBe('13.952')
    expect(mock.state.transactions().filter((entry) => entry.type === 'AUTO_TOP_UP')).toHaveLength(
      2,
    )
  })

  it('with a threshold of $500 and an amount of $5, adds 98 x $5 in one payment to reach $500', async () => {
    mock.state.setBalance('10.03')
    const response = await enable(500, 5)
    // (500 - 10.03) / 5 = 97.99: 98 times $5, charged once as $490.
    expect(mock.state.balance()).toBe('500.03')
    const automatic = mock.state.topUps().filter((topUp) => topUp.kind === 'AUTOMATIC')
    expect(automatic).toEqual([expect.objectContaining({ amount: '490', status: 'SUCCEEDED' })])
    expect(mock.state.transactions().filter((entry) => entry.type === 'AUTO_TOP_UP')).toEqual([
      expect.objectContaining({ amount: '490', balanceAfter: '500.03' }),
    ])
    expect(response.body.triggeredTopUp).toMatchObject({ id: automatic[0]?.id, amount: '490' })
    expect(response.body.autoTopUp.lastAttempt).toMatchObject({
      status: 'SUCCEEDED',
      amount: '490',
    })
    expect(response.body.balance).toMatchObject({ balance: '500.03', state: 'OK' })
    // A charge that takes it below $500 again tops it up again: it never drains to 402.
    await call('POST', '/generations', { body: lightning4 })
    expect(mock.state.balance()).toBe('504.982')
    for (let i = 0; i < 20; i++) {
      expect((await call('POST', '/generations', { body: lightning4 })).status).toBe(200)
    }
    expect(Number(mock.state.balance())).toBeGreaterThanOrEqual(500)
    expect(mock.state.autoTopUp()).toMatchObject({ enabled: true, consecutiveFailures: 0 })
  })

  it('a gap of $10,000 at $5 a time is one card charge of $10,000, not 2,000', async () => {
    mock.state.setBalance('0')
    await enable(10_000, 5)
    expect(mock.state.topUps().filter((topUp) => topUp.kind === 'AUTOMATIC')).toEqual([
      expect.objectContaining({ amount: '10000', status: 'SUCCEEDED' }),
    ])
    expect(mock.state.balance()).toBe('10000')
  })

  it('never makes one automatic payment larger than the top-up policy allows', async () => {
    mock.state.setBalance('0')
    const response = await enable(25_000, 5)
    // One payment of at most $10,000; the next charge or month tops up again.
    expect(response.body.triggeredTopUp).toMatchObject({ amount: '10000' })
    expect(mock.state.balance()).toBe('10000')
    await call('POST', '/generations', { body: lightning4 })
    expect(mock.state.topUps().filter((topUp) => topUp.kind === 'AUTOMATIC')).toHaveLength(2)
    expect(mock.state.balance()).toBe('19999.952')
  })

  it('adds only the whole multiples of the amount the monthly cap still allows, and never passes it', async () => {
    mock.state.setBalance('10.03')
    const response = await enable(500, 5, 102)
    // 98 x $5 would reach $500; the $102 cap allows 20 x $5 = $100, as one payment.
    expect(mock.state.balance()).toBe('110.03')
    expect(mock.state.autoTopUp()).toMatchObject({
      spentThisMonth: '100',
      enabled: true,
      lastAttempt: { status: 'SUCCEEDED', amount: '100', message: expect.stringMatching(/cap/) },
    })
    expect(response.body.triggeredTopUp).toMatchObject({ status: 'SUCCEEDED', amount: '100' })
    await call('POST', '/generations', { body: lightning4 })
    expect(mock.state.balance()).toBe('109.982')
    expect(mock.state.autoTopUp()).toMatchObject({
      spentThisMonth: '100',
      lastAttempt: { status: 'CAP_REACHED', topUpId: null },
    })
  })

  it('a declined run is one declined payment of the whole sum', async () => {
    mock.state.setBalance('10.03')
    mock.state.setCardDeclines(true)
    const response = await enable(500, 5)
    expect(response.body.triggeredTopUp).toMatchObject({ status: 'DECLINED', amount: '490' })
    expect(mock.state.topUps().filter((topUp) => topUp.kind === 'AUTOMATIC')).toHaveLength(1)
    expect(mock.state.autoTopUp().consecutiveFailures).toBe(1)
    expect(mock.state.balance()).toBe('10.03')
  })

  it('runs after a manual top-up that leaves the balance below the threshold', async () => {
    mock.state.setBalance('10.03')
    mock.state.setCardDeclines(true)
    await enable(500, 5)
    mock.state.setCardDeclines(false)
    const manual = await topUp(5, 'still-below')
    expect(manual.status).toBe(201)
    // $15.03 is still below $500: 97 x $5 follow at once, in one payment.
    expect(manual.body.balance.balance).toBe('500.03')
    expect(mock.state.topUps().slice(0, 2)).toEqual([
      expect.objectContaining({ kind: 'AUTOMATIC', amount: '485', status: 'SUCCEEDED' }),
      expect.objectContaining({ kind: 'MANUAL', amount: '5', status: 'SUCCEEDED' }),
    ])
  })

  it('runs when the clock moves into a new month with a fresh cap, with no charge needed', async () => {
    const clocked = createPaygMock({ scenario: 'healthy', now: '2026-01-31T23:00:00Z' })
    clocked.state.setBalance('10.03')
    clocked.state.setAutoTopUp({ enabled: true, threshold: 500, amount: 5, monthlyCap: 100 })
    expect(clocked.state.balance()).toBe('110.03')
    // Idle below $500 with the cap spent, until February starts a fresh cap.
    clocked.clock.advance({ minutes: 59 })
    expect(clocked.ledger.balance).toBe(110_030_000n)
    clocked.clock.advance({ minutes: 1 })
    // Told at once, before any read or request.
    expect(clocked.ledger.balance).toBe(210_030_000n)
    expect(clocked.state.autoTopUp()).toMatchObject({
      spentThisMonth: '100',
      lastAttempt: { status: 'SUCCEEDED', amount: '100', at: '2026-02-01T00:00:00.000Z' },
    })
    // Set to March: the same.
    clocked.clock.set('2026-03-02T00:00:00Z')
    expect(clocked.ledger.balance).toBe(310_030_000n)
  })

  it('a clock that follows a function into a new month is noticed before the next request', async () => {
    let wall = Date.parse('2026-01-31T23:59:00Z')
    const clocked = createPaygMock({ scenario: 'healthy', now: () => new Date(wall) })
    server.use(...clocked.handlers)
    clocked.state.setBalance('10.03')
    clocked.state.setAutoTopUp({ enabled: true, threshold: 500, amount: 5, monthlyCap: 100 })
    wall = Date.parse('2026-02-01T00:01:00Z')
    const balance = await call<Schemas['Balance']>('GET', '/billing/balance')
    expect(balance.body.balance).toBe('210.03')
    expect(clocked.ledger.topUps.filter((topUp) => topUp.kind === 'AUTOMATIC')).toHaveLength(2)
  })

  it('concurrent charges below the threshold start one run, not one each', async () => {
    mock.state.setBalance('10.03')
    await enable(10, 50)
    const release = mock.hold('createGeneration')
    const answers = Array.from({ length: 5 }, () =>
      call('POST', '/generations', { body: lightning4 }),
    )
    release()
    expect((await Promise.all(answers)).map((answer) => answer.status)).toEqual([
      200, 200, 200, 200, 200,
    ])
    // 10.03 - 5 × 0.048 = 9.79: one $50 top-up after the first charge covers all five.
    expect(mock.state.transactions().filter((entry) => entry.type === 'AUTO_TOP_UP')).toHaveLength(
      1,
    )
    expect(mock.state.balance()).toBe('59.79')
  })

  it('tops up at once when enabled below the threshold, and returns the top-up', async () => {
    mock.state.setBalance('3')
    const response = await enable(25, 100)
    expect(response.body.triggeredTopUp).toMatchObject({
      kind: 'AUTOMATIC',
      status: 'SUCCEEDED',
      amount: '100',
    })
    expect(response.body.balance.balance).toBe('103')
    expect(response.body.autoTopUp.lastAttempt?.status).toBe('SUCCEEDED')
  })

  it('records CAP_REACHED and does not charge when the monthly cap would be passed', async () => {
    mock.state.setBalance('10.03')
    await enable(10, 50, 60)
    await call('POST', '/generations', { body: lightning4 })
    expect(mock.state.autoTopUp().spentThisMonth).toBe('50')
    mock.state.setBalance('10.03')
    await call('POST', '/generations', { body: lightning4 })
    expect(mock.state.balance()).toBe('9.982')
    expect(mock.state.autoTopUp().lastAttempt).toMatchObject({
      status: 'CAP_REACHED',
      topUpId: null,
      amount: '50',
    })
    expect(mock.state.autoTopUp().enabled).toBe(true)
  })

  it('resets spentThisMonth in a new month', async () => {
    mock.state.setBalance('10.03')
    await enable(10, 50, 60)
    await call('POST', '/generations', { body: lightning4 })
    expect(mock.state.autoTopUp().spentThisMonth).toBe('50')
    // 31 days on is always another calendar month, whatever day the clock started on.
    mock.clock.advance({ days: 31 })
    expect(mock.state.autoTopUp().spentThisMonth).toBe('0')
    mock.state.setBalance('10.03')
    await call('POST', '/generations', { body: lightning4 })
    expect(mock.state.autoTopUp().lastAttempt?.status).toBe('SUCCEEDED')
  })

  it('reports a decline, leaves the balance, and turns off after repeated declines', async () => {
    mock.state.setBalance('10.03')
    await enable(10, 50)
    mock.state.setCardDeclines(true)
    for (let attempt = 1; attempt <= MAX_CONSECUTIVE_DECLINES; attempt++) {
      mock.state.setBalance('10.03')
      expect((await call('POST', '/generations', { body: lightning4 })).status).toBe(200)
      expect(mock.state.balance()).toBe('9.982')
      const settings = mock.state.autoTopUp()
      expect(settings.consecutiveFailures).toBe(attempt)
      expect(settings.lastAttempt).toMatchObject({
        status: 'DECLINED',
        message: 'Your card was declined.',
      })
      expect(settings.enabled).toBe(attempt < MAX_CONSECUTIVE_DECLINES)
    }
    expect(mock.state.autoTopUp().disabledReason).toBe('PAYMENT_DECLINED')
    expect(
      mock.state
        .topUps()
        .slice(0, 3)
        .every((item) => item.status === 'DECLINED' && item.kind === 'AUTOMATIC'),
    ).toBe(true)
    expect(mock.state.transactions().some((entry) => entry.type === 'AUTO_TOP_UP')).toBe(false)
  })

  it('a success resets the run of declines', async () => {
    mock.state.setBalance('10.03')
    await enable(10, 50)
    mock.state.setCardDeclines(true)
    await call('POST', '/generations', { body: lightning4 })
    expect(mock.state.autoTopUp().consecutiveFailures).toBe(1)
    mock.state.setCardDeclines(false)
    mock.state.setBalance('10.03')
    await call('POST', '/generations', { body: lightning4 })
    expect(mock.state.autoTopUp().consecutiveFailures).toBe(0)
  })

  it('stays off after declines until the card is updated', async () => {
    mock.reset('paymentDeclined')
    const refused = await call<ApiError>('PUT', '/billing/auto-top-up', {
      body: { enabled: true, threshold: 10, amount: 50 },
    })
    expect(refused.status).toBe(402)
    expect(refused.body.code).toBe('PAYMENT_DECLINED')
    mock.state.setPaymentMethod({
      id: 'pm_mc_5555',
      brand: 'mastercard',
      last4: '5555',
      expMonth: 1,
      expYear: 2031,
    })
    mock.state.setCardDeclines(false)
    const enabled = await call<Schemas['AutoTopUpResult']>('PUT', '/billing/auto-top-up', {
      body: { enabled: true, threshold: 10, amount: 50 },
    })
    expect(enabled.status).toBe(200)
    expect(enabled.body.triggeredTopUp).toMatchObject({
      status: 'SUCCEEDED',
      paymentMethodId: 'pm_mc_5555',
    })
    expect(enabled.body.autoTopUp).toMatchObject({
      enabled: true,
      disabledReason: null,
      consecutiveFailures: 0,
    })
  })

  it('a declined top-up triggered by enabling still saves the settings', async () => {
    mock.state.setBalance('3')
    mock.state.setCardDeclines(true)
    const response = await enable(10, 50)
    expect(response.status).toBe(200)
    expect(response.body.triggeredTopUp).toMatchObject({ status: 'DECLINED' })
    expect(response.body.autoTopUp).toMatchObject({ enabled: true, consecutiveFailures: 1 })
    expect(response.body.balance.balance).toBe('3')
  })

  it('needs a saved card to be turned on', async () => {
    mock.reset('noPaymentMethod')
    const response = await call<ApiError>('PUT', '/billing/auto-top-up', {
      body: { enabled: true, threshold: 10, amount: 50 },
    })
    expect(response.status).toBe(402)
    expect(response.body.code).toBe('NO_PAYMENT_METHOD')
  })

  it('validates its settings', async () => {
    const response = await call<ApiError>('PUT', '/billing/auto-top-up', {
      body: { enabled: 'yes', threshold: 0, amount: 2, monthlyCap: 1, extra: true },
    })
    expect(response.status).toBe(422)
    expect(response.body.fieldErrors?.map((error) => error.field).sort()).toEqual([
      'enabled',
      'extra',
      'threshold',
    ])
    const capBelow = await call<ApiError>('PUT', '/billing/auto-top-up', {
      body: { enabled: true, threshold: 10, amount: 50, monthlyCap: 40 },
    })
    expect(capBelow.body.fieldErrors).toEqual([
      expect.objectContaining({ field: 'monthlyCap', code: 'TOO_SMALL' }),
    ])
    const amountBelow = await call<ApiError>('PUT', '/billing/auto-top-up', {
      body: { enabled: true, threshold: 10, amount: 2 },
    })
    expect(amountBelow.body.fieldErrors).toEqual([
      expect.objectContaining({ field: 'amount', code: 'TOO_SMALL' }),
    ])
  })

  it.each([
    ['threshold', { threshold: 3_000_000_000, amount: 50 }],
    ['threshold', { threshold: 1e15, amount: 50 }],
    ['monthlyCap', { threshold: 10, amount: 50, monthlyCap: 1e12 }],
    ['amount', { threshold: 10, amount: 1e16 }],
  ])(
    'refuses a %s past what the server stores (2^31 - 1 dollars), saving nothing',
    async (field, settings) => {
      const before = (await call<Schemas['AutoTopUp']>('GET', '/billing/auto-top-up')).body
      const topUps = mock.state.topUps().length
      for (const enabled of [true, false]) {
        const response = await call<ApiError>('PUT', '/billing/auto-top-up', {
          body: { enabled, ...settings },
        })
        expect(response.status).toBe(422)
        // As the server answers: that field alone, out of range (no policy check on top of it).
        expect(response.body.fieldErrors).toEqual([
          expect.objectContaining({ field, code: 'OUT_OF_RANGE' }),
        ])
      }
      expect((await call<Schemas['AutoTopUp']>('GET', '/billing/auto-top-up')).body).toEqual(before)
      expect(mock.state.topUps()).toHaveLength(topUps)
    },
  )

  it('keeps the saved monthly cap when a PUT leaves monthlyCap out; only null removes it', async () => {
    mock.state.setBalance('30')
    await enable(10, 50, 500)
    const put = (body: Record<string, unknown>) =>
      call<Schemas['AutoTopUpResult'] & ApiError>('PUT', '/billing/auto-top-up', { body })
    const kept = await put({ enabled: true, threshold: 20, amount: 60 })
    expect(kept.status).toBe(200)
    expect(kept.body.autoTopUp).toMatchObject({ threshold: 20, amount: 60, monthlyCap: 500 })
    const read = await call<Schemas['AutoTopUp']>('GET', '/billing/auto-top-up')
    expect(read.body.monthlyCap).toBe(500)
    // The kept cap is checked against the new amount like a sent one.
    const above = await put({ enabled: true, threshold: 20, amount: 600 })
    expect(above.status).toBe(422)
    expect(above.body.fieldErrors).toEqual([
      expect.objectContaining({ field: 'monthlyCap', code: 'TOO_SMALL' }),
    ])
    const changed = await put({ enabled: true, threshold: 20, amount: 60, monthlyCap: 300 })
    expect(changed.body.autoTopUp.monthlyCap).toBe(300)
    const removed = await put({ enabled: true, threshold: 20, amount: 600, monthlyCap: null })
    expect(removed.status).toBe(200)
    expect(removed.body.autoTopUp).toMatchObject({ amount: 600, monthlyCap: null })
  })

  it('is turned off by DELETE, keeping the settings', async () => {
    mock.state.setBalance('30')
    await enable(10, 50)
    const response = await call<Schemas['AutoTopUpResult']>('DELETE', '/billing/auto-top-up')
    expect(response.body.autoTopUp).toMatchObject({
      enabled: false,
      disabledReason: 'USER',
      threshold: 10,
      amount: 50,
    })
    expect(response.body.triggeredTopUp).toBeNull()
    mock.state.setBalance('10.03')
    await call('POST', '/generations', { body: lightning4 })
    expect(mock.state.transactions().some((entry) => entry.type === 'AUTO_TOP_UP')).toBe(false)
  })

  it('replays a PUT with the same Idempotency-Key', async () => {
    mock.state.setBalance('3')
    const init = {
      body: { enabled: true, threshold: 10, amount: 50 },
      headers: { 'Idempotency-Key': 'put-1' },
    }
    const first = await call<Schemas['AutoTopUpResult']>('PUT', '/billing/auto-top-up', init)
    const second = await call<Schemas['AutoTopUpResult']>('PUT', '/billing/auto-top-up', init)
    expect(second.headers.get('Idempotent-Replayed')).toBe('true')
    expect(second.body).toEqual(first.body)
    expect(mock.state.topUps().filter((item) => item.kind === 'AUTOMATIC')).toHaveLength(1)
  })
})

describe('GET /billing/transactions', () => {
  it('pages the ledger newest first, filters by type, and the pages add up to the balance', async () => {
    await call('POST', '/generations', { body: lightning4 })
    let cursor: string | null = null
    let total = 0n
    const seen: Schemas['Transaction'][] = []
    do {
      const query: string = cursor ? `?limit=25&cursor=${cursor}` : '?limit=25'
      const page: Answer<Schemas['TransactionList']> = await call(
        'GET',
        `/billing/transactions${query}`,
      )
      expect(page.body.data.length).toBeLessThanOrEqual(25)
      seen.push(...page.body.data)
      cursor = page.body.nextCursor
    } while (cursor)
    for (const entry of seen) total += BigInt(Math.round(Number(entry.amount) * 1e6))
    expect(seen.length).toBe(mock.ledger.entries.length)
    expect(seen.map((entry) => entry.createdAt)).toEqual(
      [...seen.map((entry) => entry.createdAt)].sort().reverse(),
    )
    expect(total).toBe(mock.ledger.balance)
    const usage = await call<Schemas['TransactionList']>(
      'GET',
      '/billing/transactions?type=USAGE&limit=100',
    )
    expect(
      usage.body.data.every((entry) => entry.type === 'USAGE' && entry.amount.startsWith('-')),
    ).toBe(true)
    const free = await call<Schemas['TransactionList']>(
      'GET',
      '/billing/transactions?type=FREE_CREDIT',
    )
    expect(free.body.data).toEqual([expect.objectContaining({ type: 'FREE_CREDIT', amount: '5' })])
  })

  it('answers 400 for an unreadable cursor and 422 for a bad limit or type', async () => {
    expect((await call<ApiError>('GET', '/billing/transactions?cursor=zzz')).status).toBe(400)
    expect((await call<ApiError>('GET', '/billing/transactions?limit=0')).status).toBe(422)
    expect((await call<ApiError>('GET', '/billing/transactions?limit=101')).status).toBe(422)
    expect(
      (await call<ApiError>('GET', '/billing/transactions?type=GIFT')).body.fieldErrors?.[0]?.field,
    ).toBe('type')
  })
})

describe('GET /billing/usage', () => {
  // UTC days relative to the mock's clock: `day(0)` is today, `day(-1)` yesterday.
  const day = (offset: number) =>
    new Date(Date.parse(NOW.toISOString().slice(0, 10)) + offset * 86_400_000)
      .toISOString()
      .slice(0, 10)

  it('buckets spend by day and service, including empty days', async () => {
    mock.reset('newAccount')
    await call('POST', '/generations', { body: lightning4 })
    await call('POST', '/generations', { body: lightning4 })
    const usage = await call<Schemas['UsageReport']>(
      'GET',
      `/billing/usage?from=${day(-1)}&to=${day(0)}`,
    )
    expect(usage.body).toEqual({
      from: day(-1),
      to: day(0),
      currency: 'USD',
      total: '0.096',
      granularity: 'DAY',
      buckets: [
        { date: day(-1), total: '0', requests: 0, byService: [] },
        {
          date: day(0),
          total: '0.096',
          requests: 2,
          byService: [{ service: 'IMAGE_GENERATION', amount: '0.096', requests: 2 }],
        },
      ],
    })
  })

  it('defaults to the last 30 days and sums exactly to the usage entries', async () => {
    const usage = await call<Schemas['UsageReport']>('GET', '/billing/usage')
    expect(usage.body.buckets).toHaveLength(30)
    expect(usage.body.from).toBe(day(-29))
    expect(usage.body.to).toBe(day(0))
    const spent = mock.ledger.entries
      .filter(
        (entry) => entry.type === 'USAGE' && entry.createdAt.getTime() >= Date.parse(day(-29)),
      )
      .reduce((sum, entry) => sum - entry.amount, 0n)
    expect(BigInt(Math.round(Number(usage.body.total) * 1e6))).toBe(spent)
    expect(spent).toBeGreaterThan(0n)
  })

  it("takes `days` ending today (by the server's clock) when `from` is not given", async () => {
    const week = await call<Schemas['UsageReport']>('GET', '/billing/usage?days=7')
    expect(week.status).toBe(200)
    expect(week.body.buckets.map((bucket) => bucket.date)).toEqual(
      [-6, -5, -4, -3, -2, -1, 0].map(day),
    )
    const ending = await call<Schemas['UsageReport']>('GET', `/billing/usage?days=2&to=${day(-3)}`)
    expect([ending.body.from, ending.body.to]).toEqual([day(-4), day(-3)])
    for (const bad of ['0', '3661', '1.5', 'x']) {
      const refused = await call<ApiError>('GET', `/billing/usage?days=${bad}`)
      expect(refused.status).toBe(422)
      expect(refused.body.fieldErrors?.[0]?.field).toBe('days')
    }
    const both = await call<ApiError>('GET', `/billing/usage?days=7&from=${day(-3)}`)
    expect(both.status).toBe(422)
  })

  it('answers 422 for a reversed range or one longer than 366 days', async () => {
    expect(
      (await call<ApiError>('GET', `/billing/usage?from=${day(0)}&to=${day(-14)}`)).status,
    ).toBe(422)
    expect(
      (await call<ApiError>('GET', `/billing/usage?from=${day(-366)}&to=${day(0)}`)).status,
    ).toBe(422)
    expect(
      (await call<ApiError>('GET', `/billing/usage?from=${day(-365)}&to=${day(0)}`)).status,
    ).toBe(200)
    expect((await call<ApiError>('GET', '/billing/usage?from=2025-02-30')).status).toBe(422)
  })

  it('sums weeks and months from the same entries as days, in one request for years', async () => {
    const range = `from=${day(-400)}&to=${day(0)}`
    const sizes = ['WEEK', 'MONTH'] as const
    const days = await call<Schemas['UsageReport']>(
      'GET',
      `/billing/usage?from=${day(-365)}&to=${day(0)}`,
    )
    for (const granularity of sizes) {
      const report = await call<Schemas['UsageReport']>(
        'GET',
        `/billing/usage?${range}&granularity=${granularity}`,
      )
      expect(report.status).toBe(200)
      expect(report.body.granularity).toBe(granularity)
      expect(report.body.buckets[0]?.date).toBe(day(-400))
      const requests = report.body.buckets.reduce((sum, bucket) => sum + bucket.requests, 0)
      expect(requests).toBe(days.body.buckets.reduce((sum, bucket) => sum + bucket.requests, 0))
      expect(report.body.total).toBe(days.body.total)
    }
    const daily = await call<ApiError>('GET', `/billing/usage?${range}`)
    expect([daily.status, daily.body.fieldErrors?.[0]?.field]).toEqual([422, 'granularity'])
  })
})

describe('migration from a legacy plan', () => {
  it('previews the conversion at $0.0012 per credit', async () => {
    mock.reset('legacySubscription')
    const preview = await call<Schemas['MigrationPreview']>(
      'GET',
      '/billing/subscription/migration-preview',
    )
    expect(preview.status).toBe(200)
    expect(preview.body).toMatchObject({
      creditsRemaining: 24_000,
      dollarsPerCredit: '0.0012',
      convertedAmount: '28.8',
      balanceAfter: '28.8',
      planMonthlyPrice: '49',
    })
    expect(preview.body.last30Days.requests).toBeGreaterThan(0)
    expect(BigInt(Math.round(Number(preview.body.last30Days.paygCost) * 1e6))).toBe(
      BigInt(preview.body.last30Days.credits) * 1200n,
    )
  })

  it('converts the remaining credits into a non-expiring balance with one MIGRATION_CREDIT entry', async () => {
    mock.reset('legacySubscription')
    mock.state.setDiscount('PHOENIX', 10)
    const response = await call<Schemas['MigrationResult']>('POST', '/billing/subscription/migrate')
    expect(response.status).toBe(200)
    expect(response.body.subscription).toMatchObject({
      billingModel: 'PAYG',
      plan: null,
      migratedAt: NOW.toISOString(),
    })
    expect(response.body.balance).toMatchObject({
      balance: '28.8',
      billingModel: 'PAYG',
      credits: null,
      state: 'OK',
    })
    expect(response.body.transaction).toMatchObject({
      type: 'MIGRATION_CREDIT',
      amount: '28.8',
      balanceAfter: '28.8',
    })
    expect(mock.ledger.discount('PHOENIX')).toBe(10)
    const job = await call<Schemas['CreateGenerationResponse']>('POST', '/generations', {
      body: lightning4,
    })
    expect(job.body.sdGenerationJob?.cost?.unit).toBe('DOLLARS')
  })

  it('keeps a custom pricing agreement', async () => {
    mock.reset({
      description: 'custom deal on a plan',
      account: {
        billingModel: 'SUBSCRIPTION',
        customPricing: true,
        plan: {
          name: 'API Pro',
          monthlyPrice: '299',
          creditsPerMonth: 200_000,
          creditsRemaining: 1000,
          renewsInDays: 3,
        },
      },
    })
    const response = await call<Schemas['MigrationResult']>('POST', '/billing/subscription/migrate')
    expect(response.body.subscription.customPricing).toBe(true)
  })

  it('answers 409 ALREADY_ON_PAYG on PAYG and on a second migration', async () => {
    expect((await call<ApiError>('GET', '/billing/subscription/migration-preview')).body.code).toBe(
      'ALREADY_ON_PAYG',
    )
    mock.reset('legacySubscription')
    await call('POST', '/billing/subscription/migrate')
    const again = await call<ApiError>('POST', '/billing/subscription/migrate')
    expect(again.status).toBe(409)
    expect(again.body.code).toBe('ALREADY_ON_PAYG')
    expect(
      mock.state.transactions().filter((entry) => entry.type === 'MIGRATION_CREDIT'),
    ).toHaveLength(1)
  })

  it('replays a migration retried with the same Idempotency-Key', async () => {
    mock.reset('legacySubscription')
    const headers = { 'Idempotency-Key': 'migrate-1' }
    const first = await call<Schemas['MigrationResult']>('POST', '/billing/subscription/migrate', {
      headers,
    })
    const second = await call<Schemas['MigrationResult']>('POST', '/billing/subscription/migrate', {
      headers,
    })
    expect(second.status).toBe(200)
    expect(second.headers.get('Idempotent-Replayed')).toBe('true')
    expect(second.body).toEqual(first.body)
  })

  it('shows the plan in GET /billing/subscription', async () => {
    mock.reset('legacySubscription')
    const response = await call<Schemas['Subscription']>('GET', '/billing/subscription')
    expect(response.body).toMatchObject({
      billingModel: 'SUBSCRIPTION',
      customPricing: false,
      plan: {
        name: 'API Standard',
        monthlyPrice: '49',
        creditsPerMonth: 25_000,
        creditsRemaining: 24_000,
      },
      migratedAt: null,
    })
  })
})

describe('authorization', () => {
  it('accepts any bearer or none by default', async () => {
    expect((await call('GET', '/billing/balance')).status).toBe(200)
    expect(
      (await call('GET', '/billing/balance', { headers: { Authorization: 'Bearer whatever' } }))
        .status,
    ).toBe(200)
  })

  it('answers 401 without the configured API key', async () => {
    const secured = createPaygMock({ apiKey: 'sk-test' })
    server.use(...secured.handlers)
    const missing = await call<ApiError>('GET', '/billing/balance')
    expect(missing.status).toBe(401)
    expect(missing.body.code).toBe('UNAUTHORIZED')
    expect(
      (await call('GET', '/billing/balance', { headers: { Authorization: 'Bearer nope' } })).status,
    ).toBe(401)
    expect(
      (await call('GET', '/billing/balance', { headers: { Authorization: 'Bearer sk-test' } }))
        .status,
    ).toBe(200)
  })
})

describe('a request under /billing that is no operation', () => {
  it('is answered 404 or 405 here, never sent on to the network', async () => {
    const unknown = await call<ApiError>('GET', '/billing/invoices')
    expect(unknown.status).toBe(404)
    expect(unknown.body).toEqual({ code: 'NOT_FOUND', message: 'No such billing operation.' })
    // Another letter case of an operation's path is not that operation.
    expect((await call<ApiError>('GET', '/billing/Balance')).status).toBe(404)
    const method = await call<ApiError>('PATCH', '/billing/top-ups', { body: {} })
    expect(method.status).toBe(405)
    expect(method.headers.get('allow')).toBe('GET, POST')
    expect(mock.requestCount('createTopUp')).toBe(0)
  })

  it("leaves the app's own billing routes to it, placed before the mock's or through use()", async () => {
    const invoices = { data: [] }
    server.use(http.get(`${BASE}/billing/invoices`, () => HttpResponse.json(invoices)))
    const answer = await call<typeof invoices>('GET', '/billing/invoices')
    expect(answer).toMatchObject({ status: 200, body: invoices })
    const own = setupServer(
      http.get(`${BASE}/billing/statements`, () => HttpResponse.json({ data: ['march'] })),
      ...createPaygMock({ scenario: 'healthy', now: () => NOW }).handlers,
    )
    server.close()
    own.listen({ onUnhandledRequest: 'error' })
    try {
      expect((await call('GET', '/billing/statements')).body).toEqual({ data: ['march'] })
      expect((await call('GET', '/billing/balance')).status).toBe(200)
    } finally {
      own.close()
      server.listen({ onUnhandledRequest: 'error' })
    }
  })
})
