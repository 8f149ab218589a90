// @payg-kit/core end to end against this mock through msw/node: the billing rules as a user of
// the client meets them, including retries across faults.
import {
  AuthError,
  add,
  compare,
  createPaygClient,
  IdempotencyConflictError,
  InsufficientBalanceError,
  multiply,
  PaygError,
  PaymentDeclinedError,
  RateLimitError,
  subtract,
  TimeoutError,
  type Usd,
  usd,
  ValidationError,
} from '@payg-kit/core'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { TEST_NOW } from '../../../test/clock'
import { createPaygMock } from './createPaygMock'
import { lightning4 } from './test/generations'

const mock = createPaygMock({ scenario: 'healthy', seed: 3, now: TEST_NOW })
const server = setupServer(...mock.handlers)
const fast = { baseDelayMs: 1, maxDelayMs: 5 }
const payg = createPaygClient({ apiKey: 'test-key', retry: fast })

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  mock.reset('healthy')
})
afterAll(() => server.close())

// Scenarios come with history: count what a test adds.
const topUpEntries = () =>
  mock.state
    .transactions()
    .filter((entry) => entry.type === 'TOP_UP' && entry.createdAt >= startedAt)
const autoTopUpEntries = () =>
  mock.state
    .transactions()
    .filter((entry) => entry.type === 'AUTO_TOP_UP' && entry.createdAt >= startedAt)
let startedAt = ''
beforeEach(() => {
  startedAt = mock.state.now().toISOString()
})

describe('balance and cost', () => {
  it('reads the balance as exact dollars, the same figure the ledger holds', async () => {
    mock.state.setBalance('12.4567')
    const info = await payg.getBalance()
    expect(info.balance).toEqual({ amount: '12.4567', unit: 'USD' })
    expect(info.state).toBe('OK')
  })

  it('previews the published price point exactly: 4 alchemy images at 1024x1024 cost $0.048', async () => {
    const cost = await payg.estimateCost({
      service: 'IMAGE_GENERATION',
      serviceParams: {
        IMAGE_GENERATION: {
          imageWidth: 1024,
          imageHeight: 1024,
          numImages: 4,
          alchemyMode: true,
          isSDXLLightning: true,
        },
      },
    })
    expect(cost).toEqual({ amount: '0.048', unit: 'USD' })
  })

  it('refuses calculator parameters outside the ranges with field errors', async () => {
    const refusal = payg.estimateCost({
      service: 'IMAGE_GENERATION',
      serviceParams: { IMAGE_GENERATION: { imageWidth: 1024, imageHeight: 1024, numImages: 5 } },
    })
    await expect(refusal).rejects.toBeInstanceOf(ValidationError)
    await expect(refusal).rejects.toMatchObject({
      fieldErrors: [expect.objectContaining({ field: expect.stringContaining('numImages') })],
    })
  })

  it('charges a generation its cost, exactly, and reports it from the cost object', async () => {
    mock.state.setBalance('10')
    const job = await payg.createGeneration(lightning4)
    expect(job.cost).toEqual({ amount: '0.048', unit: 'USD' })
    expect((await payg.getBalance()).balance).toEqual(usd('9.952'))
  })

  it('applies per-model discounts to custom-deal accounts: your price beside the list price', async () => {
    mock.reset('customDiscounts')
    const quote = await payg.quote({
      service: 'IMAGE_GENERATION',
      serviceParams: {
        IMAGE_GENERATION: { imageWidth: 1024, imageHeight: 1024, numImages: 4, isPhoenix: true },
      },
    })
    expect(quote.discountPercent).toBe(20)
    expect(quote.cost).toEqual(multiply(quote.listCost, '0.8'))
    expect(compare(quote.cost, quote.listCost)).toBe(-1)
  })

  it('charges a legacy plan in credits, and the client keeps them apart from dollars', async () => {
    mock.reset('legacySubscription')
    const job = await payg.createGeneration(lightning4)
    expect(job.cost).toEqual({ amount: '40', unit: 'CREDITS' })
    const balance = await payg.getBalance()
    expect(balance.credits).toEqual({ amount: '23960', unit: 'CREDITS' })
  })
})

describe('paused at zero', () => {
  it('refuses a request the balance cannot cover, deducts nothing, and resumes after a top-up', async () => {
    mock.reset('zeroBalance')
    const before = mock.state.transactions().length
    const refusal = payg.createGeneration(lightning4)
    await expect(refusal).rejects.toBeInstanceOf(InsufficientBalanceError)
    await expect(refusal).rejects.toMatchObject({
      balance: usd('0'),
      required: usd('0.048'),
    })
    expect(mock.state.transactions()).toHaveLength(before)
    expect((await payg.getBalance()).state).toBe('PAUSED')

    await payg.topUp({ amount: 5 })
    const job = await payg.createGeneration(lightning4)
    expect(job.cost).toEqual(usd('0.048'))
    expect((await payg.getBalance()).balance).toEqual(usd('4.952'))
  })
})

describe('top-ups', () => {
  it('adds whole dollars at once and returns the new balance', async () => {
    mock.state.setBalance('1.5')
    const result = await payg.topUp({ amount: 25 })
    expect(result.topUp).toMatchObject({ amount: usd('25'), kind: 'MANUAL', status: 'SUCCEEDED' })
    expect(result.balance.balance).toEqual(usd('26.5'))
    expect(result.replayed).toBe(false)
  })

  it.each([12.5, -5, 0, Number.NaN, 1e21, '25'])(
    'refuses %s before any request is sent',
    async (amount) => {
      await expect(payg.topUp({ amount: amount as number })).rejects.toBeInstanceOf(ValidationError)
      expect(mock.requestCount('createTopUp')).toBe(0)
    },
  )

  it("enforces the server's minimum and maximum", async () => {
    await expect(payg.topUp({ amount: 4 })).rejects.toBeInstanceOf(ValidationError)
    await expect(payg.topUp({ amount: 10_001 })).rejects.toBeInstanceOf(ValidationError)
    expect(topUpEntries()).toHaveLength(0)
  })

  it('charges once when the server committed but the answer was lost (500), and the caller gets the top-up', async () => {
    mock.state.setBalance('3')
    mock.failNext('createTopUp', { mode: 'after-commit', status: 500 })
    const result = await payg.topUp({ amount: 20 })
    expect(result.replayed).toBe(true)
    expect(result.topUp.amount).toEqual(usd('20'))
    expect(result.balance.balance).toEqual(usd('23'))
    expect(mock.requestCount('createTopUp')).toBe(2)
    const keys = mock.requests
      .filter((request) => request.operationId === 'createTopUp')
      .map((request) => request.headers['idempotency-key'])
    expect(keys[0]).toBe(result.idempotencyKey)
    expect(keys[1]).toBe(result.idempotencyKey)
    expect(topUpEntries()).toHaveLength(1)
    expect(mock.state.balance()).toBe('23')
  })

  it('charges once when an attempt times out and is retried', async () => {
    mock.state.setBalance('3')
    mock.failNext('createTopUp', { mode: 'hang' })
    const result = await payg.topUp({ amount: 20 }, { timeoutMs: 100 })
    expect(result.balance.balance).toEqual(usd('23'))
    expect(topUpEntries()).toHaveLength(1)
    expect(mock.requestCount('createTopUp')).toBe(2)
  })

  it('surfaces a timeout once retries run out, and a later retry with the key charges once', async () => {
    mock.state.setBalance('3')
    mock.failNext('createTopUp', { mode: 'hang' })
    const lost = payg.topUp(
      { amount: 20, idempotencyKey: 'intent-42' },
      {
        timeoutMs: 100,
        retry: false,
      },
    )
    await expect(lost).rejects.toBeInstanceOf(TimeoutError)
    const again = await payg.topUp({ amount: 20, idempotencyKey: 'intent-42' })
    const once = await payg.topUp({ amount: 20, idempotencyKey: 'intent-42' })
    expect(once.replayed).toBe(true)
    expect(once.topUp.id).toBe(again.topUp.id)
    expect(topUpEntries()).toHaveLength(1)
    expect(mock.state.balance()).toBe('23')
  })

  it('charges once for two concurrent submits of one intent, and both callers get the top-up', async () => {
    mock.state.setBalance('0')
    const [first, second] = await Promise.all([
      payg.topUp({ amount: 50, idempotencyKey: 'double-click' }),
      payg.topUp({ amount: 50, idempotencyKey: 'double-click' }),
    ])
    expect(first.topUp.id).toBe(second.topUp.id)
    expect([first.replayed, second.replayed].sort()).toEqual([false, true])
    expect(topUpEntries()).toHaveLength(1)
    expect(mock.state.balance()).toBe('50')
  })

  it('refuses a reused key with another amount (409) and charges nothing more', async () => {
    await payg.topUp({ amount: 10, idempotencyKey: 'k-1' })
    await expect(payg.topUp({ amount: 11, idempotencyKey: 'k-1' })).rejects.toBeInstanceOf(
      IdempotencyConflictError,
    )
    expect(topUpEntries()).toHaveLength(1)
  })

  it('reports a declined card and leaves the balance as it was', async () => {
    mock.reset('paymentDeclined')
    const before = mock.state.balance()
    await expect(payg.topUp({ amount: 10 })).rejects.toBeInstanceOf(PaymentDeclinedError)
    expect(mock.state.balance()).toBe(before)
  })
})

describe('a top-up whose answer was lost', () => {
  it('getTopUp finds it by its key, with the balance as it is now', async () => {
    const key = 'lost-after-retries'
    // Every attempt (the first and both retries) commits or replays, then loses its answer.
    for (let i = 0; i < 3; i++) mock.failNext('createTopUp', { mode: 'after-commit' })
    const error = await payg.topUp({ amount: 10, idempotencyKey: key }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PaygError)
    expect(mock.requestCount('createTopUp')).toBe(3)
    const found = await payg.getTopUp(key)
    expect(found?.topUp).toMatchObject({ status: 'SUCCEEDED', amount: usd(10) })
    expect(found?.balance.balance).toEqual(usd(mock.state.balance()))
    expect(topUpEntries()).toHaveLength(1)
  })

  it('getTopUp answers null when the top-up never reached the ledger', async () => {
    for (let i = 0; i < 3; i++) mock.failNext('createTopUp', { mode: 'before-commit' })
    await payg.topUp({ amount: 10, idempotencyKey: 'never-committed' }).catch(() => {})
    expect(await payg.getTopUp('never-committed')).toBeNull()
    expect(topUpEntries()).toHaveLength(0)
  })
})

describe('auto top-up', () => {
  it('50 concurrent generations crossing the threshold trigger exactly one automatic top-up', async () => {
    mock.reset('autoTopUpOn')
    mock.state.setBalance('10.5')
    const before = autoTopUpEntries().length
    const jobs = await Promise.all(
      Array.from({ length: 50 }, () => payg.createGeneration(lightning4)),
    )
    expect(jobs).toHaveLength(50)
    expect(autoTopUpEntries()).toHaveLength(before + 1)
    // 10.5 - 50 * 0.048 + 50 (the scenario's amount), exactly.
    const spent = jobs.reduce<Usd>((sum, job) => add(sum, job.cost as Usd), usd('0'))
    expect(mock.state.balance()).toBe(subtract(add(usd('10.5'), usd('50')), spent).amount)
  })

  it('enabling below the threshold tops up at once, exactly once', async () => {
    mock.state.setBalance('5')
    const result = await payg.updateAutoTopUp({ enabled: true, threshold: 20, amount: 30 })
    expect(result.triggeredTopUp).toMatchObject({ kind: 'AUTOMATIC', amount: usd('30') })
    expect(result.balance.balance).toEqual(usd('35'))
    const again = await payg.updateAutoTopUp({ enabled: true, threshold: 20, amount: 30 })
    expect(again.triggeredTopUp).toBeNull()
    expect(mock.state.balance()).toBe('35')
  })

  it('respects the monthly cap', async () => {
    mock.state.setBalance('25')
    await payg.updateAutoTopUp({ enabled: true, threshold: 20, amount: 30, monthlyCap: 50 })
    mock.state.setBalance('20.01')
    await payg.createGeneration(lightning4)
    expect((await payg.getAutoTopUp()).lastAttempt?.status).toBe('SUCCEEDED')
    mock.state.setBalance('20.01')
    await payg.createGeneration(lightning4)
    const settings = await payg.getAutoTopUp()
    expect(settings.lastAttempt?.status).toBe('CAP_REACHED')
    expect(settings.spentThisMonth).toEqual(usd('30'))
    expect(autoTopUpEntries()).toHaveLength(1)
  })

  it('keeps the monthly cap when an update leaves it out, and removes it for null', async () => {
    mock.state.setBalance('100')
    await payg.updateAutoTopUp({ enabled: true, threshold: 20, amount: 30, monthlyCap: 90 })
    const kept = await payg.updateAutoTopUp({ enabled: true, threshold: 25, amount: 40 })
    expect(kept.autoTopUp).toMatchObject({ threshold: usd('25'), monthlyCap: usd('90') })
    expect((await payg.getAutoTopUp()).monthlyCap).toEqual(usd('90'))
    const removed = await payg.updateAutoTopUp({
      enabled: true,
      threshold: 25,
      amount: 40,
      monthlyCap: null,
    })
    expect(removed.autoTopUp.monthlyCap).toBeNull()
  })

  it('turns itself off after three consecutive declines', async () => {
    mock.state.setBalance('100')
    await payg.updateAutoTopUp({ enabled: true, threshold: 99, amount: 10 })
    mock.state.setCardDeclines(true)
    for (let crossing = 0; crossing < 3; crossing++) {
      mock.state.setBalance('99.01')
      await payg.createGeneration(lightning4)
    }
    const settings = await payg.getAutoTopUp()
    expect(settings).toMatchObject({
      enabled: false,
      consecutiveFailures: 3,
      disabledReason: 'PAYMENT_DECLINED',
    })
    expect(settings.lastAttempt?.status).toBe('DECLINED')
  })

  it('can be disabled at any time', async () => {
    await payg.updateAutoTopUp({ enabled: true, threshold: 10, amount: 20 })
    const result = await payg.disableAutoTopUp()
    expect(result.autoTopUp.enabled).toBe(false)
    expect(result.balance.autoTopUpEnabled).toBe(false)
  })
})

describe('migration from a legacy plan', () => {
  it('converts the remaining credits into dollars once, with a ledger entry, and is safe to retry', async () => {
    mock.reset('legacySubscription')
    const preview = await payg.getMigrationPreview()
    expect(preview.creditsRemaining).toEqual({ amount: '24000', unit: 'CREDITS' })
    expect(preview.convertedAmount).toEqual(usd('28.8'))

    const result = await payg.migrateToPayg({ idempotencyKey: 'migrate-1' })
    expect(result.subscription.billingModel).toBe('PAYG')
    expect(result.transaction).toMatchObject({ type: 'MIGRATION_CREDIT', amount: usd('28.8') })
    expect(result.balance.balance).toEqual(preview.balanceAfter)

    const retried = await payg.migrateToPayg({ idempotencyKey: 'migrate-1' })
    expect(retried.transaction.id).toBe(result.transaction.id)
    await expect(payg.migrateToPayg()).rejects.toMatchObject({ code: 'ALREADY_ON_PAYG' })
    const migrations = mock.state.transactions().filter((e) => e.type === 'MIGRATION_CREDIT')
    expect(migrations).toHaveLength(1)
  })
})

describe('the ledger through the client', () => {
  it('pages through every entry, and the entries add up to the balance exactly', async () => {
    mock.reset('autoTopUpOn')
    for (let i = 0; i < 7; i++) await payg.createGeneration(lightning4)
    await payg.topUp({ amount: 15 })
    let sum = usd('0')
    let count = 0
    for await (const page of payg.transactions({ limit: 10 })) {
      for (const entry of page.data) {
        expect(entry.unit).toBe('USD')
        if (entry.unit === 'USD') sum = add(sum, entry.amount)
        count++
      }
    }
    expect(count).toBe(mock.state.transactions().length)
    expect(count).toBeGreaterThan(10)
    expect(sum).toEqual((await payg.getBalance()).balance)
  })
})

describe('transport', () => {
  it('waits out a rate limit, honouring Retry-After, and reports it when retries run out', async () => {
    mock.reset('rateLimited')
    await expect(payg.getBalance({ retry: false })).rejects.toBeInstanceOf(RateLimitError)
    // Retry-After (1 s) beyond maxDelayMs (5 ms): the call ends at once instead of retrying early.
    await expect(payg.getBalance({ retry: { retries: 3, ...fast } })).rejects.toMatchObject({
      retryAfter: 1,
      retryAfterMs: 1000,
    })
    const balance = await payg.getBalance({ retry: { retries: 3, ...fast, maxDelayMs: 1000 } })
    expect(balance.balance.unit).toBe('USD')
  })

  it('refuses a wrong API key with an AuthError', async () => {
    const guarded = createPaygMock({ apiKey: 'right-key' })
    server.use(...guarded.handlers)
    const wrong = createPaygClient({ apiKey: 'wrong-key', retry: false })
    await expect(wrong.getBalance()).rejects.toBeInstanceOf(AuthError)
    const right = createPaygClient({ apiKey: 'right-key' })
    await expect(right.getBalance()).resolves.toMatchObject({ state: expect.any(String) })
  })

  it('never retries a generation, so a failure cannot charge twice', async () => {
    mock.failNext('createGeneration', { mode: 'after-commit', status: 500 })
    await expect(payg.createGeneration(lightning4)).rejects.toBeInstanceOf(PaygError)
    expect(mock.requestCount('createGeneration')).toBe(1)
  })
})
