// `pnpm sdk:report`: writes docs/sdk-report.md, every difference between the spec's Leonardo
// operations and @leonardo-ai/sdk's models. `--check` fails when the committed file is stale.
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { buildReport, REPORT_URL, renderReport } from '../src/report'

const report = buildReport()
const output = renderReport(report)
const target = fileURLToPath(REPORT_URL)
const uncovered = report.differences.filter((entry) => !entry.deviation)

if (process.argv.includes('--check')) {
  const committed = (() => {
    try {
      return readFileSync(target, 'utf8')
    } catch {
      return ''
    }
  })()
  if (committed !== output) {
    console.error(`${target} is out of date. Run \`pnpm sdk:report\` and commit the result.`)
    process.exit(1)
  }
  console.log('docs/sdk-report.md matches the spec and the SDK')
} else {
  writeFileSync(target, output)
  console.log(`wrote ${target}`)
}
if (uncovered.length || report.unmapped.length || report.unused.length) {
  console.error(
    `${uncovered.length} difference(s) without an accepted deviation, ${report.unmapped.length} operation(s) without an SDK mapping, ${report.unused.length} unused deviation(s): see the report.`,
  )
  process.exitCode = 1
}
