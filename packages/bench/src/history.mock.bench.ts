// `pnpm bench:history:mock`: what a long history costs in the mock (@payg-kit/msw), issue 12
// section 3. At 10k, 100k and 1M ledger entries it prints the time of one page of
// `GET /billing/transactions` (newest, and the median over a walk), the time to walk every
// entry 100 at a time (all types, and only TOP_UP), a usage report over 30 days and over 5 years,
// and the bytes each entry holds after a full GC (JS heap plus typed-array buffers). Requests go
// through the mock's msw handler of each path (msw's `getResponse`, no network; msw's matching
// over all of the mock's ~50 handlers adds a fixed 2-6 ms a request on this machine, the same at
// any history size, so it is left out). It is not a test: it exits 0
// unless something is broken (a walk that skips or repeats an entry, a report that does not add
// up). Run with `node --expose-gc` (the package script does) so the memory figures are after GC.
//
// Flags: --sizes 10000,100000 (or BENCH_HISTORY_SIZES; default 10k, 100k and 1M).

import { createPaygMock, type PaygMock } from '@payg-kit/msw'
import { getResponse, type RequestHandler } from 'msw'

const NOW = new Date('2026-06-15T12:00:00Z')
const BASE = 'https://bench.payg.test/v1'
/** The history spans six years, so a five-year report reads a full history. */
const HISTORY_DAYS = 6 * 365
const PAGE = 100

function sizes(): number[] {
  const argv = process.argv.slice(2)
  const at = argv.indexOf('--sizes')
  const raw = at >= 0 ? argv[at + 1] : process.env.BENCH_HISTORY_SIZES
  if (raw === undefined) return [10_000, 100_000, 1_000_000]
  const list = raw.split(',').map(Number)
  if (!list.every((n) => Number.isInteger(n) && n > 0)) throw new Error('--sizes wants integers')
  return list
}

/**
 * Milliseconds of this process's CPU time: the machine may be shared, and the bench runs on one
 * thread, so CPU time is what the work costs, however busy the other cores are.
 */
function cpuNow(): number {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}

const gc = (globalThis as { gc?: () => void }).gc
function heap(): { js: number; buffers: number } {
  gc?.()
  gc?.()
  const usage = process.memoryUsage()
  return { js: usage.heapUsed, buffers: usage.arrayBuffers }
}

/** The mock's handler of a GET path: requests go to it alone, as msw finds it among the rest. */
function handlerOf(mock: PaygMock, path: string): RequestHandler {
  const url = `${BASE}${path.split('?')[0]}`
  const handler = mock.handlers.find((candidate) => {
    const info = candidate.info as { method?: unknown; path?: unknown }
    return info.method === 'GET' && info.path === url
  })
  if (!handler) throw new Error(`no handler for GET ${url}`)
  return handler
}

async function get<T>(mock: PaygMock, path: string): Promise<T> {
  const response = await getResponse([handlerOf(mock, path)], new Request(`${BASE}${path}`))
  if (!response) throw new Error(`GET ${path}: no handler answered`)
  if (response.status !== 200) {
    throw new Error(`GET ${path}: ${response.status} ${await response.text()}`)
  }
  return (await response.json()) as T
}

interface TransactionList {
  data: Array<{ id: string; amount: string; type: string }>
  nextCursor: string | null
}

/** Walks every page of a list; returns the ids in order and each page's time. */
async function walk(
  mock: PaygMock,
  query: string,
): Promise<{ count: number; unique: number; ms: number; pageMs: number[] }> {
  const seen = new Set<string>()
  const pageMs: number[] = []
  let count = 0
  let cursor: string | null = null
  const started = cpuNow()
  do {
    const at = cpuNow()
    const suffix: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''
    const page: TransactionList = await get(mock, `/billing/transactions?${query}${suffix}`)
    pageMs.push(cpuNow() - at)
    for (const entry of page.data) seen.add(entry.id)
    count += page.data.length
    cursor = page.nextCursor
  } while (cursor)
  return { count, unique: seen.size, ms: cpuNow() - started, pageMs }
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

/** The median of `runs` timed calls, after a few warm-up calls. */
async function timed(runs: number, op: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await op()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = cpuNow()
    await op()
    times.push(cpuNow() - started)
  }
  return median(times)
}

const day = (offset: number) =>
  new Date(Date.parse(NOW.toISOString().slice(0, 10)) + offset * 86_400_000)
    .toISOString()
    .slice(0, 10)

interface Row {
  size: number
  buildMs: number
  bytesJs: number
  bytesTotal: number
  firstPageMs: number
  walkPageMs: number
  walkMs: number
  topUpWalkMs: number
  topUps: number
  usage30Ms: number
  usage5yMs: number
}

async function measure(size: number): Promise<Row> {
  // Let the previous size's mock go first, so that its release is not counted against this one.
  await new Promise((resolve) => setTimeout(resolve, 100))
  heap()
  const mock = createPaygMock({
    baseUrl: BASE,
    now: NOW,
    scenario: { description: 'A long history.', account: { freeCredit: 0 } },
  })
  await get(mock, '/billing/balance')
  const before = heap()
  const built = cpuNow()
  mock.ledger.appendHistory(size, HISTORY_DAYS)
  const buildMs = cpuNow() - built
  const after = heap()
  const entries = mock.ledger.entryCount
  const bytesJs = (after.js - before.js) / entries
  const bytesTotal = (after.js + after.buffers - before.js - before.buffers) / entries

  const firstPageMs = await timed(50, () => get(mock, `/billing/transactions?limit=${PAGE}`))
  const all = await walk(mock, `limit=${PAGE}`)
  if (all.count !== entries || all.unique !== entries) {
    throw new Error(`walk saw ${all.count} entries (${all.unique} distinct) of ${entries}`)
  }
  const topUps = mock.ledger.topUps.length
  const topUpWalk = await walk(mock, `limit=${PAGE}&type=TOP_UP`)
  if (topUpWalk.count !== topUps || topUpWalk.unique !== topUps) {
    throw new Error(`TOP_UP walk saw ${topUpWalk.count} of ${topUps}`)
  }

  type Usage = { total: string; buckets: unknown[] }
  const usage30Ms = await timed(20, () => get<Usage>(mock, '/billing/usage'))
  const fiveYears = `/billing/usage?from=${day(-5 * 365)}&to=${day(0)}&granularity=WEEK`
  const usage5yMs = await timed(20, () => get<Usage>(mock, fiveYears))
  // The report adds up: five years of weeks against the USAGE entries of those days.
  const report = await get<Usage>(mock, fiveYears)
  const from = Date.parse(`${day(-5 * 365)}T00:00:00Z`)
  let spent = 0n
  // Page by page (not `ledger.entries`, which would hold every entry as an object at once).
  let cursor: { seq: number; id: string } | undefined
  for (;;) {
    const page = mock.ledger.transactionPage({ type: 'USAGE', limit: 1000, before: cursor })
    if (!page) throw new Error('a USAGE page was refused')
    for (const entry of page.entries) if (entry.createdAt.getTime() >= from) spent -= entry.amount
    const last = page.entries.at(-1)
    if (!page.more || !last) break
    cursor = { seq: page.lastSeq, id: last.id }
  }
  const reported = BigInt(Math.round(Number(report.total) * 1e6))
  if (reported !== spent) throw new Error(`5-year usage ${report.total} is not ${spent} micros`)

  return {
    size: entries,
    buildMs,
    bytesJs,
    bytesTotal,
    firstPageMs,
    walkPageMs: median(all.pageMs),
    walkMs: all.ms,
    topUpWalkMs: topUpWalk.ms,
    topUps,
    usage30Ms,
    usage5yMs,
  }
}

const int = (n: number): string => Math.round(n).toLocaleString('en-US')
const ms = (n: number): string => (n < 10 ? n.toFixed(3) : n < 1000 ? n.toFixed(1) : int(n))

function table(rows: string[][]): void {
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((row) => row[col]?.length ?? 0)))
  rows.forEach((row, index) => {
    const cells = row.map((cell, col) =>
      col === 0 ? cell.padEnd(widths?.[col] ?? 0) : cell.padStart(widths?.[col] ?? 0),
    )
    console.log(`  ${cells.join('  ')}`)
    if (index === 0) console.log(`  ${(widths ?? []).map((w) => '-'.repeat(w)).join('  ')}`)
  })
}

async function main(): Promise<void> {
  if (!gc) console.error('(no --expose-gc: the memory figures include garbage)')
  const rows: Row[] = []
  for (const size of sizes()) {
    console.error(`  building and walking ${int(size)} entries...`)
    rows.push(await measure(size))
  }
  console.log(`\nMock history (@payg-kit/msw), pages of ${PAGE}, CPU ms, node ${process.version}`)
  table([
    [
      'entries',
      'build ms',
      'page ms',
      'walk page ms',
      'walk ms',
      'TOP_UP walk ms',
      'usage 30d ms',
      'usage 5y ms',
      'heap B/entry',
      'heap+buffers B/entry',
    ],
    ...rows.map((row) => [
      int(row.size),
      ms(row.buildMs),
      ms(row.firstPageMs),
      ms(row.walkPageMs),
      ms(row.walkMs),
      `${ms(row.topUpWalkMs)} (${int(row.topUps)})`,
      ms(row.usage30Ms),
      ms(row.usage5yMs),
      int(row.bytesJs),
      int(row.bytesTotal),
    ]),
  ])
  const near = (n: number) => rows.find((row) => Math.abs(row.size - n) / n < 0.01)
  const big = near(1_000_000)
  const mid = near(100_000)
  if (big && mid) {
    const ratio = big.walkMs / (10 * mid.walkMs)
    console.log(
      `\n  1M walk / (10 x 100k walk): ${ratio.toFixed(2)} (${ms(big.walkMs)} ms against ${ms(10 * mid.walkMs)} ms; target within 2x)`,
    )
  }
}

await main()
