// Builds the one script a page loads: every widget as a custom element, with preact/compat as
// the UI runtime (React's API at a fraction of its size) and the styles inlined for shadow roots.
// Prints its min+gzip size. `--outdir <dir>` builds elsewhere (tests build into a temp folder).
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import ts from 'typescript'

const require = createRequire(import.meta.url)
const at = process.argv.indexOf('--outdir')
const outdir = at > 0 ? process.argv[at + 1] : new URL('../dist', import.meta.url).pathname
const compat = require.resolve('preact/compat')

const result = await build({
  entryPoints: [new URL('../src/index.ts', import.meta.url).pathname],
  outfile: `${outdir}/payg-embed.js`,
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  legalComments: 'none',
  loader: { '.css': 'text' },
  define: { 'process.env.NODE_ENV': '"production"' },
  alias: {
    react: compat,
    'react-dom': compat,
    'react-dom/client': require.resolve('preact/compat/client'),
    'react/jsx-runtime': require.resolve('preact/jsx-runtime'),
    'react/jsx-dev-runtime': require.resolve('preact/jsx-runtime'),
  },
  write: true,
  metafile: true,
})

// Types for the one public module: the tag names and event details (no runtime imports).
await mkdir(outdir, { recursive: true })
const source = await readFile(new URL('../src/elements.ts', import.meta.url), 'utf8')
const { outputText } = ts.transpileDeclaration(source, { compilerOptions: { strict: true } })
await writeFile(`${outdir}/index.d.ts`, outputText)

const output = Object.keys(result.metafile.outputs).find((file) => file.endsWith('.js'))
const bytes = await readFile(output)
console.log(
  `payg-embed.js: ${bytes.length.toLocaleString('en-US')} B minified, ${gzipSync(bytes, { level: 9 }).length.toLocaleString('en-US')} B min+gzip (budget 61,440 B)`,
)
