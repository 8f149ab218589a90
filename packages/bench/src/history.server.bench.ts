// `pnpm bench:history:server`: what reading a long history costs on @payg-kit/server (issue 12,
// section 3). For one account with 10k, 100k and 1M ledger entries (all in one database, so each
// read is one account's range among others' rows) it prints the time of a page of transactions
// (the first, and one deep in the history; all types and one rare type), of a page of top-ups, of
// walking the whole history page by page, and of usage reports (30 days by day, 5 years by month),
// on a real PostgreSQL and on PGlite, then the plans (EXPLAIN ANALYZE, BUFFERS) at 1M entries.
// Every read goes through the billing handler (`billing(request)`, no network), JSON parsed.
// Figures only: it exits 0 unless something is broken (a walk that misses or repeats an entry,
// a ledger or usage day that does not add up).
//
// Seeding (bench-only, `seedHistory` from the server's test helpers): one bulk INSERT ... SELECT
// generate_series per account, entries spread evenly over five years, keeping the ledger
// invariants (balance-after is the running sum, the balance the total; checked at the end), and a
// tenth as many top-up attempts, nine in ten of them lookups' CANCELLED attempts.
//
// PostgreSQL: a throwaway cluster (Debian's binaries, 127.0.0.1, a free port, a temporary folder,
// removed afterwards) without fsync, or the server at PAYG_BENCH_DATABASE_URL (the bench then
// leaves its `history_<run>_...` accounts there: use a throwaway database). PGlite: in memory, at
// 10k and 100k entries (--pglite-1m adds 1M: several more minutes). --quick: 10k and 100k only.

import { performance } from 'node:perf_hooks'
import { usageBuckets } from '@payg-kit/core/rules'
import {
  type BillingServer,
  checkLedger,
  createBillingServer,
  createFakePayments,
  type Database,
  migrate,
  pglite,
  postgres,
} from '@payg-kit/server'
import { encodeCursor, transactionPageSql } from '../../server/src/ledger.ts'
import { USAGE_SQL } from '../../server/src/routes/usage.ts'
import { seedHistory } from '../../server/src/test/seedHistory.ts'
import { TOP_UP_PAGE_SQL } from '../../server/src/topUpRecords.ts'
import { checkUsageDays } from '../../server/src/usageDays.ts'
import { startPostgres } from '../../server/test/cluster.ts'

const QUICK = process.argv.includes('--quick')
const SIZES = QUICK ? [10_000, 100_000] : [10_000, 100_000, 1_000_000]
const PGLITE_SIZES = process.argv.includes('--pglite-1m') ? SIZES : [10_000, 100_000]
const RUN = Date.now().toString(36)
/** The clock of every request: the histories end here. */
const NOW = new Date('2026-12-01T00:00:00.000Z')
const FROM = new Date('2021-12-01T00:00:00.000Z')
const PAGE = 100
/** The longest walk at every size; the largest history is also walked whole. */
const WALK = 100_000
const REPEAT = 11

/** The spend of a range summed from the ledger itself: the baseline without usage days. */
const LEDGER_USAGE_SQL = `
  SELECT to_char((created_at AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS day, service,
         (-sum(amount))::text AS amount, (count(*) FILTER (WHERE type = 'USAGE'))::int AS requests
  FROM payg_ledger
  WHERE account_id = $1 AND type IN ('USAGE', 'REFUND') AND service IS NOT NULL
    AND created_at >= ($2::date)::timestamp AT TIME ZONE 'UTC'
    AND created_at < ($3::date + 1)::timestamp AT TIME ZONE 'UTC'
  GROUP BY 1, 2
  ORDER BY 1, min(seq)`

const ms = (n: number): string => (n < 10 ? n.toFixed(2) : n < 1000 ? n.toFixed(1) : int(n))
const int = (n: number): string => Math.round(n).toLocaleString('en-US')
const size = (n: number): string => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`)

/** The median of `REPEAT` runs of `op` after two warm-up runs, in milliseconds. */
async function median(op: () => Promise<unknown>): Promise<number> {
  await op()
  await op()
  const times: number[] = []
  for (let i = 0; i < REPEAT; i++) {
    const started = performance.now()
    await op()
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(REPEAT / 2)] ?? 0
}

interface Row {
  size: number
  seedMs: number
  first: number
  deep: number
  typeFirst: number
  typeDeep: number
  topUpsFirst: number
  topUpsDeep: number
  walk: { entries: number; ms: number }
  walkAll: { entries: number; ms: number } | null
  usage30: number
  usage5y: number
  ledger5y: number
}

async function benchEngine(
  engine: string,
  database: Database,
  sizes: number[],
): Promise<{ rows: Row[]; plans: [string, string][] }> {
  await migrate(database)
  const billing: BillingServer = createBillingServer({
    database,
    payments: createFakePayments(),
    now: () => NOW,
    authenticate: (request) => request.headers.get('x-bench-account'),
  })
  const get = async (account: string, path: string) => {
    const response = await billing(
      new Request(`http://bench${path}`, { headers: { 'x-bench-account': account } }),
    )
    if (response.status !== 200) throw new Error(`GET ${path}: ${response.status}`)
    return (await response.json()) as { data?: { id: string }[]; nextCursor?: string | null }
  }
  /** Walks `limit` entries (or all) page by page; every entry must come exactly once. */
  const walk = async (account: string, total: number, limit: number) => {
    const seen = new Set<string>()
    let read = 0
    const started = performance.now()
    let cursor: string | null | undefined = null
    do {
      const page = await get(
        account,
        `/billing/transactions?limit=${PAGE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      )
      for (const entry of page.data ?? []) seen.add(entry.id)
      read += page.data?.length ?? 0
      cursor = page.nextCursor
    } while (cursor && read < limit)
    const elapsed = performance.now() - started
    if (read !== seen.size || seen.size !== Math.min(limit, total)) {
      throw new Error(`${engine}: the walk read ${read} entries (${seen.size} distinct)`)
    }
    return { entries: seen.size, ms: elapsed }
  }
  const rows: Row[] = []
  const plans: [string, string][] = []
  for (const n of sizes) {
    const account = `history_${RUN}_${engine}_${size(n)}`
    console.error(
      `${engine}: seeding ${size(n)} entries... (${Math.round(performance.now() / 1000)} s)`,
    )
    const seeding = performance.now()
    await seedHistory(database, account, n, { from: FROM, to: NOW })
    await database.exec('VACUUM ANALYZE')
    const seedMs = performance.now() - seeding
    const seqAt = async (table: string, where: string, fraction: number) => {
      const [row] = await database.query<{ seq: string }>(
        `SELECT seq::text AS seq FROM ${table} WHERE account_id = $1 ${where}
         ORDER BY seq LIMIT 1 OFFSET $2`,
        [account, Math.floor(n * fraction)],
      )
      return row?.seq ?? '1'
    }
    // Deep: a tenth of the history from its oldest end (90% of it read past to get there).
    const deep = encodeCursor(await seqAt('payg_ledger', '', 0.1), 'transactions')
    const deepTopUp = encodeCursor(
      await seqAt('payg_ledger', "AND type = 'TOP_UP'", 0.001),
      'transactions',
    )
    const deepAttempt = encodeCursor(
      await seqAt('payg_top_up_attempts', "AND status IN ('SUCCEEDED', 'DECLINED')", 0.001),
      'top-ups',
    )
    console.error(
      `${engine} ${size(n)}: pages, walks, usage... (${Math.round(performance.now() / 1000)} s)`,
    )
    const tx = '/billing/transactions?limit=100'
    const row: Row = {
      size: n,
      seedMs,
      first: await median(() => get(account, tx)),
      deep: await median(() => get(account, `${tx}&cursor=${encodeURIComponent(deep)}`)),
      typeFirst: await median(() => get(account, `${tx}&type=TOP_UP`)),
      typeDeep: await median(() =>
        get(account, `${tx}&type=TOP_UP&cursor=${encodeURIComponent(deepTopUp)}`),
      ),
      topUpsFirst: await median(() => get(account, '/billing/top-ups?limit=100')),
      topUpsDeep: await median(() =>
        get(account, `/billing/top-ups?limit=100&cursor=${encodeURIComponent(deepAttempt)}`),
      ),
      walk: await walk(account, n, WALK),
      walkAll: n === sizes[sizes.length - 1] && n > WALK ? await walk(account, n, n) : null,
      usage30: await median(() => get(account, '/billing/usage?days=30')),
      usage5y: await median(() =>
        get(account, '/billing/usage?from=2021-12-01&to=2026-11-30&granularity=MONTH'),
      ),
      ledger5y: await median(() =>
        database.query(LEDGER_USAGE_SQL, [account, '2021-12-01', '2026-11-30']),
      ),
    }
    rows.push(row)
    if (n === 1_000_000) {
      const explain = async (label: string, sql: string, params: unknown[]) => {
        const plan = await database.query<{ 'QUERY PLAN': string }>(
          `EXPLAIN (ANALYZE, BUFFERS) ${sql}`,
          params,
        )
        plans.push([label, plan.map((line) => line['QUERY PLAN']).join('\n')])
      }
      const deepSeq = await seqAt('payg_ledger', '', 0.1)
      await explain('First page of transactions', transactionPageSql(false), [
        account,
        null,
        PAGE + 1,
      ])
      await explain('A page deep in the history', transactionPageSql(false), [
        account,
        deepSeq,
        PAGE + 1,
      ])
      await explain('First page of one type (TOP_UP, 1 entry in 100)', transactionPageSql(true), [
        account,
        null,
        PAGE + 1,
        'TOP_UP',
      ])
      await explain('First page of top-ups (1 settled attempt in 10)', TOP_UP_PAGE_SQL, [
        account,
        null,
        PAGE + 1,
      ])
      const months = usageBuckets({ from: '2021-12-01', to: '2026-11-30', granularity: 'MONTH' })
      await explain('Usage, 5 years by month (60 buckets, each a range of its days)', USAGE_SQL, [
        account,
        '2021-12-01',
        '2026-11-30',
        months.map((bucket) => bucket.date),
      ])
      await explain('Baseline: the same 5 years summed from the ledger', LEDGER_USAGE_SQL, [
        account,
        '2021-12-01',
        '2026-11-30',
      ])
    }
  }
  console.error(`${engine}: checking the ledger and its usage days...`)
  const ledger = await checkLedger(database)
  const days = await checkUsageDays(database)
  if (ledger.length > 0 || days.length > 0) {
    throw new Error(`${engine}: ${ledger.length} accounts, ${days.length} usage days disagree`)
  }
  return { rows, plans }
}

function table(engine: string, rows: Row[]): void {
  const header = [
    'entries',
    'seed s',
    'page 1',
    'deep page',
    'type p1',
    'type deep',
    'top-ups p1',
    'top-ups deep',
    '30 days',
    '5y months',
    '5y from ledger',
  ]
  const lines = [
    header,
    ...rows.map((r) => [
      size(r.size),
      (r.seedMs / 1000).toFixed(1),
      ms(r.first),
      ms(r.deep),
      ms(r.typeFirst),
      ms(r.typeDeep),
      ms(r.topUpsFirst),
      ms(r.topUpsDeep),
      ms(r.usage30),
      ms(r.usage5y),
      ms(r.ledger5y),
    ]),
  ]
  const widths = header.map((_, col) => Math.max(...lines.map((line) => line[col]?.length ?? 0)))
  console.log('')
  console.log(`${engine}: milliseconds per request (median of ${REPEAT}), pages of ${PAGE}`)
  lines.forEach((line, index) => {
    console.log(`  ${line.map((cell, col) => cell.padStart(widths[col] ?? 0)).join('  ')}`)
    if (index === 0) console.log(`  ${widths.map((w) => '-'.repeat(w)).join('  ')}`)
  })
  for (const r of rows) {
    const walks = [r.walk, ...(r.walkAll ? [r.walkAll] : [])]
    for (const w of walks) {
      console.log(
        `  walk of ${size(w.entries)} entries at ${size(r.size)}: ${ms(w.ms)} ms (${(
          (w.ms / w.entries) * PAGE
        ).toFixed(2)} ms a page)`,
      )
    }
  }
  const walk100k = rows.find((r) => r.walk.entries === WALK)?.walk
  const walkAll = rows.find((r) => r.walkAll)?.walkAll
  if (walk100k && walkAll) {
    console.log(
      `  walk of ${size(walkAll.entries)} / (${walkAll.entries / walk100k.entries} x the 100k walk): ${(walkAll.ms / ((walk100k.ms * walkAll.entries) / walk100k.entries)).toFixed(2)} (linear: 1)`,
    )
  }
}

async function main(): Promise<void> {
  const started = performance.now()
  const given = process.env.PAYG_BENCH_DATABASE_URL
  const cluster = given ? null : await startPostgres({ maxConnections: 50 })
  const results: [string, Awaited<ReturnType<typeof benchEngine>>][] = []
  let version = '?'
  try {
    const database = postgres({ connectionString: given ?? (cluster?.url as string), max: 4 })
    try {
      const [row] = await database.query<{ v: string }>(
        "SELECT current_setting('server_version') AS v",
      )
      version = row?.v ?? '?'
      results.push(['PostgreSQL', await benchEngine('PostgreSQL', database, SIZES)])
    } finally {
      await database.close()
    }
  } finally {
    cluster?.stop()
  }
  const lite = pglite()
  try {
    results.push(['PGlite', await benchEngine('PGlite', lite, PGLITE_SIZES)])
  } finally {
    await lite.close()
  }
  console.log('')
  console.log(
    `@payg-kit/server history benchmark: one account's history of 10k to 1M entries over 5 years; PostgreSQL ${version} (${given ? 'PAYG_BENCH_DATABASE_URL' : 'throwaway cluster on 127.0.0.1, fsync off'}), PGlite in memory`,
  )
  for (const [engine, { rows }] of results) table(engine, rows)
  for (const [engine, { plans }] of results) {
    for (const [label, plan] of plans) {
      console.log('')
      console.log(`${engine}, 1M entries: ${label}`)
      console.log(plan.replace(/^/gm, '  '))
    }
  }
  console.log('')
  console.log(
    `Every walk saw each entry once; the ledger invariant (checkLedger) and the usage days (checkUsageDays) hold on both. Took ${Math.round((performance.now() - started) / 1000)} s.`,
  )
}

await main()
