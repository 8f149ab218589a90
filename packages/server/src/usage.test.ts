import { describe, expect, it } from 'vitest'
import { USAGE_SQL } from './routes/usage'
import { accountId, databases, migratedDatabase } from './test/databases'
import { closeBillingServers, serveBilling } from './test/http'

const NOW = new Date('2026-03-10T12:00:00.000Z')
const at = (iso: string) => new Date(iso)

describe.each(databases)('GET /billing/usage on $name', ({ open }) => {
  const db = migratedDatabase(open, closeBillingServers)

  async function setup() {
    const a = accountId()
    const b = accountId()
    const clock = { now: NOW }
    const served = await serveBilling(
      { ta: a, tb: b },
      { database: db(), now: () => clock.now, newAccountCredit: '100' },
    )
    await served.call('/billing/balance', 'ta')
    await served.call('/billing/balance', 'tb')
    let n = 0
    /** Charges `cost` for `service` at the given moment. */
    const charge = async (who: string, when: string, cost: string, service: string) => {
      clock.now = at(when)
      n += 1
      const written = await served.billing.ledger.charge(who, cost, `job-${n}`, {
        service: service as 'IMAGE_GENERATION',
        generationId: `gen-${n}`,
      })
      clock.now = NOW
      return written
    }
    return { ...served, a, b, clock, charge }
  }

  it('sums charges per UTC day and service, refunds netted, empty days included', async () => {
    const { a, billing, call, charge, clock } = await setup()
    await charge(a, '2026-03-08T23:59:59.999Z', '0.0114', 'UNIVERSAL_UPSCALER')
    await charge(a, '2026-03-09T00:00:00.000Z', '0.048', 'IMAGE_GENERATION')
    const refunded = await charge(a, '2026-03-09T08:00:00.000Z', '0.048', 'IMAGE_GENERATION')
    await charge(a, '2026-03-09T09:00:00.000Z', '0.5', 'MOTION_VIDEO_GENERATION')
    await charge(a, '2026-03-10T11:00:00.000Z', '0.012', 'IMAGE_GENERATION')
    clock.now = at('2026-03-09T10:00:00.000Z')
    await billing.ledger.refund(a, { transactionId: refunded.transaction.id, amount: '0.02' }, 'r1')
    clock.now = NOW
    // Not spend: credit and adjustments never count.
    await billing.ledger.grant(a, '3', 'promo')
    const report = await call('/billing/usage?from=2026-03-07&to=2026-03-10', 'ta')
    expect(report.status).toBe(200)
    expect(report.body).toEqual({
      from: '2026-03-07',
      to: '2026-03-10',
      currency: 'USD',
      total: '0.5994',
      granularity: 'DAY',
      buckets: [
        { date: '2026-03-07', total: '0', requests: 0, byService: [] },
        {
          date: '2026-03-08',
          total: '0.0114',
          requests: 1,
          byService: [{ service: 'UNIVERSAL_UPSCALER', amount: '0.0114', requests: 1 }],
        },
        {
          date: '2026-03-09',
          total: '0.576',
          requests: 3,
          byService: [
            { service: 'IMAGE_GENERATION', amount: '0.076', requests: 2 },
            { service: 'MOTION_VIDEO_GENERATION', amount: '0.5', requests: 1 },
          ],
        },
        {
          date: '2026-03-10',
          total: '0.012',
          requests: 1,
          byService: [{ service: 'IMAGE_GENERATION', amount: '0.012', requests: 1 }],
        },
      ],
    })
  })

  it("defaults to the 30 days ending today by the server's clock, or `days` ending `to`", async () => {
    const { a, call, charge } = await setup()
    await charge(a, '2026-02-08T12:00:00.000Z', '1', 'IMAGE_GENERATION') // 31 days back
    await charge(a, '2026-02-09T00:00:00.000Z', '2', 'IMAGE_GENERATION') // the first of 30
    const month = await call('/billing/usage', 'ta')
    expect(month.body.buckets).toHaveLength(30)
    expect([month.body.from, month.body.to, month.body.total]).toEqual([
      '2026-02-09',
      '2026-03-10',
      '2',
    ])
    const week = await call('/billing/usage?days=7', 'ta')
    expect(week.body.buckets.map((b: { date: string }) => b.date)).toEqual([
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-07',
      '2026-03-08',
      '2026-03-09',
      '2026-03-10',
    ])
    const ending = await call('/billing/usage?days=2&to=2026-02-09', 'ta')
    expect([ending.body.from, ending.body.to, ending.body.total]).toEqual([
      '2026-02-08',
      '2026-02-09',
      '3',
    ])
    const fromOnly = await call('/billing/usage?from=2026-03-09&granularity=DAY', 'ta')
    expect([fromOnly.status, fromOnly.body.from, fromOnly.body.to]).toEqual([
      200,
      '2026-03-09',
      '2026-03-10',
    ])
  })

  it('refuses bad ranges with 422 naming the parameter', async () => {
    const { call } = await setup()
    const cases: [string, string, string][] = [
      ['days=0', 'days', 'OUT_OF_RANGE'],
      ['days=3661', 'days', 'OUT_OF_RANGE'],
      ['days=367', 'granularity', 'OUT_OF_RANGE'],
      ['days=1.5', 'days', 'OUT_OF_RANGE'],
      ['days=x', 'days', 'OUT_OF_RANGE'],
      ['days=7&from=2026-03-01', 'days', 'INVALID_VALUE'],
      ['from=2026-03-10&to=2026-03-01', 'from', 'OUT_OF_RANGE'],
      ['from=2025-03-09&to=2026-03-10', 'granularity', 'OUT_OF_RANGE'],
      ['from=2016-03-01&to=2026-03-10&granularity=MONTH', 'from', 'OUT_OF_RANGE'],
      ['from=2025-02-30', 'from', 'INVALID_TYPE'],
      ['to=tomorrow', 'to', 'INVALID_TYPE'],
      ['granularity=YEAR', 'granularity', 'INVALID_VALUE'],
    ]
    for (const [query, field, code] of cases) {
      const answer = await call(`/billing/usage?${query}`, 'ta')
      expect(answer.status, query).toBe(422)
      expect(answer.body).toMatchObject({ code: 'VALIDATION_FAILED' })
      expect(answer.body.fieldErrors, query).toContainEqual(
        expect.objectContaining({ field, code }),
      )
    }
    for (const query of ['days=1&to=9999-12-31', 'days=1&to=0001-01-01']) {
      expect((await call(`/billing/usage?${query}`, 'ta')).status, query).toBe(200)
    }
    for (const query of ['to=0000-12-31', 'days=2&to=0001-01-01']) {
      expect((await call(`/billing/usage?${query}`, 'ta')).status, query).toBe(422)
    }
    const longest = await call('/billing/usage?from=2025-03-10&to=2026-03-10', 'ta')
    expect([longest.status, longest.body.buckets.length]).toEqual([200, 366])
  })

  it('sums ISO weeks and calendar months, cut to the range, years in one request', async () => {
    const { a, call, charge } = await setup()
    await charge(a, '2021-04-15T12:00:00.000Z', '1', 'IMAGE_GENERATION')
    await charge(a, '2026-02-28T23:59:59.999Z', '0.25', 'IMAGE_GENERATION')
    await charge(a, '2026-03-01T00:00:00.000Z', '0.5', 'MOTION_VIDEO_GENERATION')
    await charge(a, '2026-03-09T08:00:00.000Z', '2', 'IMAGE_GENERATION')
    // 2026-02-28 is a Saturday, 2026-03-01 a Sunday and 2026-03-09 a Monday.
    const weeks = await call('/billing/usage?from=2026-02-28&to=2026-03-10&granularity=WEEK', 'ta')
    expect(weeks.body).toMatchObject({ granularity: 'WEEK', total: '2.75' })
    expect(weeks.body.buckets).toEqual([
      {
        date: '2026-02-28',
        total: '0.75',
        requests: 2,
        byService: [
          { service: 'IMAGE_GENERATION', amount: '0.25', requests: 1 },
          { service: 'MOTION_VIDEO_GENERATION', amount: '0.5', requests: 1 },
        ],
      },
      { date: '2026-03-02', total: '0', requests: 0, byService: [] },
      {
        date: '2026-03-09',
        total: '2',
        requests: 1,
        byService: [{ service: 'IMAGE_GENERATION', amount: '2', requests: 1 }],
      },
    ])
    const years = await call('/billing/usage?days=3660&granularity=MONTH', 'ta')
    expect(years.status).toBe(200)
    expect(years.body.buckets).toHaveLength(121)
    expect(years.body.total).toBe('3.75')
    const months = years.body.buckets.filter((b: { requests: number }) => b.requests > 0)
    expect(months.map((b: { date: string; total: string }) => [b.date, b.total])).toEqual([
      ['2021-04-01', '1'],
      ['2026-02-01', '0.25'],
      ['2026-03-01', '2.5'],
    ])
  })

  it('reads the range of its days through the usage days index, not the ledger', async () => {
    const { a } = await setup()
    const plan = await db().transaction(async (tx) => {
      // On a tiny table a scan is cheapest; ruling scans out shows which index the query can use.
      await tx.exec('SET LOCAL enable_seqscan = off')
      return tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${USAGE_SQL}`, [
        a,
        '2026-03-01',
        '2026-03-10',
        ['2026-03-01', '2026-03-02'],
      ])
    })
    const text = plan.map((row) => row['QUERY PLAN']).join('\n')
    expect(text).toContain('payg_usage_days_pkey')
    expect(text).not.toContain('payg_ledger')
  })

  it("never counts another account's spend, whatever the query names", async () => {
    const { a, b, call, charge } = await setup()
    await charge(b, '2026-03-10T10:00:00.000Z', '7', 'IMAGE_GENERATION')
    await charge(a, '2026-03-10T10:00:00.000Z', '1', 'IMAGE_GENERATION')
    expect((await call('/billing/usage?days=1', 'ta')).body.total).toBe('1')
    // An account named in the query is refused, and the answer tells nothing of it.
    const named = await call(`/billing/usage?days=1&accountId=${b}`, 'ta')
    expect(named).toMatchObject({
      status: 422,
      body: { fieldErrors: [{ field: 'accountId', code: 'UNKNOWN_FIELD' }] },
    })
    expect(JSON.stringify(named.body)).not.toContain('7')
    expect((await call('/billing/usage?days=1', 'tb')).body.total).toBe('7')
  })
})
