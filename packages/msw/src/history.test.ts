import { priceVariation } from '@payg-kit/core/rules'
import { getResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_NOW as NOW } from '../../../test/clock'
import { createPaygMock, type PaygMock } from './createPaygMock'
import type { LedgerEntry } from './ledger'
import { parseMicros } from './money'
import type { Schemas } from './types'

const BASE = 'https://history.payg.test/v1'
const DAY_MS = 86_400_000
const server = setupServer()

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

function mockWith(options: Parameters<typeof createPaygMock>[0] = {}): PaygMock {
  const mock = createPaygMock({ baseUrl: BASE, now: NOW, ...options })
  server.resetHandlers(...mock.handlers)
  return mock
}

async function get<T>(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${BASE}${path}`, { headers })
  return { status: response.status, body: (await response.json()) as T }
}

/** Sends `count` balance reads straight to the mock's handler of that path (no interception). */
async function readBalance(mock: PaygMock, count: number): Promise<void> {
  const handler = mock.handlers.find(
    (candidate) => (candidate.info as { path?: unknown }).path === `${BASE}/billing/balance`,
  )
  if (!handler) throw new Error('no balance handler')
  for (let i = 0; i < count; i++) {
    const request = new Request(`${BASE}/billing/balance`, { headers: { 'x-call': String(i) } })
    expect((await getResponse([handler], request))?.status).toBe(200)
  }
}

/** Every page of a list, following `nextCursor`; the ids in the order they came. */
async function walk(query: string): Promise<Schemas['Transaction'][]> {
  const seen: Schemas['Transaction'][] = []
  let cursor: string | null = null
  do {
    const suffix: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''
    const page = await get<Schemas['TransactionList']>(`/billing/transactions?${query}${suffix}`)
    expect(page.status).toBe(200)
    seen.push(...page.body.data)
    cursor = page.body.nextCursor
  } while (cursor)
  return seen
}

/** The account's transactions newest first, worked out from the two lists of entries alone. */
function expectedOrder(mock: PaygMock): LedgerEntry[] {
  return [...mock.ledger.creditEntries, ...mock.ledger.entries]
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .reverse()
}

describe('the request log', () => {
  it('keeps only the latest requestLogSize requests, and counts every one by operation', async () => {
    const mock = mockWith({ requestLogSize: 5 })
    for (let i = 0; i < 12; i++) await get('/billing/balance', { 'x-call': String(i) })
    await get('/billing/usage')
    expect(mock.requests).toHaveLength(5)
    expect(mock.requests.map((request) => request.headers['x-call'])).toEqual([
      '8',
      '9',
      '10',
      '11',
      undefined,
    ])
    expect(mock.requests.at(-1)).toMatchObject({ operationId: 'getUsage', status: 200 })
    expect(mock.requestCount('getBalance')).toBe(12)
    expect(mock.requestCount((request) => request.operationId === 'getBalance')).toBe(4)
    mock.reset()
    expect(mock.requests).toHaveLength(0)
    expect(mock.requestCount('getBalance')).toBe(0)
  })

  it('keeps 1,000 by default, none with 0 and every one with Infinity', async () => {
    const byDefault = mockWith()
    await readBalance(byDefault, 1003)
    expect(byDefault.requests).toHaveLength(1000)
    expect(byDefault.requests[0]?.headers['x-call']).toBe('3')

    const none = mockWith({ requestLogSize: 0 })
    await get('/billing/balance')
    expect(none.requests).toHaveLength(0)
    expect(none.requestCount('getBalance')).toBe(1)

    const all = mockWith({ requestLogSize: Number.POSITIVE_INFINITY })
    await readBalance(all, 1003)
    expect(all.requests).toHaveLength(1003)
  })

  it('refuses a log size that is not a whole number', () => {
    expect(() => createPaygMock({ requestLogSize: -1 })).toThrow(RangeError)
    expect(() => createPaygMock({ requestLogSize: 2.5 })).toThrow(RangeError)
  })
})

describe('paging a long history', () => {
  it('walks every entry exactly once, newest first, overall and by type', async () => {
    const mock = mockWith({ scenario: 'healthy' })
    mock.ledger.appendHistory(3000, 400)
    const expected = expectedOrder(mock).map((entry) => entry.id)
    expect(expected.length).toBeGreaterThan(3000)

    const all = await walk('limit=100')
    expect(all.map((entry) => entry.id)).toEqual(expected)
    expect(new Set(all.map((entry) => entry.id)).size).toBe(expected.length)

    for (const type of ['USAGE', 'TOP_UP', 'FREE_CREDIT'] as const) {
      const ofType = await walk(`limit=37&type=${type}`)
      const wanted = expectedOrder(mock).filter((entry) => entry.type === type)
      expect(ofType.map((entry) => entry.id)).toEqual(wanted.map((entry) => entry.id))
      expect(wanted.length).toBeGreaterThan(0)
    }
  })

  it('goes on from its cursor after new entries, in time order even when the clock went back', async () => {
    const mock = mockWith({ scenario: 'newAccount' })
    mock.ledger.appendHistory(500, 60)
    const first = await get<Schemas['TransactionList']>('/billing/transactions?limit=50')
    const before = expectedOrder(mock).slice(50)
    // Written after the first page: newer than every entry, so not part of the rest of the walk.
    mock.state.setBalance('1234.5')
    // Written with the clock set back 30 days: listed among the entries of that time.
    mock.clock.set(new Date(NOW.getTime() - 30 * DAY_MS))
    mock.state.setBalance('1000')
    const backdated = mock.ledger.entries.at(-1) as LedgerEntry

    let cursor = first.body.nextCursor
    const rest: Schemas['Transaction'][] = []
    while (cursor) {
      const page = await get<Schemas['TransactionList']>(
        `/billing/transactions?limit=50&cursor=${encodeURIComponent(cursor)}`,
      )
      rest.push(...page.body.data)
      cursor = page.body.nextCursor
    }
    const older = new Set([...before, backdated].map((entry) => entry.id))
    const wanted = expectedOrder(mock).filter((entry) => older.has(entry.id))
    expect(wanted).toHaveLength(before.length + 1)
    expect(rest.map((entry) => entry.id)).toEqual(wanted.map((entry) => entry.id))
    expect((await walk('limit=100')).map((entry) => entry.id)).toEqual(
      expectedOrder(mock).map((entry) => entry.id),
    )
  })

  it('lists a legacy plan credit entry before a dollar entry of the same time', async () => {
    const mock = mockWith({ scenario: 'legacySubscription' })
    mock.state.setBalance('3')
    const priced = priceVariation('UPSCALE')
    expect(mock.ledger.charge(priced, 'gen-same-time').ok).toBe(true)
    const newest = (await walk('limit=3')).slice(0, 2)
    expect(newest.map((entry) => [entry.type, entry.unit ?? 'DOLLARS'])).toEqual([
      ['ADJUSTMENT', 'DOLLARS'],
      ['USAGE', 'CREDITS'],
    ])
    expect((await walk('limit=100')).map((entry) => entry.id)).toEqual(
      expectedOrder(mock).map((entry) => entry.id),
    )
  })

  it('refuses a cursor of another list, type or ledger with 400', async () => {
    const other = mockWith({ seed: 2 })
    const foreign = (await get<Schemas['TransactionList']>('/billing/transactions?limit=1')).body
      .nextCursor
    const mock = mockWith({ scenario: 'healthy' })
    const topUpCursor = (await get<Schemas['TopUpList']>('/billing/top-ups?limit=1')).body
      .nextCursor
    const usageCursor = (
      await get<Schemas['TransactionList']>('/billing/transactions?type=USAGE&limit=1')
    ).body.nextCursor
    expect(other.ledger.entryCount).toBeGreaterThan(1)
    for (const query of [
      `cursor=${encodeURIComponent(foreign ?? '')}`,
      `cursor=${encodeURIComponent(topUpCursor ?? '')}`,
      `type=TOP_UP&cursor=${encodeURIComponent(usageCursor ?? '')}`,
      `cursor=${btoa(JSON.stringify({ at: 0, id: 'tx_000000000000' }))}`,
      `cursor=${btoa(JSON.stringify({ at: 10 ** 9, id: mock.ledger.entries[0]?.id }))}`,
      'cursor=not-a-cursor',
    ]) {
      const answer = await get<Schemas['ApiError']>(`/billing/transactions?${query}`)
      expect(answer.status, query).toBe(400)
      expect(answer.body.code).toBe('BAD_REQUEST')
    }
  })

  it('pages top-ups newest first, each once', async () => {
    const mock = mockWith({ scenario: 'newAccount' })
    for (let i = 0; i < 40; i++) expect(mock.ledger.topUp(5 + i).ok).toBe(true)
    const seen: Schemas['TopUp'][] = []
    let cursor: string | null = null
    do {
      const suffix: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''
      const page = await get<Schemas['TopUpList']>(`/billing/top-ups?limit=7${suffix}`)
      seen.push(...page.body.data)
      cursor = page.body.nextCursor
    } while (cursor)
    expect(seen.map((topUp) => topUp.id)).toEqual(
      [...mock.ledger.topUps].reverse().map((topUp) => topUp.id),
    )
    expect(seen).toHaveLength(40)
  })
})

describe('usage over a long history', () => {
  it('a five-year report equals the sum of the entries, in total and in every month', async () => {
    const mock = mockWith({ scenario: 'healthy' })
    mock.ledger.appendHistory(4000, 4 * 365)
    const charged = mock.ledger.entries.find((entry) => entry.type === 'USAGE')
    expect(mock.ledger.refund(charged?.generationId ?? '').ok).toBe(true)
    const to = NOW.toISOString().slice(0, 10)
    const from = new Date(NOW.getTime() - 5 * 365 * DAY_MS).toISOString().slice(0, 10)
    const report = await get<Schemas['UsageReport']>(
      `/billing/usage?from=${from}&to=${to}&granularity=MONTH`,
    )
    expect(report.status).toBe(200)
    const spent = new Map<string, { micros: bigint; requests: number }>()
    for (const entry of mock.ledger.entries) {
      if ((entry.type !== 'USAGE' && entry.type !== 'REFUND') || !entry.service) continue
      const month = entry.createdAt.toISOString().slice(0, 7)
      const sum = spent.get(month) ?? { micros: 0n, requests: 0 }
      sum.micros -= entry.amount
      sum.requests += entry.type === 'USAGE' ? 1 : 0
      spent.set(month, sum)
    }
    let total = 0n
    for (const bucket of report.body.buckets) {
      const want = spent.get(bucket.date.slice(0, 7)) ?? { micros: 0n, requests: 0 }
      expect(parseMicros(bucket.total), bucket.date).toBe(want.micros)
      expect(bucket.requests, bucket.date).toBe(want.requests)
      const byService = bucket.byService.reduce((sum, item) => sum + parseMicros(item.amount), 0n)
      expect(byService).toBe(want.micros)
      total += want.micros
    }
    expect(parseMicros(report.body.total)).toBe(total)
    expect(total).toBe([...spent.values()].reduce((sum, month) => sum + month.micros, 0n))
    expect(report.body.buckets.filter((bucket) => bucket.requests > 0).length).toBeGreaterThan(40)
  })

  it("a legacy plan's report sums its credit entries by day", async () => {
    const mock = mockWith({ scenario: 'legacySubscription' })
    const report = await get<Schemas['UsageReport']>('/billing/usage?days=400&granularity=WEEK')
    const from = Date.parse(`${report.body.from}T00:00:00Z`)
    const credits = mock.ledger.creditEntries
      .filter(
        (entry) =>
          (entry.type === 'USAGE' || entry.type === 'REFUND') &&
          entry.service &&
          entry.createdAt.getTime() >= from,
      )
      .reduce((sum, entry) => sum - entry.amount, 0n)
    expect(report.body.unit).toBe('CREDITS')
    expect(BigInt(report.body.total)).toBe(credits)
    expect(credits).toBeGreaterThan(0n)
  })
})

describe('the compact store', () => {
  it('reads back every field it was given, for ids of any shape', () => {
    const mock = createPaygMock({ now: NOW, scenario: 'newAccount' })
    const priced = priceVariation('NOBG')
    expect(mock.ledger.charge(priced, 'gen-1').ok).toBe(true)
    expect(mock.ledger.charge(priced, '0f8e7d6c-5b4a-4392-8a1b-0c9d8e7f6a5b').ok).toBe(true)
    expect(mock.ledger.refund('gen-1').ok).toBe(true)
    expect(mock.ledger.refund('0f8e7d6c-5b4a-4392-8a1b-0c9d8e7f6a5b').ok).toBe(true)
    expect(mock.ledger.refund('gen-1').ok).toBe(false)
    expect(mock.ledger.refund('0f8e7d6c-5b4a-4392-8a1b-0c9d8e7f6a5c').ok).toBe(false)
    const entries = mock.ledger.entries
    expect(entries.map((entry) => [entry.type, entry.generationId])).toEqual([
      ['FREE_CREDIT', null],
      ['USAGE', 'gen-1'],
      ['USAGE', '0f8e7d6c-5b4a-4392-8a1b-0c9d8e7f6a5b'],
      ['REFUND', 'gen-1'],
      ['REFUND', '0f8e7d6c-5b4a-4392-8a1b-0c9d8e7f6a5b'],
    ])
    expect(entries.every((entry) => /^tx_[0-9a-z]{12}$/.test(entry.id))).toBe(true)
    expect(new Set(entries.map((entry) => entry.id)).size).toBe(entries.length)
    expect(entries[1]).toMatchObject({
      unit: 'DOLLARS',
      amount: -(entries[3]?.amount ?? 0n),
      description: priced.description,
      service: priced.service,
      topUpId: null,
      createdAt: NOW,
    })
  })
})
