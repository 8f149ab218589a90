// Generates, from openapi/payg.yaml, src/generated/payg.ts (the types, with openapi-typescript)
// and src/generated/pricingLimits.ts (the calculator's parameter bounds, see pricingLimits.mjs).
// `node scripts/generate.mjs --check` fails when a committed file differs from the spec.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import openapiTS, { astToString } from 'openapi-typescript'
import { renderPricingLimits } from './pricingLimits.mjs'

const spec = new URL('../openapi/payg.yaml', import.meta.url)
const header = `/**
 * Generated from openapi/payg.yaml by scripts/generate.mjs (\`pnpm generate\`). Do not edit.
 * The test command fails when this file and the spec disagree.
 */

`

// A field with a default may be left out by the caller, so it stays optional in the types.
const ast = await openapiTS(spec, {
  exportType: false,
  alphabetize: false,
  defaultNonNullable: false,
})
const outputs = [
  [new URL('../src/generated/payg.ts', import.meta.url), header + astToString(ast)],
  [new URL('../src/generated/pricingLimits.ts', import.meta.url), await renderPricingLimits(spec)],
]

if (process.argv.includes('--check')) {
  let stale = false
  for (const [target, output] of outputs) {
    const committed = await readFile(target, 'utf8').catch(() => '')
    if (committed !== output) {
      console.error(`${fileURLToPath(target)} is out of date with openapi/payg.yaml.`)
      stale = true
    }
  }
  if (stale) {
    console.error('Run `pnpm generate` and commit the result.')
    process.exit(1)
  }
  console.log('generated files match openapi/payg.yaml')
} else {
  for (const [target, output] of outputs) {
    await mkdir(new URL('.', target), { recursive: true })
    await writeFile(target, output)
    console.log(`wrote ${fileURLToPath(target)}`)
  }
}
