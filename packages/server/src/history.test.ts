import { usd } from '@payg-kit/core'
import { describe, expect, it } from 'vitest'
import type { Queryable } from './database'
import { transactionPageSql } from './ledger'
import { MIGRATIONS, migrate } from './migrate'
import { createFakePayments } from './payments'
import { USAGE_SQL } from './routes/usage'
import { accountId, databases, migratedDatabase } from './test/databases'
import { closeBillingServers, serveBilling } from './test/http'
import { seedHistory } from './test/seedHistory'
import { TOP_UP_PAGE_SQL } from './topUpRecords'
import { checkUsageDays } from './usageDays'

const NOW = new Date('2026-12-01T00:00:00.000Z')
const FROM = new Date('2021-12-01T00:00:00.000Z')
/** Crosses seq 999 to 1000: a page ordered by the text of seq would come out of order. */
const ENTRIES = 1050

/** The plan of `sql` with scans ruled out (on small tables a scan is cheapest). */
async function plan(database: Queryable, sql: string, params: unknown[]): Promise<string> {
  await database.exec('SET enable_seqscan = off')
  try {
    const rows = await database.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params)
    return rows.map((row) => row['QUERY PLAN']).join('\n')
  } finally {
    await database.exec('RESET enable_seqscan')
  }
}

describe.each(databases)('long histories on $name', ({ open }) => {
  const db = migratedDatabase(open, closeBillingServers)

  async function setup() {
    const a = accountId()
    const b = accountId()
    await seedHistory(db(), a, ENTRIES, { from: FROM, to: NOW })
    // A larger account written after it: the tables' newest rows are not the account's.
    await seedHistory(db(), b, 3 * ENTRIES, { from: FROM, to: NOW })
    await db().exec('ANALYZE payg_ledger, payg_top_up_attempts, payg_usage_days')
    const served = await serveBilling(
      { ta: a },
      { database: db(), payments: createFakePayments(), now: () => NOW },
    )
    /** Every page of `path` from the first, `limit` at a time, following nextCursor. */
    const walk = async (path: string, limit: number) => {
      const ids: string[] = []
      let cursor: string | null = null
      do {
        const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''
        const page = await served.call(
          `${path}${path.includes('?') ? '&' : '?'}limit=${limit}${query}`,
          'ta',
        )
        expect(page.status).toBe(200)
        expect(page.body.data.length).toBeLessThanOrEqual(limit)
        ids.push(...page.body.data.map((row: { id: string }) => row.id))
        cursor = page.body.nextCursor
      } while (cursor)
      return ids
    }
    const ids = async (sql: string, params: unknown[]) =>
      (await db().query<{ id: string }>(sql, params)).map((row) => row.id)
    return { ...served, a, b, walk, ids }
  }

  it('walks every entry exactly once, newest first by seq, with and without a type', async () => {
    const { a, walk, ids } = await setup()
    const all = await ids('SELECT id FROM payg_ledger WHERE account_id = $1 ORDER BY seq DESC', [a])
    expect(all).toHaveLength(ENTRIES)
    expect(await walk('/billing/transactions', 100)).toEqual(all)
    expect(await walk('/billing/transactions', 7)).toEqual(all)
    for (const type of ['TOP_UP', 'REFUND', 'USAGE']) {
      const ofType = await ids(
        'SELECT id FROM payg_ledger WHERE account_id = $1 AND type = $2 ORDER BY seq DESC',
        [a, type],
      )
      expect(ofType.length).toBeGreaterThan(9)
      expect(await walk(`/billing/transactions?type=${type}`, type === 'USAGE' ? 100 : 3)).toEqual(
        ofType,
      )
    }
  })

  it('walks every settled top-up exactly once, newest first, past the cancelled lookups', async () => {
    const { a, walk, ids } = await setup()
    const settled = await ids(
      `SELECT id FROM payg_top_up_attempts WHERE account_id = $1 AND status = 'SUCCEEDED'
       ORDER BY seq DESC`,
      [a],
    )
    expect(settled).toHaveLength(Math.floor(ENTRIES / 100))
    expect(await walk('/billing/top-ups', 3)).toEqual(settled)
  })

  it('refuses a cursor past the largest seq as unreadable, not as a server error', async () => {
    const { call } = await setup()
    for (const list of ['transactions', 'top-ups']) {
      const cursor = btoa(JSON.stringify({ before: '9999999999999999999', list }))
      expect(await call(`/billing/${list}?cursor=${cursor}`, 'ta')).toMatchObject({
        status: 400,
        body: { code: 'BAD_REQUEST' },
      })
    }
  })

  it('reads a page through one index range, with no sort of the history', async () => {
    const { a } = await setup()
    const [middle] = await db().query<{ seq: string }>(
      'SELECT seq::text AS seq FROM payg_ledger WHERE account_id = $1 ORDER BY seq LIMIT 1 OFFSET 500',
      [a],
    )
    // Pages of 4 (and one more, to know there is a next): fewer than the account has of each.
    const cases: [string, unknown[], string][] = [
      [transactionPageSql(false), [a, null, 5], 'payg_ledger_account_seq'],
      [transactionPageSql(false), [a, middle?.seq, 5], 'payg_ledger_account_seq'],
      [transactionPageSql(true), [a, null, 5, 'TOP_UP'], 'payg_ledger_account_type_seq'],
      [transactionPageSql(true), [a, middle?.seq, 5, 'REFUND'], 'payg_ledger_account_type_seq'],
      [TOP_UP_PAGE_SQL, [a, null, 5], 'payg_top_up_attempts_account_settled_seq'],
      [TOP_UP_PAGE_SQL, [a, middle?.seq, 5], 'payg_top_up_attempts_account_settled_seq'],
    ]
    for (const [sql, params, index] of cases) {
      const text = await plan(db(), sql, params)
      // The account's index, or the ledger's seq (its primary key) read backward when the
      // planner expects the account's rows to be dense there: either way a range in page order.
      expect(text, text).toMatch(
        new RegExp(
          `^Limit.*\\n\\s+->  Index Scan (using ${index}|Backward using payg_ledger_pkey) on`,
        ),
      )
      expect(text, text).not.toMatch(/Sort|Seq Scan|Bitmap/)
    }
  })

  it('reads five years by month from the days of the range, never the ledger', async () => {
    const { a, call } = await setup()
    const text = await plan(db(), USAGE_SQL, [
      a,
      '2021-12-01',
      '2026-11-30',
      ['2021-12-01', '2022-01-01'],
    ])
    expect(text).toContain('payg_usage_days_pkey')
    expect(text).not.toContain('payg_ledger')
    const report = await call(
      '/billing/usage?from=2021-12-01&to=2026-11-30&granularity=MONTH',
      'ta',
    )
    expect(report.status).toBe(200)
    expect(report.body.buckets).toHaveLength(60)
    // The same spend summed from the ledger itself: charges less refunds, by month.
    const ledger = await db().query<{ month: string; spend: string; requests: number }>(
      `SELECT to_char(date_trunc('month', created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS month,
              (-sum(amount))::text AS spend, (count(*) FILTER (WHERE type = 'USAGE'))::int AS requests
       FROM payg_ledger WHERE account_id = $1 AND type IN ('USAGE', 'REFUND')
       GROUP BY 1 ORDER BY 1`,
      [a],
    )
    const months = report.body.buckets.map(
      (bucket: { date: string; total: string; requests: number }) => ({
        month: bucket.date,
        spend: bucket.total,
        requests: bucket.requests,
      }),
    )
    expect(months).toEqual(ledger.map((row) => ({ ...row, spend: usd(row.spend).amount })))
  })
})

describe.each(databases)('the usage days of an existing ledger on $name', ({ open }) => {
  it('are summed from the entries written before migration 0007', async () => {
    const database = await open()
    try {
      await database.exec(
        'CREATE TABLE payg_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
      )
      const before = MIGRATIONS.filter(({ name }) => name < '0007')
      for (const { name, sql } of before) {
        await database.exec(sql)
        await database.query('INSERT INTO payg_migrations (name) VALUES ($1)', [name])
      }
      const a = accountId()
      await seedHistory(database, a, 500, { from: FROM, to: NOW })
      expect(await migrate(database)).toContain('0007_history_indexes.sql')
      expect(await checkUsageDays(database)).toEqual([])
      const [days] = await database.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM payg_usage_days WHERE account_id = $1',
        [a],
      )
      expect(days?.n).toBeGreaterThan(100)
    } finally {
      await database.close()
    }
  })
})
