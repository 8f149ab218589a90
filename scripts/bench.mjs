// `pnpm bench`: every benchmark in one run, each printing its figures against a baseline
// measured in the same run. Figures only: it fails only when a benchmark itself breaks.
//   pnpm bench                 all of them
//   pnpm bench core bundles    some of them, by name
import { spawnSync } from 'node:child_process'

/** Name, root script and what it measures, in the order they run. */
const BENCHES = [
  [
    'core',
    'bench:core',
    'the client: bytes and calls/s against raw fetch, openapi-fetch and the official SDK',
  ],
  ['bundles', 'bench:bundles', 'widget and embed bytes, next to the hook-layer floor'],
  ['history:mock', 'bench:history:mock', 'the mock: paging and usage at 10k, 100k and 1M entries'],
  [
    'history:server',
    'bench:history:server',
    'the server: paging and usage at 10k, 100k and 1M entries, with plans',
  ],
  ['widgets', 'bench:widgets', 'TransactionHistory: render time and DOM size at 10k rows'],
  ['chart', 'bench:chart', 'SpendChart: render time and DOM size at 5 years'],
  ['react', 'bench:react', 'the hooks: requests sent against naive fetching, counted at the mock'],
  ['server', 'bench:server', 'the server: charges per second by concurrency and pool size'],
]

const wanted = process.argv.slice(2)
const unknown = wanted.filter((name) => !BENCHES.some(([known]) => known === name))
if (unknown.length > 0) {
  console.error(
    `Unknown benchmark ${unknown.join(', ')}; known: ${BENCHES.map(([n]) => n).join(', ')}`,
  )
  process.exit(2)
}
const failed = []
for (const [name, script, what] of BENCHES) {
  if (wanted.length > 0 && !wanted.includes(name)) continue
  console.log(`\n=== ${name}: ${what} (pnpm ${script}) ===\n`)
  const run = spawnSync('pnpm', ['--silent', 'run', script], { stdio: 'inherit', shell: false })
  if (run.status !== 0) failed.push(name)
}
if (failed.length > 0) {
  console.error(`\nBenchmarks that broke: ${failed.join(', ')}`)
  process.exit(1)
}
