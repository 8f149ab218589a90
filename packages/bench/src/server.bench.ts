// `pnpm bench:server`: what a charge costs on @payg-kit/server (issue 11, section 9). It prints
// charges per second and p50/p99 latency of the platform's charge (`createBillingServer(...)
// .ledger.charge`) on a real PostgreSQL and on PGlite, for 1 and 50 concurrent clients on one
// account and spread over many accounts, next to the mock's in-memory engine (@payg-kit/msw); how
// throughput grows with the pool's connections; and one read path, GET /billing/balance, through
// real HTTP on loopback. Ratios are against baselines measured in the same run. It is not a test:
// it exits 0 unless something is broken (a charge that fails, or a ledger that does not add up).
//
// PostgreSQL: a throwaway cluster (Debian's binaries, 127.0.0.1, a free port, a temporary folder,
// removed afterwards) with PostgreSQL's durable defaults (fsync and synchronous_commit on), or the
// server at PAYG_BENCH_DATABASE_URL (the bench then leaves its `bench_<run>_...` accounts there:
// use a throwaway database). PGlite: a data folder in a temporary folder, as `pglite(dir)` persists.
//
// Flags: --charges N (or BENCH_CHARGES; default 2,000 per case), --accounts N (BENCH_ACCOUNTS;
// default 1,000), --quick (200 charges per case, 100 accounts: a smoke run).

import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { arch, cpus, loadavg, platform, tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { toNodeListener } from '@payg-kit/core/proxy'
import { createPaygMock, type PaygMock } from '@payg-kit/msw'
import {
  type BillingServer,
  checkLedger,
  createBillingServer,
  type Database,
  pglite,
  postgres,
} from '@payg-kit/server'
import { startPostgres } from '../../server/test/cluster.ts'

// ---------------------------------------------------------------------------------------------
// Knobs

function option(flag: string, env: string): number | undefined {
  const argv = process.argv.slice(2)
  const at = argv.indexOf(flag)
  const raw = at >= 0 ? argv[at + 1] : process.env[env]
  if (raw === undefined) return undefined
  const value = Number(raw)
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${flag} wants a positive integer`)
  return value
}

const QUICK = process.argv.includes('--quick')
const CHARGES = option('--charges', 'BENCH_CHARGES') ?? (QUICK ? 200 : 2000)
const ACCOUNTS = option('--accounts', 'BENCH_ACCOUNTS') ?? (QUICK ? 100 : 1000)
const WARMUP = Math.max(20, Math.round(CHARGES / 10))
const MANY = 50
const POOL_SIZES = [1, 2, 5, 10, 25, 50]
/** One charge: one credit of the mock's price list, $0.0012. */
const COST = '0.0012'
/** Enough credit for every charge the run makes on one account. */
const CREDIT = '1000000'
const RUN = Date.now().toString(36)

// ---------------------------------------------------------------------------------------------
// Measuring

interface Figures {
  /** Operations per second over the whole case (wall clock). */
  rate: number
  p50: number
  p99: number
  /** This process's CPU time over the wall time (1 = one core busy): the load side's share. */
  cpu: number
}

/** Runs `op(0..total-1)` from `clients` concurrent callers; each call's latency is kept. */
async function measure(
  total: number,
  clients: number,
  op: (i: number) => Promise<unknown>,
): Promise<Figures> {
  const latencies = new Float64Array(total)
  let next = 0
  const worker = async () => {
    for (let i = next++; i < total; i = next++) {
      const started = performance.now()
      await op(i)
      latencies[i] = performance.now() - started
    }
  }
  const started = performance.now()
  const cpuBefore = process.cpuUsage()
  await Promise.all(Array.from({ length: Math.min(clients, total) }, worker))
  const seconds = (performance.now() - started) / 1000
  const cpu = process.cpuUsage(cpuBefore)
  latencies.sort()
  const at = (q: number) => latencies[Math.min(total - 1, Math.floor(q * total))] ?? 0
  const cpuShare = (cpu.user + cpu.system) / 1e6 / seconds
  return { rate: total / seconds, p50: at(0.5), p99: at(0.99), cpu: cpuShare }
}

/** A warm-up of `WARMUP` operations (not counted), then `CHARGES` measured ones. */
async function bench(
  clients: number,
  op: (i: number, phase: 'warm' | 'run') => Promise<unknown>,
): Promise<Figures> {
  await measure(WARMUP, clients, (i) => op(i, 'warm'))
  return measure(CHARGES, clients, (i) => op(i, 'run'))
}

// ---------------------------------------------------------------------------------------------
// Output

const int = (n: number): string => Math.round(n).toLocaleString('en-US')
const ms = (n: number): string => (n < 10 ? n.toFixed(2) : n.toFixed(1))
/** `n` against `base`: `2.4x` as fast, `0.63x`, or `1/76` of it when far slower. */
const times = (n: number, base: number): string => {
  const ratio = n / base
  if (ratio < 0.1) return `1/${int(1 / ratio)}`
  return `${ratio >= 10 ? int(ratio) : ratio >= 1 ? ratio.toFixed(1) : ratio.toFixed(2)}x`
}

function table(rows: string[][], rightAligned: number[]): void {
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((row) => row[col]?.length ?? 0)))
  rows.forEach((row, index) => {
    const cells = row.map((cell, col) => {
      const width = widths?.[col] ?? 0
      return rightAligned.includes(col) ? cell.padStart(width) : cell.padEnd(width)
    })
    console.log(`  ${cells.join('  ').trimEnd()}`)
    if (index === 0) console.log(`  ${(widths ?? []).map((w) => '-'.repeat(w)).join('  ')}`)
  })
}

function progress(label: string, figures: Figures): Figures {
  console.error(
    `  ${label}: ${int(figures.rate)}/s, p50 ${ms(figures.p50)} ms, p99 ${ms(figures.p99)} ms`,
  )
  return figures
}

// ---------------------------------------------------------------------------------------------
// The engines

interface ChargeCases {
  oneAccount1: Figures
  oneAccount50: Figures
  spread1: Figures
  spread50: Figures
}

const accountIds = (engine: string) => ({
  one: `bench_${RUN}_${engine}_one`,
  spread: Array.from({ length: ACCOUNTS }, (_, i) => `bench_${RUN}_${engine}_${i}`),
})

/** The server on `database` (a fresh one per case on PostgreSQL, to size its pool). */
function billingOn(database: Database): BillingServer {
  return createBillingServer({
    database,
    authenticate: (request) => request.headers.get('x-bench-account'),
  })
}

/** Opens the accounts with enough credit, `clients` at a time. */
async function openAccounts(billing: BillingServer, ids: string[], clients: number) {
  let next = 0
  const worker = async () => {
    for (let i = next++; i < ids.length; i = next++) {
      await billing.ledger.openAccount(ids[i] as string, { freeCredit: CREDIT })
    }
  }
  await Promise.all(Array.from({ length: clients }, worker))
}

/** The four charge cases on one server: one account and spread, 1 and 50 clients. */
async function chargeCases(
  engine: string,
  serverFor: (clients: number) => { billing: BillingServer; done(): Promise<void> },
): Promise<ChargeCases> {
  const ids = accountIds(engine)
  const run = async (clients: number, account: (i: number) => string, name: string) => {
    const { billing, done } = serverFor(clients)
    try {
      return progress(
        `${engine} ${name}, ${clients} client(s)`,
        await bench(clients, (i, phase) =>
          billing.ledger.charge(account(i), COST, `${name}-${clients}-${phase}-${i}`, {
            service: 'IMAGE_GENERATION',
          }),
        ),
      )
    } finally {
      await done()
    }
  }
  const spread = (i: number) => ids.spread[i % ids.spread.length] as string
  return {
    oneAccount1: await run(1, () => ids.one, 'one'),
    oneAccount50: await run(MANY, () => ids.one, 'one'),
    spread1: await run(1, spread, 'spread'),
    spread50: await run(MANY, spread, 'spread'),
  }
}

/** GET /billing/balance through real HTTP on loopback, over the spread accounts. */
async function balanceReads(engine: string, billing: BillingServer, clients: number) {
  const ids = accountIds(engine).spread
  const server: Server = createServer(toNodeListener(billing))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/billing/balance`
  try {
    return progress(
      `${engine} GET /billing/balance, ${clients} client(s)`,
      await bench(clients, async (i) => {
        const response = await fetch(url, {
          headers: { 'x-bench-account': ids[i % ids.length] as string },
        })
        if (response.status !== 200) throw new Error(`GET /billing/balance: ${response.status}`)
        await response.json()
      }),
    )
  } finally {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
}

async function assertLedger(engine: string, database: Database): Promise<void> {
  const mismatches = await checkLedger(database)
  if (mismatches.length > 0)
    throw new Error(`${engine}: ${mismatches.length} accounts do not add up`)
}

interface PostgresFigures {
  version: string
  charges: ChargeCases
  pools: Figures[]
  reads: [Figures, Figures]
}

async function benchPostgres(url: string): Promise<PostgresFigures> {
  const admin = postgres({ connectionString: url, max: MANY })
  const setup = billingOn(admin)
  const ids = accountIds('pg')
  await openAccounts(setup, [ids.one, ...ids.spread], MANY)
  const [{ version } = { version: '?' }] = await admin.query<{ version: string }>(
    "SELECT current_setting('server_version') || ', fsync ' || current_setting('fsync') || ', synchronous_commit ' || current_setting('synchronous_commit') AS version",
  )
  const serverFor = (max: number) => {
    const database = postgres({ connectionString: url, max })
    return { billing: billingOn(database), done: () => database.close() }
  }
  try {
    const charges = await chargeCases('pg', serverFor)
    const pools: Figures[] = []
    for (const size of POOL_SIZES) {
      const { billing, done } = serverFor(size)
      try {
        pools.push(
          progress(
            `pg pool ${size}, spread`,
            await bench(size, (i, phase) =>
              billing.ledger.charge(
                ids.spread[i % ids.spread.length] as string,
                COST,
                `pool-${size}-${phase}-${i}`,
                { service: 'IMAGE_GENERATION' },
              ),
            ),
          ),
        )
      } finally {
        await done()
      }
    }
    const reads: [Figures, Figures] = [
      await balanceReads('pg', setup, 1),
      await balanceReads('pg', setup, MANY),
    ]
    await assertLedger('PostgreSQL', admin)
    return { version, charges, pools, reads }
  } finally {
    await admin.close()
  }
}

async function benchPglite(): Promise<{ charges: ChargeCases; reads: [Figures, Figures] }> {
  const dir = mkdtempSync(join(tmpdir(), 'payg-bench-pglite-'))
  const database = pglite(join(dir, 'data'))
  try {
    const billing = billingOn(database)
    const ids = accountIds('pglite')
    await openAccounts(billing, [ids.one, ...ids.spread], 1)
    // One PGlite, one connection: the clients share it, as the requests of one process would.
    const charges = await chargeCases('pglite', () => ({ billing, done: async () => {} }))
    const reads: [Figures, Figures] = [
      await balanceReads('pglite', billing, 1),
      await balanceReads('pglite', billing, MANY),
    ]
    await assertLedger('PGlite', database)
    return { charges, reads }
  } finally {
    await database.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

function mockAccount(): PaygMock {
  return createPaygMock({
    scenario: {
      description: 'A benchmark account.',
      account: { createdDaysAgo: 0, freeCredit: Number(CREDIT), balance: CREDIT },
    },
  })
}

/** The mock's in-memory engine: one `createPaygMock` per account, charged a priced request. */
async function benchMock(): Promise<ChargeCases> {
  const one = mockAccount()
  const spread = Array.from({ length: ACCOUNTS }, mockAccount)
  const priced = {
    service: 'IMAGE_GENERATION',
    modelKey: 'SDXL',
    credits: 1n,
    description: 'Benchmark charge',
  } as const
  const charge = async (mock: PaygMock, key: string) => {
    const result = mock.ledger.charge(priced, key)
    if (!result.ok) throw new Error(`mock charge refused: ${result.error.code}`)
  }
  const run = async (clients: number, pick: (i: number) => PaygMock, name: string) =>
    progress(
      `mock ${name}, ${clients} client(s)`,
      await bench(clients, (i, phase) => charge(pick(i), `${name}-${clients}-${phase}-${i}`)),
    )
  const spreadPick = (i: number) => spread[i % spread.length] as PaygMock
  return {
    oneAccount1: await run(1, () => one, 'one'),
    oneAccount50: await run(MANY, () => one, 'one'),
    spread1: await run(1, spreadPick, 'spread'),
    spread50: await run(MANY, spreadPick, 'spread'),
  }
}

// ---------------------------------------------------------------------------------------------
// The run

async function main(): Promise<void> {
  const started = performance.now()
  const given = process.env.PAYG_BENCH_DATABASE_URL
  const cluster = given ? null : await startPostgres({ maxConnections: 200, durable: true })
  let pg: PostgresFigures
  try {
    console.error('PostgreSQL...')
    pg = await benchPostgres(given ?? (cluster?.url as string))
  } finally {
    cluster?.stop()
  }
  console.error('PGlite...')
  const lite = await benchPglite()
  console.error('mock...')
  const mock = await benchMock()

  const cpu = cpus()
  console.log('')
  console.log(
    `@payg-kit/server benchmark: ${int(CHARGES)} operations per case (after ${int(WARMUP)} warm-up), ${int(ACCOUNTS)} accounts when spread`,
  )
  console.log(
    `Node ${process.version} on ${platform()}/${arch()}, ${cpu.length} x ${cpu[0]?.model.trim() ?? 'unknown CPU'}, load average ${loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')} at the end`,
  )
  console.log(
    `PostgreSQL ${pg.version} (${given ? 'PAYG_BENCH_DATABASE_URL' : 'throwaway cluster on 127.0.0.1'}); PGlite in a data folder; the load runs in this one Node process`,
  )
  console.log('')
  console.log('ledger.charge ($0.0012, unique key each): one account, or spread over the accounts')
  console.log(
    '  (PostgreSQL: a pool of as many connections as clients; PGlite: one connection shared)',
  )
  const base = pg.charges.oneAccount1.rate
  const rows: string[][] = [
    ['engine', 'accounts', 'clients', 'charges/s', 'p50 ms', 'p99 ms', 'vs PG 1 client', 'vs mock'],
  ]
  const cases: [keyof ChargeCases, string, number][] = [
    ['oneAccount1', '1', 1],
    ['oneAccount50', '1', MANY],
    ['spread1', int(ACCOUNTS), 1],
    ['spread50', int(ACCOUNTS), MANY],
  ]
  for (const [name, figures] of [
    ['PostgreSQL', pg.charges],
    ['PGlite', lite.charges],
    ['mock (in memory)', mock],
  ] as const) {
    for (const [key, accounts, clients] of cases) {
      const f = figures[key]
      rows.push([
        name,
        accounts,
        String(clients),
        int(f.rate),
        ms(f.p50),
        ms(f.p99),
        times(f.rate, base),
        times(f.rate, mock[key].rate),
      ])
    }
  }
  table(rows, [1, 2, 3, 4, 5, 6, 7])

  console.log('')
  console.log(
    `Throughput with connections: PostgreSQL, ledger.charge spread over ${int(ACCOUNTS)} accounts, one client per connection`,
  )
  const poolBase = pg.pools[0]?.rate ?? 1
  const poolRows: string[][] = [
    ['pool', 'charges/s', 'p50 ms', 'p99 ms', 'vs pool 1', 'vs mock', 'Node CPU'],
  ]
  POOL_SIZES.forEach((size, index) => {
    const f = pg.pools[index] as Figures
    poolRows.push([
      String(size),
      int(f.rate),
      ms(f.p50),
      ms(f.p99),
      times(f.rate, poolBase),
      times(f.rate, mock.spread50.rate),
      `${Math.round(f.cpu * 100)}%`,
    ])
  })
  table(poolRows, [0, 1, 2, 3, 4, 5, 6])
  console.log(
    "  (Node CPU: this process's CPU time over wall time; near 100% the load side, not the database, is the ceiling)",
  )

  console.log('')
  console.log(
    `GET /billing/balance through HTTP on 127.0.0.1 (node:http + fetch), spread over ${int(ACCOUNTS)} accounts`,
  )
  const readBase = pg.reads[0].rate
  const readRows: string[][] = [
    ['engine', 'clients', 'reads/s', 'p50 ms', 'p99 ms', 'vs PG 1 client'],
  ]
  for (const [name, reads] of [
    ['PostgreSQL', pg.reads],
    ['PGlite', lite.reads],
  ] as const) {
    reads.forEach((f, index) => {
      readRows.push([
        name,
        String(index === 0 ? 1 : MANY),
        int(f.rate),
        ms(f.p50),
        ms(f.p99),
        times(f.rate, readBase),
      ])
    })
  }
  table(readRows, [1, 2, 3, 4, 5])
  console.log('')
  console.log(
    `Ledger invariant (checkLedger) holds on both databases. Took ${Math.round((performance.now() - started) / 1000)} s.`,
  )
}

await main()
