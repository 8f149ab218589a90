import { AUTO_TOP_UP_LIMITS } from '@payg-kit/core/rules'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Account, type AccountState, BACKENDS } from './backends'

const FUNDED: AccountState = { balance: '20', card: 'visa', lowBalanceThreshold: null }

let keys = 0
function key(): string {
  keys += 1
  return `auto-key-${keys}`
}

function save(a: Account, body: unknown) {
  return a.call('PUT', '/billing/auto-top-up', { body, headers: { 'idempotency-key': key() } })
}

async function state(a: Account) {
  const [settings, balance] = await Promise.all([
    a.call('GET', '/billing/auto-top-up'),
    a.call('GET', '/billing/balance'),
  ])
  return { settings: settings.body, balance: balance.body }
}

describe.each(BACKENDS)('auto top-up: %s', (_name, open) => {
  const backend = open()
  beforeAll(() => backend.ready())
  afterAll(() => backend.close())
  const account = (s: Partial<AccountState> = {}) => backend.account({ ...FUNDED, ...s })

  it('reads as never set on a new account', async () => {
    const a = await account()
    const { status, body } = await a.call('GET', '/billing/auto-top-up')
    expect(status).toBe(200)
    expect(body).toEqual({
      enabled: false,
      threshold: null,
      amount: null,
      monthlyCap: null,
      spentThisMonth: '0',
      consecutiveFailures: 0,
      disabledReason: null,
      lastAttempt: null,
      topUpLimits: { minimum: 5, maximum: 10_000 },
    })
  })

  it('saves above the threshold without charging, and the balance reports it', async () => {
    const a = await account()
    const saved = await save(a, { enabled: true, threshold: 10, amount: 50, monthlyCap: 500 })
    expect(saved.status).toBe(200)
    expect(saved.body).toMatchObject({
      autoTopUp: { enabled: true, threshold: 10, amount: 50, monthlyCap: 500, lastAttempt: null },
      balance: { balance: '20', autoTopUpEnabled: true, lowBalanceThreshold: 10 },
      triggeredTopUp: null,
    })
  })

  it('tops up once, by the smallest whole multiple, when a charge takes the balance below', async () => {
    const a = await account()
    await save(a, { enabled: true, threshold: 10, amount: 50, monthlyCap: null })
    expect(await a.charge('12', 'job-1')).toBe(true) // 20 → 8, below 10
    const after = await state(a)
    expect(after.balance.balance).toBe('58')
    expect(after.settings).toMatchObject({
      spentThisMonth: '50',
      consecutiveFailures: 0,
      lastAttempt: { status: 'SUCCEEDED', amount: '50' },
    })
    const entries = await a.call('GET', '/billing/transactions?type=AUTO_TOP_UP')
    expect(entries.body.data.map((t: { amount: string }) => t.amount)).toEqual(['50'])
  })

  it('charges k × amount as one payment when saved below the threshold', async () => {
    const a = await account({ balance: '10.03' })
    const saved = await save(a, { enabled: true, threshold: 500, amount: 5, monthlyCap: null })
    expect(saved.status).toBe(200)
    expect(saved.body.triggeredTopUp).toMatchObject({
      amount: '490',
      kind: 'AUTOMATIC',
      status: 'SUCCEEDED',
    })
    expect(saved.body.balance.balance).toBe('500.03')
    const entries = await a.call('GET', '/billing/transactions?type=AUTO_TOP_UP')
    expect(entries.body.data).toHaveLength(1)
  })

  it('never exceeds the monthly cap: what it allows, then CAP_REACHED', async () => {
    const a = await account()
    const saved = await save(a, { enabled: true, threshold: 100, amount: 50, monthlyCap: 60 })
    // k = 2 would reach the threshold, but the cap allows one multiple.
    expect(saved.body.triggeredTopUp).toMatchObject({ amount: '50', status: 'SUCCEEDED' })
    expect(saved.body.balance.balance).toBe('70')
    expect(await a.charge('6', 'job-1')).toBe(true)
    const after = await state(a)
    expect(after.balance.balance).toBe('64')
    expect(after.settings).toMatchObject({
      enabled: true,
      spentThisMonth: '50',
      lastAttempt: { status: 'CAP_REACHED' },
    })
  })

  it('records a decline, keeps the balance, and turns itself off after repeated declines', async () => {
    const a = await account({ card: 'declined' })
    const saved = await save(a, { enabled: true, threshold: 30, amount: 10, monthlyCap: null })
    expect(saved.status).toBe(200)
    expect(saved.body.triggeredTopUp).toMatchObject({ status: 'DECLINED', amount: '10' })
    expect(saved.body.balance.balance).toBe('20')
    expect(saved.body.autoTopUp).toMatchObject({ enabled: true, consecutiveFailures: 1 })
    expect(await a.charge('1.2', 'job-1')).toBe(true)
    expect(await a.charge('1.2', 'job-2')).toBe(true)
    const after = await state(a)
    expect(after.balance.balance).toBe('17.6')
    expect(after.settings).toMatchObject({
      enabled: false,
      consecutiveFailures: 3,
      disabledReason: 'PAYMENT_DECLINED',
      lastAttempt: { status: 'DECLINED' },
    })
    expect(after.balance.autoTopUpEnabled).toBe(false)
  })

  it('refuses to turn on without a payment method, with 402 NO_PAYMENT_METHOD', async () => {
    const a = await account({ card: null })
    const answer = await save(a, { enabled: true, threshold: 10, amount: 50, monthlyCap: null })
    expect(answer.status).toBe(402)
    expect(answer.body.code).toBe('NO_PAYMENT_METHOD')
    expect((await state(a)).settings.enabled).toBe(false)
  })

  it.each<[string, unknown, string]>([
    [
      'a cap below the amount',
      { enabled: true, threshold: 10, amount: 50, monthlyCap: 20 },
      'monthlyCap',
    ],
    ['a fractional threshold', { enabled: true, threshold: 10.5, amount: 50 }, 'threshold'],
    ['an amount below the top-up minimum', { enabled: true, threshold: 10, amount: 1 }, 'amount'],
    ['no enabled', { threshold: 10, amount: 50 }, 'enabled'],
    ['an unknown field', { enabled: true, threshold: 10, amount: 50, currency: 'USD' }, 'currency'],
    // Past the spec's bound (AUTO_TOP_UP_LIMITS), on or off: never stored.
    [
      'a threshold past the spec’s maximum',
      { enabled: false, threshold: AUTO_TOP_UP_LIMITS.threshold.maximum + 1, amount: 50 },
      'threshold',
    ],
    [
      'a cap past the spec’s maximum',
      { enabled: true, threshold: 10, amount: 50, monthlyCap: 1e12 },
      'monthlyCap',
    ],
  ])('refuses %s with 422 naming the field, and saves nothing', async (_what, body, field) => {
    const a = await account()
    const answer = await save(a, body)
    expect(answer.status).toBe(422)
    expect(answer.body.code).toBe('VALIDATION_FAILED')
    expect(answer.body.fieldErrors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field })]),
    )
    expect((await state(a)).settings.enabled).toBe(false)
  })

  // The same body gets the same problems, in the same words, from the mock and the server.
  it.each<[string, unknown, [string, string, string][]]>([
    [
      'enabled: null',
      { enabled: null, threshold: 10, amount: 50 },
      [['enabled', 'REQUIRED', 'This field is required.']],
    ],
    [
      'enabled as a string',
      { enabled: 'true', threshold: 10, amount: 50 },
      [['enabled', 'INVALID_TYPE', 'Must be true or false.']],
    ],
    [
      'a body that is not an object',
      [10, 50],
      [
        ['enabled', 'REQUIRED', 'This field is required.'],
        ['threshold', 'REQUIRED', 'This field is required.'],
        ['amount', 'REQUIRED', 'This field is required.'],
      ],
    ],
    [
      'every field wrong at once',
      { enabled: 1, threshold: 0, amount: '50', monthlyCap: -1, x: 1 },
      [
        ['x', 'UNKNOWN_FIELD', 'Unknown field.'],
        ['enabled', 'INVALID_TYPE', 'Must be true or false.'],
        [
          'threshold',
          'OUT_OF_RANGE',
          `Must be between 1 and ${AUTO_TOP_UP_LIMITS.threshold.maximum}.`,
        ],
        ['amount', 'INVALID_TYPE', 'Must be an integer.'],
        [
          'monthlyCap',
          'OUT_OF_RANGE',
          `Must be between 1 and ${AUTO_TOP_UP_LIMITS.monthlyCap.maximum}.`,
        ],
      ],
    ],
  ])('answers %s with every problem, alike on both', async (_what, body, problems) => {
    const a = await account()
    const answer = await save(a, body)
    expect(answer.status).toBe(422)
    expect(
      answer.body.fieldErrors.map((e: Record<string, string>) => [e.field, e.code, e.message]),
    ).toEqual(problems)
    expect((await state(a)).settings.enabled).toBe(false)
  })

  it('turns off with DELETE, keeping the settings, and the reason is USER', async () => {
    const a = await account()
    await save(a, { enabled: true, threshold: 10, amount: 50, monthlyCap: 500 })
    const off = await a.call('DELETE', '/billing/auto-top-up', {
      headers: { 'idempotency-key': key() },
    })
    expect(off.status).toBe(200)
    expect(off.body).toMatchObject({
      autoTopUp: { enabled: false, threshold: 10, amount: 50, disabledReason: 'USER' },
      balance: { autoTopUpEnabled: false },
      triggeredTopUp: null,
    })
    expect(await a.charge('12', 'job-1')).toBe(true)
    expect((await state(a)).balance.balance).toBe('8')
  })
})
