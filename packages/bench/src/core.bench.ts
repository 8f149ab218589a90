// `pnpm bench:core`: what @payg-kit/core costs next to the official `@leonardo-ai/sdk`, measured
// side by side in one run (issue 2, section 6). It prints figures; it is not a test and always
// exits 0 unless something is broken (a call that fails is a bug, not a figure).
//
// 1. Bundle size: min+gzip bytes of the same small browser app (balance + image cost estimate,
//    formatted) built with esbuild against each library. Target: core <= 1/10 of the SDK.
// 2. Throughput: sequential balance calls per second against a stub `fetch` that returns a fresh
//    `Response` each call, next to raw `fetch` + `json()`. Target: core >= 3x the SDK.
//
// Knobs (environment): BENCH_ROUNDS (5), BENCH_ROUND_MS (2000), BENCH_WARMUP_MS (1000).

import { createRequire } from 'node:module'
import { arch, cpus, platform } from 'node:os'
import { dirname, relative, sep } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { Leonardo } from '@leonardo-ai/sdk'
import { HTTPClient } from '@leonardo-ai/sdk/lib/http.js'
import { createPaygClient } from '@payg-kit/core'
import * as esbuild from 'esbuild'

const BUNDLE_TARGET_MAX_RATIO = 1 / 10
const THROUGHPUT_TARGET_MIN_RATIO = 3

const ROUNDS = envInt('BENCH_ROUNDS', 5)
const ROUND_MS = envInt('BENCH_ROUND_MS', 2000)
const WARMUP_MS = envInt('BENCH_WARMUP_MS', 1000)

const BENCH_DIR = dirname(dirname(fileURLToPath(import.meta.url)))
const REPO_DIR = dirname(dirname(BENCH_DIR))
const BASE_URL = 'https://api.bench.invalid/api/rest/v1'
const API_KEY = 'bench-api-key'

function envInt(name: string, fallback: number): number {
  const value = Number(process.env[name])
  return Number.isInteger(value) && value > 0 ? value : fallback
}

// ---------------------------------------------------------------------------------------------
// Output helpers

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(2)} kB`
const int = (n: number): string => Math.round(n).toLocaleString('en-US')
const verdict = (pass: boolean): string => (pass ? 'PASS' : 'MISS')

function table(rows: string[][], rightAligned: number[] = []): void {
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((row) => row[col]?.length ?? 0)))
  for (const row of rows) {
    const cells = row.map((cell, col) => {
      const width = widths?.[col] ?? 0
      return rightAligned.includes(col) ? cell.padStart(width) : cell.padEnd(width)
    })
    console.log(`  ${cells.join('  ').trimEnd()}`)
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  const hi = sorted[mid] ?? 0
  return sorted.length % 2 === 1 ? hi : ((sorted[mid - 1] ?? 0) + hi) / 2
}

// ---------------------------------------------------------------------------------------------
// 1. Bundle size

interface BundleFigures {
  minified: number
  gzipped: number
  /** Minified bytes in the output per package (node_modules) or per workspace source file. */
  composition: Map<string, number>
}

async function measureBundle(entry: string): Promise<BundleFigures> {
  const result = await esbuild.build({
    absWorkingDir: BENCH_DIR,
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
  })
  const output = result.outputFiles[0]
  if (!output) throw new Error(`esbuild produced no output for ${entry}`)
  const composition = new Map<string, number>()
  for (const out of Object.values(result.metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(out.inputs)) {
      const key = ownerOf(input)
      composition.set(key, (composition.get(key) ?? 0) + bytesInOutput)
    }
  }
  return {
    minified: output.contents.byteLength,
    gzipped: gzipSync(output.contents, { level: 9 }).byteLength,
    composition,
  }
}

/** `node_modules/.pnpm/x@1/node_modules/@scope/pkg/lib/a.js` -> `@scope/pkg`; else the file. */
function ownerOf(input: string): string {
  const marker = 'node_modules/'
  const at = input.lastIndexOf(marker)
  if (at === -1) return relative(REPO_DIR, `${BENCH_DIR}${sep}${input}`).split(sep).join('/')
  const parts = input.slice(at + marker.length).split('/')
  return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? input)
}

function printComposition(label: string, figures: BundleFigures, top: number): void {
  const total = [...figures.composition.values()].reduce((a, b) => a + b, 0)
  const entries = [...figures.composition.entries()].sort((a, b) => b[1] - a[1])
  const shown = entries.slice(0, top)
  const rest = entries.slice(top).reduce((sum, [, bytes]) => sum + bytes, 0)
  console.log(`  ${label} (minified bytes by input, before gzip):`)
  const rows = shown.map(([name, bytes]) => [
    `    ${name}`,
    int(bytes),
    `${((bytes / total) * 100).toFixed(1)}%`,
  ])
  if (rest > 0) {
    rows.push([
      `    (${entries.length - top} more)`,
      int(rest),
      `${((rest / total) * 100).toFixed(1)}%`,
    ])
  }
  table(rows, [1, 2])
}

async function benchBundles(): Promise<void> {
  console.log('\n1. Bundle size: balance + image cost estimate + formatting, one browser app')
  console.log('   (esbuild bundle, minify, esm, platform browser; gzip level 9)\n')
  const [core, sdk] = await Promise.all([
    measureBundle('./src/fixtures/core-app.ts'),
    measureBundle('./src/fixtures/sdk-app.ts'),
  ])
  const ratio = core.gzipped / sdk.gzipped
  const budget = Math.floor(sdk.gzipped * BUNDLE_TARGET_MAX_RATIO)
  table(
    [
      ['app', 'minified', 'min+gzip', ''],
      ['@payg-kit/core', int(core.minified), int(core.gzipped), kb(core.gzipped)],
      ['@leonardo-ai/sdk', int(sdk.minified), int(sdk.gzipped), kb(sdk.gzipped)],
    ],
    [1, 2, 3],
  )
  const pass = core.gzipped <= budget
  console.log(
    `\n  core / SDK (min+gzip): ${ratio.toFixed(3)} = 1/${(1 / ratio).toFixed(1)}` +
      `   target <= 1/10 (budget ${int(budget)} B): ${verdict(pass)}` +
      (pass
        ? ` (${int(budget - core.gzipped)} B to spare)`
        : ` (${int(core.gzipped - budget)} B over, ${(core.gzipped / budget).toFixed(2)}x the budget)`),
  )
  console.log('')
  printComposition('core app', core, pass ? 5 : 10)
  printComposition('SDK app', sdk, 3)
}

// ---------------------------------------------------------------------------------------------
// 2. Throughput

// `GET /billing/balance` as the billing extension answers it.
const BALANCE_BODY = JSON.stringify({
  balance: '12.4567',
  currency: 'USD',
  billingModel: 'PAYG',
  credits: null,
  state: 'OK',
  lowBalanceThreshold: null,
  autoTopUpEnabled: false,
  updatedAt: '2026-11-26T00:00:00.000Z',
})

// `GET /me` as Leonardo answers it. `apiPaidTokens` is a whole number here because the SDK's
// response schema declares it an integer and rejects a fractional one (ResponseValidationError).
const ME_BODY = JSON.stringify({
  user_details: [
    {
      user: { id: '5b3c1f0e-8a4d-4c2b-9f1e-2d7a6c3b9e01', username: 'studio-artemis' },
      tokenRenewalDate: null,
      paidTokens: 0,
      subscriptionTokens: 150,
      subscriptionGptTokens: 0,
      subscriptionModelTokens: 0,
      apiConcurrencySlots: 10,
      apiSubscriptionTokens: 0,
      apiPaidTokens: 12,
      apiPlanTokenRenewalDate: null,
    },
  ],
})

type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>

/** A `fetch` that answers `GET <path>` with a fresh JSON `Response` each call, anything else 404. */
function stubFetch(path: string, body: string): Fetch {
  return (input, init) => {
    const request = input instanceof Request ? input : null
    const url = request ? request.url : String(input)
    const method = init?.method ?? request?.method ?? 'GET'
    const hit = method === 'GET' && url.endsWith(path)
    return Promise.resolve(
      new Response(hit ? body : '{"message":"not stubbed"}', {
        status: hit ? 200 : 404,
        headers: { 'content-type': 'application/json' },
      }),
    )
  }
}

interface Contender {
  name: string
  call: () => Promise<unknown>
  /** Checks one result, so the loop measures successful calls only. */
  check: (result: unknown) => boolean
  samples: number[]
}

function contenders(): Contender[] {
  const rawFetch = stubFetch('/billing/balance', BALANCE_BODY)
  const raw: Contender = {
    name: 'raw fetch + json()',
    call: async () => {
      const response = await rawFetch(`${BASE_URL}/billing/balance`, {
        headers: { accept: 'application/json', authorization: `Bearer ${API_KEY}` },
      })
      if (!response.ok) throw new Error(`raw fetch: HTTP ${response.status}`)
      return response.json()
    },
    check: (r) => (r as { balance?: unknown }).balance === '12.4567',
    samples: [],
  }

  const client = createPaygClient({
    baseUrl: BASE_URL,
    apiKey: API_KEY,
    fetch: stubFetch('/billing/balance', BALANCE_BODY),
  })
  const core: Contender = {
    name: '@payg-kit/core getBalance()',
    call: () => client.getBalance(),
    check: (r) => {
      const info = r as Awaited<ReturnType<typeof client.getBalance>>
      return info.balance.amount === '12.4567' && info.balance.unit === 'USD'
    },
    samples: [],
  }

  const leonardo = new Leonardo({
    bearerAuth: API_KEY,
    serverURL: BASE_URL,
    httpClient: new HTTPClient({ fetcher: stubFetch('/me', ME_BODY) }),
  })
  const sdk: Contender = {
    name: '@leonardo-ai/sdk getUserSelf()',
    call: () => leonardo.user.getUserSelf(),
    check: (r) => {
      const res = r as Awaited<ReturnType<typeof leonardo.user.getUserSelf>>
      return res.statusCode === 200 && res.object?.userDetails?.[0]?.apiPaidTokens === 12
    },
    samples: [],
  }
  return [raw, core, sdk]
}

/** Awaits `call` back to back for `ms` milliseconds; returns calls per second. */
async function runFor(call: () => Promise<unknown>, ms: number): Promise<number> {
  let calls = 0
  const start = performance.now()
  const deadline = start + ms
  let now = start
  while (now < deadline) {
    await call()
    calls++
    now = performance.now()
  }
  return calls / ((now - start) / 1000)
}

async function benchThroughput(): Promise<void> {
  console.log('\n2. Throughput: balance call, sequential, stub fetch returning a fresh Response')
  console.log(
    `   (warm-up ${WARMUP_MS} ms each, then ${ROUNDS} interleaved rounds of ${ROUND_MS} ms each; median)\n`,
  )
  const all = contenders()
  for (const c of all) {
    const result = await c.call()
    if (!c.check(result)) throw new Error(`${c.name} returned an unexpected result`)
    await runFor(c.call, WARMUP_MS)
  }
  for (let round = 0; round < ROUNDS; round++) {
    // Rotate the order each round so no contender always runs first or last.
    for (let i = 0; i < all.length; i++) {
      const c = all[(round + i) % all.length]
      if (c) c.samples.push(await runFor(c.call, ROUND_MS))
    }
  }

  const [raw, core, sdk] = all.map((c) => median(c.samples))
  if (raw === undefined || core === undefined || sdk === undefined) return
  table(
    [
      ['call', 'ops/s (median)', 'min..max', 'x raw fetch', 'µs/call'],
      ...all.map((c) => {
        const ops = median(c.samples)
        return [
          c.name,
          int(ops),
          `${int(Math.min(...c.samples))}..${int(Math.max(...c.samples))}`,
          `${(ops / raw).toFixed(2)}x`,
          (1e6 / ops).toFixed(1),
        ]
      }),
    ],
    [1, 2, 3, 4],
  )
  const ratio = core / sdk
  const pass = ratio >= THROUGHPUT_TARGET_MIN_RATIO
  console.log(
    `\n  core / SDK (ops/s): ${ratio.toFixed(2)}x   target >= ${THROUGHPUT_TARGET_MIN_RATIO}x: ${verdict(pass)}` +
      (pass
        ? ''
        : ` (${(THROUGHPUT_TARGET_MIN_RATIO / ratio).toFixed(2)}x short: needs ${int(sdk * THROUGHPUT_TARGET_MIN_RATIO)} ops/s)`),
  )
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const require = createRequire(import.meta.url)
  const sdkVersion = (require('@leonardo-ai/sdk/package.json') as { version: string }).version
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU'
  console.log('payg-kit core benchmark: @payg-kit/core vs @leonardo-ai/sdk, one run')
  console.log(
    `node ${process.version} · ${platform()} ${arch()} · ${cpus().length} CPUs (${cpu})` +
      ` · esbuild ${esbuild.version} · @leonardo-ai/sdk ${sdkVersion}`,
  )
  console.log(
    'Note: absolute figures vary by machine and load; only ratios from the same run are meaningful.',
  )
  const started = performance.now()
  await benchBundles()
  await benchThroughput()
  console.log(`\nDone in ${((performance.now() - started) / 1000).toFixed(1)} s.`)
}

await main()
