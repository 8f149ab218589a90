// `pnpm bench:bundles`: what the widgets and the embed scripts cost as users load them (issue
// 12, section 2). It prints figures and exits 0; it asserts nothing.
//
// 1. Widgets, as a user's bundler sees them: an entry that imports just that widget (or all of
//    them) from @payg-kit/ui's public entry, bundled by esbuild for the browser (ESM, minified,
//    code split, so what a widget loads on demand is a chunk of its own, counted apart), with
//    react, react-dom, react/jsx-runtime and @tanstack/react-query external, then gzipped.
//    Beside each: the kit's hooks that widget runs (@payg-kit/react, from the same bundle's
//    inputs), and the hook-layer floor: TanStack Query through openapi-react-query and
//    openapi-fetch making the same reads and writes (fixtures/hook-floor.ts), bundled the same
//    way with the same peers external.
// 2. The embed scripts: each element's entry with every chunk it imports, the runtime they
//    share, and the full set, each file gzipped on its own as a server sends it.

import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import * as esbuild from 'esbuild'

const BENCH_DIR = dirname(dirname(fileURLToPath(import.meta.url)))
const REPO_DIR = dirname(dirname(BENCH_DIR))
const UI_ENTRY = join(REPO_DIR, 'packages/ui/src/index.ts')
const REACT_ENTRY = join(REPO_DIR, 'packages/react/src/index.ts')
const CORE_ENTRY = join(REPO_DIR, 'packages/core/src/index.ts')
const FLOOR = join(BENCH_DIR, 'src/fixtures/hook-floor.ts')
const PEERS = ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query']

const WIDGETS = [
  'BalanceBadge',
  'CostTag',
  'PausedBanner',
  'TopUpForm',
  'TransactionHistory',
  'SpendChart',
  'MigrationPanel',
  'AutoTopUpSettings',
  'CostCalculator',
] as const

/**
 * The operations each of the kit's hooks calls, for the floor that makes the same calls. Hooks
 * missing here make no request of their own (context, messages, status derived from others).
 */
const OPERATIONS: Record<string, string[]> = {
  useAccount: ['getUserSelf'],
  useAutoTopUp: ['getAutoTopUp'],
  useBalance: ['getBalance'],
  useBillingExtension: ['getBalance'],
  useCostEstimate: ['pricingCalculator'],
  useCreateGeneration: ['createGeneration'],
  useDisableAutoTopUp: ['disableAutoTopUp'],
  useMigrateToPayg: ['migrateToPayg'],
  useMigrationPreview: ['getMigrationPreview'],
  usePaygStatus: ['getBalance'],
  usePaymentMethod: ['getPaymentMethod'],
  usePricing: ['getPricing'],
  useQuote: ['quotePrice'],
  useSubscription: ['getSubscription'],
  useTopUp: ['createTopUp', 'getTopUpByIdempotencyKey'],
  useTransactions: ['listTransactions'],
  useUpdateAutoTopUp: ['updateAutoTopUp'],
  useUsage: ['getUsage'],
}

// ---------------------------------------------------------------------------------------------
// Output helpers

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(2)} kB`
const ratio = (a: number, b: number): string => (b > 0 ? `${(a / b).toFixed(1)}x` : '-')

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

// ---------------------------------------------------------------------------------------------
// 1. Widgets, hooks and the floor

interface Bundle {
  /** The entry's output, gzipped (what loads first). */
  gzip: number
  /** What loads on demand (dynamic imports), gzipped file by file. */
  onDemand: number
  /** The kit's hooks among the inputs: `useBalance`, ... */
  hooks: string[]
  /** The entry's minified bytes by source module (`ui/src/TopUpForm/TopUpForm.tsx`). */
  modules: Record<string, number>
}

/** `contents` bundled as a user's bundler does it: browser, ESM, minified, code split. */
async function bundle(contents: string): Promise<Bundle> {
  const result = await esbuild.build({
    stdin: { contents, resolveDir: BENCH_DIR, loader: 'ts', sourcefile: 'entry.ts' },
    absWorkingDir: BENCH_DIR,
    bundle: true,
    splitting: true,
    outdir: join(BENCH_DIR, 'out'),
    minify: true,
    format: 'esm',
    platform: 'browser',
    external: PEERS,
    write: false,
    metafile: true,
    logLevel: 'silent',
  })
  const outputs = result.metafile.outputs
  const sizes = new Map(
    result.outputFiles.map((file) => [
      file.path.slice(BENCH_DIR.length + 1),
      gzipSync(file.contents, { level: 9 }).byteLength,
    ]),
  )
  const entry = Object.keys(outputs).find((file) => outputs[file]?.entryPoint === 'entry.ts')
  if (!entry) throw new Error('esbuild produced no entry')
  // What loads first: the entry and the chunks it imports statically (code it shares with what
  // loads on demand, such as the client's pipeline).
  const first = new Set([entry])
  for (const file of first)
    for (const { path, kind } of outputs[file]?.imports ?? [])
      if (kind === 'import-statement' && outputs[path]) first.add(path)
  // What those import on demand, and what that imports in turn, less what loaded first; chunks
  // for dynamic imports in modules the entry does not use are left out.
  const lazy = new Set<string>()
  for (const file of [...first])
    for (const { path, kind } of outputs[file]?.imports ?? [])
      if (kind === 'dynamic-import' && outputs[path] && !first.has(path)) lazy.add(path)
  for (const file of lazy)
    for (const { path } of outputs[file]?.imports ?? [])
      if (outputs[path] && !first.has(path)) lazy.add(path)
  const gzip = [...first].reduce((total, file) => total + (sizes.get(file) ?? 0), 0)
  const onDemand = [...lazy].reduce((total, file) => total + (sizes.get(file) ?? 0), 0)
  const hooks = [
    ...new Set(
      [...first]
        .flatMap((file) => Object.entries(outputs[file]?.inputs ?? {}))
        .filter(
          ([input, { bytesInOutput }]) => bytesInOutput > 0 && !input.includes('node_modules'),
        )
        .map(([input]) => /react\/src\/(use\w+)\.tsx?$/.exec(input)?.[1])
        .filter((hook): hook is string => hook !== undefined && hook !== 'usePaygContext'),
    ),
  ].sort()
  const modules: Record<string, number> = {}
  for (const file of first)
    for (const [input, { bytesInOutput }] of Object.entries(outputs[file]?.inputs ?? {}))
      if (bytesInOutput > 0) {
        const module = input.replace(/^(?:\.\.\/)+|^.*?packages\//g, '')
        modules[module] = (modules[module] ?? 0) + bytesInOutput
      }
  return { gzip, onDemand, hooks, modules }
}

/** A bundle's minified bytes by package and by its largest modules, for where its size goes. */
function breakdown(modules: Record<string, number>, largest = 12): void {
  const total = Object.values(modules).reduce((sum, bytes) => sum + bytes, 0)
  const share = (bytes: number) => `${((bytes / total) * 100).toFixed(1)}%`
  const byPackage: Record<string, number> = {}
  for (const [module, bytes] of Object.entries(modules)) {
    // A widget's folder counts as its own line; the rest of the ui package as shared code.
    const widget = /^ui\/src\/([A-Z]\w+)\//.exec(module)?.[1]
    const owner = widget
      ? `@payg-kit/ui ${widget}`
      : module.startsWith('ui/src/')
        ? '@payg-kit/ui shared code'
        : `@payg-kit/${module.split('/')[0]}`
    byPackage[owner] = (byPackage[owner] ?? 0) + bytes
  }
  table(
    Object.entries(byPackage)
      .sort((a, b) => b[1] - a[1])
      .map(([owner, bytes]) => [`  ${owner}`, kb(bytes), share(bytes)]),
    [1, 2],
  )
  console.log(`\n    its ${largest} largest modules:`)
  table(
    Object.entries(modules)
      .sort((a, b) => b[1] - a[1])
      .slice(0, largest)
      .map(([module, bytes]) => [`    ${module}`, kb(bytes), share(bytes)]),
    [1, 2],
  )
}

const exportsFrom = (names: readonly string[], from: string) =>
  names.length > 0 ? `export { ${names.join(', ')} } from ${JSON.stringify(from)}\n` : ''
/** What an app adds to use the kit's hooks or widgets: the provider and the client. */
const PROVIDER_AND_CLIENT =
  exportsFrom(['PaygProvider'], REACT_ENTRY) + exportsFrom(['createPaygClient'], CORE_ENTRY)

async function benchWidgets(): Promise<void> {
  console.log('\n1. Widgets as a user bundler sees them, next to the hook-layer floor')
  console.log(
    '   (esbuild: browser, ESM, minified, code split; react, react-dom, react/jsx-runtime and',
  )
  console.log('   @tanstack/react-query external; gzip level 9; kB = 1,024 bytes)\n')
  const rows = [
    [
      'import from @payg-kit/ui',
      'widget',
      '+ client',
      'on demand',
      'kit hooks',
      'floor',
      '+client/floor',
      'hooks/floor',
      'operations (floor)',
    ],
  ]
  const cases: Array<[string, readonly string[]]> = [
    ...WIDGETS.map((widget): [string, readonly string[]] => [widget, [widget]]),
    ['all nine widgets', WIDGETS],
  ]
  const quiet = new Set<string>()
  let all: Bundle | undefined
  for (const [label, widgets] of cases) {
    const widget = await bundle(exportsFrom(widgets, UI_ENTRY))
    if (widgets === WIDGETS) all = widget
    const withClient = await bundle(exportsFrom(widgets, UI_ENTRY) + PROVIDER_AND_CLIENT)
    const operations = [...new Set(widget.hooks.flatMap((hook) => OPERATIONS[hook] ?? []))].sort()
    for (const hook of widget.hooks) if (!OPERATIONS[hook]) quiet.add(hook)
    const hooks = await bundle(exportsFrom(widget.hooks, REACT_ENTRY) + PROVIDER_AND_CLIENT)
    const floor = operations.length > 0 ? await bundle(exportsFrom(operations, FLOOR)) : undefined
    rows.push([
      label,
      kb(widget.gzip),
      kb(withClient.gzip),
      widget.onDemand ? kb(widget.onDemand) : '-',
      kb(hooks.gzip),
      floor ? kb(floor.gzip) : '-',
      floor ? ratio(withClient.gzip, floor.gzip) : '-',
      floor ? ratio(hooks.gzip, floor.gzip) : '-',
      operations.length === 0
        ? 'none (shows what it is given)'
        : label === 'all nine widgets'
          ? `all ${operations.length} above`
          : operations.join(', '),
    ])
  }
  const everything = await bundle(`export * from ${JSON.stringify(UI_ENTRY)}`)
  rows.push([
    'everything (export *)',
    kb(everything.gzip),
    '',
    everything.onDemand ? kb(everything.onDemand) : '-',
  ])
  table(rows, [1, 2, 3, 4, 5, 6, 7])
  console.log(`
  widget: the widget alone. + client: with PaygProvider and createPaygClient, what a page ships.
  kit hooks: the @payg-kit/react hooks in the widget's bundle, with PaygProvider and
    createPaygClient, bundled alone (the kit's hook layer for the same reads and writes).
  floor: openapi-react-query + openapi-fetch, one hook per operation those hooks call
    (fixtures/hook-floor.ts). Kit hooks making no request of their own: ${[...quiet].sort().join(', ') || 'none'}.`)
  if (all) {
    console.log('\n  All nine widgets by source (minified bytes, before gzip):')
    breakdown(all.modules)
  }
}

// ---------------------------------------------------------------------------------------------
// 2. The embed scripts

interface EmbedEntry {
  name: string
  files: string[]
  minified: number
  gzip: number
  /** Minified bytes by owner (a package, the stylesheet), before gzip. */
  composition: Record<string, number>
}

interface EmbedFigures {
  entries: EmbedEntry[]
  runtime: EmbedEntry
  budgets: Record<string, number>
  /** Minified bytes of the stylesheet's base (in the runtime) and of each component's rules. */
  styles: Record<string, number>
  /**
   * Gzipped bytes of each budgeted entry bundled alone into one file (nothing shared), and of
   * `libraries`: preact/compat and TanStack Query alone, as little of them as any widget uses.
   */
  floors: Record<string, number>
}

function benchEmbed(): void {
  console.log('\n2. The embed scripts (@payg-kit/embed), each with every chunk it imports')
  console.log('   (each file minified and gzipped on its own, as a server sends it)\n')
  const outdir = mkdtempSync(join(tmpdir(), 'payg-embed-bench-'))
  try {
    const printed = execFileSync(
      'node',
      [join(REPO_DIR, 'packages/embed/scripts/build.mjs'), '--outdir', outdir, '--json'],
      { encoding: 'utf8' },
    )
    const { entries, runtime, budgets, styles, floors } = JSON.parse(printed) as EmbedFigures
    const rows = [['entry', 'min+gzip', 'minified', 'files', 'budget', '']]
    for (const entry of [runtime, ...entries]) {
      const budget = budgets[entry.name]
      rows.push([
        entry.name,
        kb(entry.gzip),
        kb(entry.minified),
        String(entry.files.length),
        budget ? kb(budget) : '',
        budget ? (entry.gzip <= budget ? 'PASS' : 'MISS') : '',
      ])
    }
    table(rows, [1, 2, 3, 4])
    const byName = new Map(entries.map((entry) => [entry.name, entry]))
    for (const [label, entry] of [
      ['The runtime', runtime],
      ['The badge with the runtime', byName.get('balance-badge.js')],
      ['The full set with the runtime', byName.get('payg-embed.js')],
    ] as const) {
      if (!entry) continue
      console.log(`\n  ${label} by owner (minified bytes, before gzip):`)
      const total = Object.values(entry.composition).reduce((sum, bytes) => sum + bytes, 0)
      table(
        Object.entries(entry.composition)
          .sort((a, b) => b[1] - a[1])
          .map(([owner, bytes]) => [
            `  ${owner}`,
            kb(bytes),
            `${((bytes / total) * 100).toFixed(1)}%`,
          ]),
        [1, 2],
      )
    }
    const libraries = floors.libraries ?? 0
    console.log(
      `\n  Each budgeted entry alone, as one file with nothing shared (what it costs at the least with
  today's code), beside preact/compat and TanStack Query alone (createRoot, the hooks, QueryClient,
  its provider and useQuery: ${kb(libraries)}, what any element costs before the kit's own code):\n`,
    )
    table(
      [
        ['entry', 'split', 'alone', 'libraries', 'the kit alone', 'budget', 'left for the kit'],
        ...Object.entries(budgets).map(([name, budget]) => {
          const alone = floors[name] ?? 0
          return [
            name,
            kb(byName.get(name)?.gzip ?? 0),
            kb(alone),
            kb(libraries),
            kb(alone - libraries),
            kb(budget),
            kb(budget - libraries),
          ]
        }),
      ],
      [1, 2, 3, 4, 5, 6],
    )
    console.log(
      "\n  The stylesheet, split: the base in the runtime, each widget's and shared part's rules with the modules that render them (minified):",
    )
    table(
      Object.entries(styles).map(([part, bytes]) => [`  ${part}`, kb(bytes)]),
      [1],
    )
  } finally {
    rmSync(outdir, { recursive: true, force: true })
  }
}

await benchWidgets()
benchEmbed()
