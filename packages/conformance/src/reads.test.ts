import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_NOW } from '../../../test/clock'
import { type Account, type AccountState, BACKENDS } from './backends'

const FUNDED: AccountState = { balance: '20', card: 'visa', lowBalanceThreshold: null }
const TODAY = TEST_NOW.toISOString().slice(0, 10)

function dayBefore(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10)
}

function topUp(a: Account, amount: number, key: string) {
  return a.call('POST', '/billing/top-ups', {
    body: { amount },
    headers: { 'idempotency-key': key },
  })
}

describe.each(BACKENDS)('top-ups, usage and the card: %s', (_name, open) => {
  const backend = open()
  beforeAll(() => backend.ready())
  afterAll(() => backend.close())
  const account = (s: Partial<AccountState> = {}) => backend.account({ ...FUNDED, ...s })

  describe('GET /billing/top-ups', () => {
    it('lists manual top-ups newest first, a page at a time', async () => {
      const a = await account()
      for (const [i, amount] of [10, 20, 30].entries()) await topUp(a, amount, `list-${i}`)
      const first = await a.call('GET', '/billing/top-ups?limit=2')
      expect(first.status).toBe(200)
      expect(first.body.data.map((t: { amount: string }) => t.amount)).toEqual(['30', '20'])
      expect(first.body.data[0]).toMatchObject({ kind: 'MANUAL', status: 'SUCCEEDED' })
      const rest = await a.call(
        'GET',
        `/billing/top-ups?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
      )
      expect(rest.body).toEqual({
        data: [expect.objectContaining({ amount: '10' })],
        nextCursor: null,
      })
    })

    it('lists a declined top-up as DECLINED, with nothing credited', async () => {
      const a = await account({ card: 'declined' })
      expect((await topUp(a, 10, 'declined-1')).status).toBe(402)
      const list = await a.call('GET', '/billing/top-ups')
      expect(list.body.data).toEqual([
        expect.objectContaining({ amount: '10', status: 'DECLINED' }),
      ])
    })
  })

  describe('GET /billing/top-ups/{idempotencyKey}', () => {
    it('tells what became of a top-up whose answer was lost, and changes nothing', async () => {
      const a = await account()
      const sent = await topUp(a, 25, 'lost-answer-1')
      const found = await a.call('GET', '/billing/top-ups/lost-answer-1')
      expect(found.status).toBe(200)
      expect(found.body.topUp).toEqual(sent.body.topUp)
      expect(found.body.balance.balance).toBe('45')
    })

    it('answers 404 for a key never used, and that cancels the key for good', async () => {
      const a = await account()
      const missing = await a.call('GET', '/billing/top-ups/never-sent-1')
      expect(missing.status).toBe(404)
      expect(missing.body).toMatchObject({
        code: 'NOT_FOUND',
        details: { idempotencyKey: 'never-sent-1' },
      })
      const late = await topUp(a, 25, 'never-sent-1')
      expect(late.status).toBe(409)
      expect(late.body).toMatchObject({
        code: 'IDEMPOTENCY_CONFLICT',
        details: { reason: 'CANCELLED_BY_LOOKUP' },
      })
      expect((await a.call('GET', '/billing/balance')).body.balance).toBe('20')
    })
  })

  describe('GET /billing/usage', () => {
    it('sums charges per day and service, with a bucket for every day', async () => {
      const a = await account()
      expect(await a.charge('6', 'usage-1')).toBe(true)
      expect(await a.charge('1.2', 'usage-2')).toBe(true)
      const usage = await a.call('GET', '/billing/usage?days=3')
      expect(usage.status).toBe(200)
      expect(usage.body).toEqual({
        from: dayBefore(TODAY, 2),
        to: TODAY,
        currency: 'USD',
        total: '7.2',
        granularity: 'DAY',
        buckets: [
          { date: dayBefore(TODAY, 2), total: '0', requests: 0, byService: [] },
          { date: dayBefore(TODAY, 1), total: '0', requests: 0, byService: [] },
          {
            date: TODAY,
            total: '7.2',
            requests: 2,
            byService: [{ service: 'IMAGE_GENERATION', amount: '7.2', requests: 2 }],
          },
        ],
      })
    })

    it('answers years in one request by week or by month, the last bucket holding today', async () => {
      const a = await account()
      expect(await a.charge('6', 'usage-weeks-1')).toBe(true)
      for (const [granularity, days] of [
        ['WEEK', 2000],
        ['MONTH', 3660],
      ] as const) {
        const usage = await a.call('GET', `/billing/usage?days=${days}&granularity=${granularity}`)
        expect(usage.status).toBe(200)
        expect(usage.body).toMatchObject({
          from: dayBefore(TODAY, days - 1),
          to: TODAY,
          granularity,
        })
        expect(usage.body.total).toBe('6')
        expect(usage.body.buckets[0].date).toBe(dayBefore(TODAY, days - 1))
        expect(usage.body.buckets.at(-1)).toMatchObject({ total: '6', requests: 1 })
      }
      const daily = await a.call('GET', '/billing/usage?days=400')
      expect(daily.status).toBe(422)
      expect(daily.body.fieldErrors).toEqual([
        expect.objectContaining({ field: 'granularity', code: 'OUT_OF_RANGE' }),
      ])
    })

    it.each([
      [`from=${TODAY}&to=${dayBefore(TODAY, 1)}`, 'from after to'],
      [`from=${dayBefore(TODAY, 3)}&days=2`, 'from together with days'],
      [`from=${dayBefore(TODAY, 366)}&to=${TODAY}`, 'more than 366 daily buckets'],
      [`days=3661&granularity=MONTH`, 'more than ten years'],
      ['granularity=YEAR', 'a bucket size that does not exist'],
      ['days=0', 'zero days'],
      ['from=2026-02-30', 'a date that does not exist'],
    ])('refuses %s (%s) with 422', async (query) => {
      const a = await account()
      const answer = await a.call('GET', `/billing/usage?${query}`)
      expect(answer.status).toBe(422)
      expect(answer.body.code).toBe('VALIDATION_FAILED')
    })
  })

  describe('the query of a billing read', () => {
    // A value given twice would be read as one of the two (which one differed between
    // backends), and a misspelt name (`limt`) would give the default page: both are a 422.
    it.each([
      ['/billing/transactions', 'limit=5&limit=100', [['limit', 'INVALID_VALUE']]],
      ['/billing/transactions', 'type=USAGE&type=TOP_UP', [['type', 'INVALID_VALUE']]],
      ['/billing/transactions', 'limt=5', [['limt', 'UNKNOWN_FIELD']]],
      ['/billing/transactions', 'cursor=a&cursor=b', [['cursor', 'INVALID_VALUE']]],
      ['/billing/top-ups', 'limit=2&limit=2', [['limit', 'INVALID_VALUE']]],
      // The top-ups list takes no type filter.
      ['/billing/top-ups', 'type=TOP_UP', [['type', 'UNKNOWN_FIELD']]],
      [
        '/billing/top-ups',
        '__proto__=1&constructor=2',
        [
          ['__proto__', 'UNKNOWN_FIELD'],
          ['constructor', 'UNKNOWN_FIELD'],
        ],
      ],
      ['/billing/usage', 'days=7&days=700', [['days', 'INVALID_VALUE']]],
      ['/billing/usage', 'granularity=DAY&granularity=MONTH', [['granularity', 'INVALID_VALUE']]],
      ['/billing/usage', 'day=7', [['day', 'UNKNOWN_FIELD']]],
      // The repeated `to` is not read as today, which would put `from` after it.
      ['/billing/usage', 'from=2030-01-01&to=2030-02-01&to=2030-03-01', [['to', 'INVALID_VALUE']]],
      // Every problem, each named once however often it repeats.
      [
        '/billing/usage',
        'to=2026-01-01&to=2026-01-02&to=x&range=1&range=2',
        [
          ['to', 'INVALID_VALUE'],
          ['range', 'UNKNOWN_FIELD'],
        ],
      ],
    ])('%s?%s is a 422 naming each parameter', async (path, query, problems) => {
      const a = await account()
      const answer = await a.call('GET', `${path}?${query}`)
      expect(answer.status).toBe(422)
      expect(answer.body.code).toBe('VALIDATION_FAILED')
      expect(
        answer.body.fieldErrors.map((e: { field: string; code: string }) => [e.field, e.code]),
      ).toEqual(problems)
    })

    it("refuses one list's cursor on the other list with 400", async () => {
      const a = await account()
      for (const [i, amount] of [10, 20].entries()) await topUp(a, amount, `cursor-${i}`)
      const topUps = await a.call('GET', '/billing/top-ups?limit=1')
      const ledger = await a.call('GET', '/billing/transactions?limit=1')
      for (const [path, cursor] of [
        ['/billing/transactions', topUps.body.nextCursor],
        ['/billing/top-ups', ledger.body.nextCursor],
      ]) {
        const crossed = await a.call('GET', `${path}?cursor=${encodeURIComponent(cursor)}`)
        expect(crossed.status, path).toBe(400)
        expect(crossed.body.code).toBe('BAD_REQUEST')
      }
    })

    it('reads every parameter the spec gives each read', async () => {
      const a = await account()
      for (const path of [
        '/billing/transactions?limit=1&type=TOP_UP',
        '/billing/top-ups?limit=1',
        `/billing/usage?to=${TODAY}&days=7&granularity=WEEK`,
        `/billing/usage?from=${dayBefore(TODAY, 6)}&to=${TODAY}`,
      ]) {
        expect((await a.call('GET', path)).status, path).toBe(200)
      }
    })
  })

  describe('GET /billing/payment-method', () => {
    it('summarises the saved card, or answers null without one', async () => {
      const withCard = await account()
      const card = await withCard.call('GET', '/billing/payment-method')
      expect(card.status).toBe(200)
      expect(card.body.paymentMethod).toMatchObject({ brand: 'visa', last4: '4242' })
      expect(card.body.paymentMethod.expYear).toEqual(expect.any(Number))
      const without = await account({ card: null })
      const none = await without.call('GET', '/billing/payment-method')
      expect(none.status).toBe(200)
      expect(none.body).toEqual({ paymentMethod: null })
    })
  })

  describe('GET /billing/subscription on a PAYG account', () => {
    it('reads PAYG, and the migration endpoints answer 409 ALREADY_ON_PAYG', async () => {
      const a = await account()
      const subscription = await a.call('GET', '/billing/subscription')
      expect(subscription.status).toBe(200)
      expect(subscription.body).toMatchObject({ billingModel: 'PAYG', plan: null })
      for (const [method, path] of [
        ['GET', '/billing/subscription/migration-preview'],
        ['POST', '/billing/subscription/migrate'],
      ] as const) {
        const answer = await a.call(method, path, { headers: { 'idempotency-key': 'migrate-1' } })
        expect(answer.status).toBe(409)
        expect(answer.body.code).toBe('ALREADY_ON_PAYG')
      }
    })
  })
})
