// Generates src/generated/payg.ts from openapi/payg.yaml with openapi-typescript.
// `node scripts/generate.mjs --check` fails when the committed file differs from the spec.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import openapiTS, { astToString } from 'openapi-typescript'

const spec = new URL('../openapi/payg.yaml', import.meta.url)
const target = new URL('../src/generated/payg.ts', import.meta.url)
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
const output = header + astToString(ast)

if (process.argv.includes('--check')) {
  const committed = await readFile(target, 'utf8').catch(() => '')
  if (committed !== output) {
    console.error(
      `${fileURLToPath(target)} is out of date with openapi/payg.yaml.\nRun \`pnpm generate\` and commit the result.`,
    )
    process.exit(1)
  }
  console.log('generated types match openapi/payg.yaml')
} else {
  await mkdir(new URL('.', target), { recursive: true })
  await writeFile(target, output)
  console.log(`wrote ${fileURLToPath(target)}`)
}
