// `pnpm bench:core`: what @payg-kit/core costs next to its floor (openapi-fetch, typed from the
// same spec, with none of the kit's checks) and the official `@leonardo-ai/sdk`, measured side by
// side in one run (issue 12, section 1). It prints figures; it is not a test and always exits 0
// unless something is broken (a call that fails is a bug, not a figure).
//
// 1. Bundle size: min+gzip bytes of the same small browser app (balance + image cost estimate,
//    formatted) built with esbuild against each library. Targets: the kit's tree-shaken app
//    (`getBalance` and `estimateCost` over a transport) at most 4.0 kB, about 1/16 of the SDK.
// 2. Throughput: sequential calls per second against a stub `fetch` that returns a fresh
//    `Response` each call, every contender on the same endpoint and the same body: `GET /me`
//    and `POST /pricing-calculator`, each next to raw `fetch` + `json()`. Target: the kit at
//    0.90x raw or better on both, with its timeout on.
//
// Knobs (environment): BENCH_ROUNDS (7), BENCH_ROUND_MS (1000), BENCH_WARMUP_MS (500).

import { createRequire } from 'node:module'
import { arch, cpus, platform } from 'node:os'
import { dirname, relative, sep } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { Leonardo } from '@leonardo-ai/sdk'
import { HTTPClient } from '@leonardo-ai/sdk/lib/http.js'
import { PricingCalculatorServices } from '@leonardo-ai/sdk/sdk/models/shared'
import {
  createPaygTransport,
  estimateCost,
  getAccount,
  type PaygTransport,
  type paths,
} from '@payg-kit/core'
import * as esbuild from 'esbuild'
import createClient from 'openapi-fetch'
import { IMAGE_GENERATION } from './fixtures/imageGeneration'

/** The tree-shaken app's budget, min+gzip: 4.0 kB. */
const BUNDLE_TARGET_MAX_BYTES = 4000
/** The kit's calls per second over raw `fetch` + `json()`, with its timeout on. */
const THROUGHPUT_TARGET_MIN_RATIO = 0.9

const ROUNDS = envInt('BENCH_ROUNDS', 7)
const ROUND_MS = envInt('BENCH_ROUND_MS', 1000)
const WARMUP_MS = envInt('BENCH_WARMUP_MS', 500)

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
  const apps = [
    ['@payg-kit/core: getBalance + estimateCost', './src/fixtures/core-app.ts'],
    ['@payg-kit/core: createPaygClient', './src/fixtures/core-client-app.ts'],
    ['openapi-fetch (the floor: no checks)', './src/fixtures/openapi-fetch-app.ts'],
    ['@leonardo-ai/sdk', './src/fixtures/sdk-app.ts'],
  ] as const
  const figures = await Promise.all(apps.map(([, entry]) => measureBundle(entry)))
  const [core, client, floor, sdk] = figures
  if (!core || !client || !floor || !sdk) return
  table(
    [
      ['app', 'minified', 'min+gzip', '', 'x openapi-fetch', 'x SDK'],
      ...apps.map(([name], i) => {
        const f = figures[i] as BundleFigures
        return [
          name,
          int(f.minified),
          int(f.gzipped),
          kb(f.gzipped),
          `${(f.gzipped / floor.gzipped).toFixed(2)}x`,
          `1/${(sdk.gzipped / f.gzipped).toFixed(1)}`,
        ]
      }),
    ],
    [1, 2, 3, 4, 5],
  )
  const pass = core.gzipped <= BUNDLE_TARGET_MAX_BYTES
  console.log(
    `\n  tree-shaken core app: ${int(core.gzipped)} B   target <= ${int(BUNDLE_TARGET_MAX_BYTES)} B (4.0 kB): ${verdict(pass)}` +
      (pass
        ? ` (${int(BUNDLE_TARGET_MAX_BYTES - core.gzipped)} B to spare)`
        : ` (${int(core.gzipped - BUNDLE_TARGET_MAX_BYTES)} B over)`) +
      `; ${int(client.gzipped - core.gzipped)} B less than the same app through createPaygClient`,
  )
  console.log('')
  printComposition('tree-shaken core app', core, 12)
  printComposition('openapi-fetch app', floor, 3)
  printComposition('SDK app', sdk, 3)
}

// ---------------------------------------------------------------------------------------------
// 2. Throughput

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

// `POST /pricing-calculator`: what every contender sends, and what the API answers. The cost is a
// whole number because the SDK's schema declares it an integer and rejects a fractional one.
const PRICING_REQUEST = IMAGE_GENERATION
const PRICING_BODY = JSON.stringify({ calculateProductionApiServiceCost: { cost: 12 } })

type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>

/**
 * A `fetch` that answers `method path` with a fresh JSON `Response` each call, anything else 404.
 * Like the platform's fetch it takes the request's signal, and fails at once when it is aborted.
 */
function stubFetch(method: string, path: string, body: string): Fetch {
  return (input, init) => {
    const request = input instanceof Request ? input : null
    const signal = init?.signal ?? request?.signal
    if (signal?.aborted) return Promise.reject(signal.reason)
    const url = request ? request.url : String(input)
    const hit = (init?.method ?? request?.method ?? 'GET') === method && url.endsWith(path)
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
  /** Calls per second (wall clock), one per round. */
  samples: number[]
  /** Calls per second of this process's CPU time, one per round: steadier on a busy machine. */
  cpuSamples: number[]
}

const contender = (
  name: string,
  call: () => Promise<unknown>,
  check: (result: unknown) => boolean,
): Contender => ({ name, call, check, samples: [], cpuSamples: [] })

const auth = { authorization: `Bearer ${API_KEY}` }

/** One endpoint, as every contender calls it and checks its answer. */
interface Endpoint {
  method: 'GET' | 'POST'
  path: '/me' | '/pricing-calculator'
  /** What the stub answers. */
  answer: string
  /** The JSON request body, if any. */
  request?: unknown
  /** Checks the parsed body, as raw fetch and openapi-fetch return it. */
  raw: (body: unknown) => boolean
  /** The kit's call over `transport`, and a check of what it returns. */
  core: [
    name: string,
    call: (transport: PaygTransport) => Promise<unknown>,
    check: (r: unknown) => boolean,
  ]
  /** The SDK's call, and a check of what it returns. */
  sdk: [name: string, call: (sdk: Leonardo) => Promise<unknown>, check: (r: unknown) => boolean]
}

/** Every contender on `endpoint`, the same request and answer for all. */
function contenders(endpoint: Endpoint): Contender[] {
  const { method, path, request } = endpoint
  const fetcher = stubFetch(method, path, endpoint.answer)
  const transport = (timeoutMs?: number) =>
    createPaygTransport({ baseUrl: BASE_URL, apiKey: API_KEY, fetch: fetcher, timeoutMs })
  const timed = transport()
  const untimed = transport(0)
  const floor = createClient<paths>({ baseUrl: BASE_URL, headers: auth, fetch: fetcher })
  const leonardo = new Leonardo({
    bearerAuth: API_KEY,
    serverURL: BASE_URL,
    httpClient: new HTTPClient({ fetcher }),
  })
  const init: RequestInit =
    request === undefined
      ? { headers: auth }
      : {
          method,
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify(request),
        }
  const [coreName, coreCall, coreCheck] = endpoint.core
  const [sdkName, sdkCall, sdkCheck] = endpoint.sdk
  const floorCall = () =>
    method === 'GET'
      ? floor.GET(path as '/me')
      : floor.POST(path as '/pricing-calculator', {
          body: request as Parameters<typeof estimateCost>[1],
        })
  return [
    contender(
      'raw fetch + json()',
      async () => {
        const response = await fetcher(`${BASE_URL}${path}`, init)
        if (!response.ok) throw new Error(`raw fetch: HTTP ${response.status}`)
        return response.json()
      },
      endpoint.raw,
    ),
    contender(`@payg-kit/core ${coreName}(transport)`, () => coreCall(timed), coreCheck),
    contender(`@payg-kit/core ${coreName}, timeoutMs: 0`, () => coreCall(untimed), coreCheck),
    contender(`openapi-fetch ${method}('${path}')`, floorCall, (r) =>
      endpoint.raw((r as { data?: unknown }).data ?? {}),
    ),
    contender(`@leonardo-ai/sdk ${sdkName}()`, () => sdkCall(leonardo), sdkCheck),
  ]
}

const ME: Endpoint = {
  method: 'GET',
  path: '/me',
  answer: ME_BODY,
  raw: (r) =>
    (r as { user_details?: Array<{ apiPaidTokens?: unknown }> }).user_details?.[0]
      ?.apiPaidTokens === 12,
  core: [
    'getAccount',
    (transport) => getAccount(transport),
    (r) => (r as Awaited<ReturnType<typeof getAccount>>).paidBalance.amount === '12',
  ],
  sdk: [
    'getUserSelf',
    (sdk) => sdk.user.getUserSelf(),
    (r) => {
      const res = r as Awaited<ReturnType<Leonardo['user']['getUserSelf']>>
      return res.statusCode === 200 && res.object?.userDetails?.[0]?.apiPaidTokens === 12
    },
  ],
}

const PRICING: Endpoint = {
  method: 'POST',
  path: '/pricing-calculator',
  answer: PRICING_BODY,
  request: PRICING_REQUEST,
  raw: (r) =>
    (r as { calculateProductionApiServiceCost?: { cost?: unknown } })
      .calculateProductionApiServiceCost?.cost === 12,
  core: [
    'estimateCost',
    (transport) => estimateCost(transport, PRICING_REQUEST),
    (r) => (r as Awaited<ReturnType<typeof estimateCost>>).amount === '12',
  ],
  sdk: [
    'pricingCalculator',
    (sdk) =>
      sdk.pricingCalculator.pricingCalculator({
        service: PricingCalculatorServices.ImageGeneration,
        serviceParams: {
          imageGeneration: { imageWidth: 1024, imageHeight: 768, numImages: 4, inferenceSteps: 15 },
        },
      }),
    (r) => {
      const res = r as Awaited<ReturnType<Leonardo['pricingCalculator']['pricingCalculator']>>
      return res.statusCode === 200 && res.object?.calculateProductionApiServiceCost?.cost === 12
    },
  ],
}

/** Awaits `call` back to back for `ms` milliseconds; returns calls per second, wall and CPU. */
async function runFor(call: () => Promise<unknown>, ms: number): Promise<[number, number]> {
  let calls = 0
  const cpu = process.cpuUsage()
  const start = performance.now()
  const deadline = start + ms
  let now = start
  while (now < deadline) {
    await call()
    calls++
    now = performance.now()
  }
  const used = process.cpuUsage(cpu)
  return [calls / ((now - start) / 1000), calls / ((used.user + used.system) / 1e6)]
}

/** Runs every contender in interleaved rounds; returns the kit's ratios to raw (wall, CPU). */
async function benchEndpoint(title: string, all: Contender[]): Promise<[number, number]> {
  console.log(`\n  ${title}\n`)
  for (const c of all) {
    const result = await c.call()
    if (!c.check(result)) throw new Error(`${c.name} returned an unexpected result`)
    await runFor(c.call, WARMUP_MS)
  }
  for (let round = 0; round < ROUNDS; round++) {
    // Rotate the order each round so no contender always runs first or last.
    for (let i = 0; i < all.length; i++) {
      const c = all[(round + i) % all.length]
      if (!c) continue
      const [wall, cpu] = await runFor(c.call, ROUND_MS)
      c.samples.push(wall)
      c.cpuSamples.push(cpu)
    }
  }
  const raw = median(all[0]?.samples ?? [])
  const rawCpu = median(all[0]?.cpuSamples ?? [])
  table(
    [
      ['call', 'ops/s (median)', 'min..max', 'x raw', 'x raw (CPU time)', 'µs/call'],
      ...all.map((c) => {
        const ops = median(c.samples)
        return [
          c.name,
          int(ops),
          `${int(Math.min(...c.samples))}..${int(Math.max(...c.samples))}`,
          `${(ops / raw).toFixed(2)}x`,
          `${(median(c.cpuSamples) / rawCpu).toFixed(2)}x`,
          (1e6 / ops).toFixed(1),
        ]
      }),
    ],
    [1, 2, 3, 4, 5],
  )
  const core = all[1]
  return [median(core?.samples ?? []) / raw, median(core?.cpuSamples ?? []) / rawCpu]
}

async function benchThroughput(): Promise<void> {
  console.log('\n2. Throughput: sequential calls, stub fetch returning a fresh Response')
  console.log(
    `   (every contender on the same endpoint and body; warm-up ${WARMUP_MS} ms each, then ${ROUNDS}` +
      ` interleaved rounds of ${ROUND_MS} ms each; median)`,
  )
  const get = await benchEndpoint(`GET /me (${ME_BODY.length} B body)`, contenders(ME))
  const post = await benchEndpoint(
    `POST /pricing-calculator (${JSON.stringify(PRICING_REQUEST).length} B request, ${PRICING_BODY.length} B answer)`,
    contenders(PRICING),
  )
  console.log('')
  for (const [what, [wall, cpu]] of [
    ['GET ', get],
    ['POST', post],
  ] as const) {
    console.log(
      `  core / raw, ${what} (timeout on): ${wall.toFixed(2)}x wall clock, ${cpu.toFixed(2)}x CPU time` +
        `   target >= ${THROUGHPUT_TARGET_MIN_RATIO}x: ${verdict(wall >= THROUGHPUT_TARGET_MIN_RATIO)} (wall), ${verdict(cpu >= THROUGHPUT_TARGET_MIN_RATIO)} (CPU)`,
    )
  }
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const require = createRequire(import.meta.url)
  const sdkVersion = (require('@leonardo-ai/sdk/package.json') as { version: string }).version
  const floorVersion = (require('openapi-fetch/package.json') as { version: string }).version
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU'
  console.log(
    'payg-kit core benchmark: @payg-kit/core vs openapi-fetch and @leonardo-ai/sdk, one run',
  )
  console.log(
    `node ${process.version} · ${platform()} ${arch()} · ${cpus().length} CPUs (${cpu})` +
      ` · esbuild ${esbuild.version} · openapi-fetch ${floorVersion} · @leonardo-ai/sdk ${sdkVersion}`,
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
