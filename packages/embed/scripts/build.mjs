// Builds the scripts a page loads: one entry per element (`balance-badge.js`, ...) and the full
// set (`payg-embed.js`), code-split over shared chunks (`chunks/*.js`), so a page with only the
// badge downloads the badge and the runtime it needs, never the calculator or the chart.
// preact/compat is the UI runtime (React's API at a fraction of its size); the widgets'
// stylesheet is minified and inlined for the shadow roots.
//
// Prints each entry's min+gzip size with every chunk it imports (each file gzipped on its own,
// as a server sends them). `--outdir <dir>` builds elsewhere (tests build into a temp folder);
// `--json` prints the figures as JSON instead (the bench reads them).
import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build, transform } from 'esbuild'
import ts from 'typescript'
import { directImports } from './directImports.mjs'

const packageDir = fileURLToPath(new URL('..', import.meta.url))
const at = process.argv.indexOf('--outdir')
const outdir = at > 0 ? resolve(process.argv[at + 1]) : join(packageDir, 'dist')
const json = process.argv.includes('--json')

/** The full set's budget and the badge's, min+gzip with everything each imports. */
const BUDGETS = { 'payg-embed.js': 45 * 1024, 'balance-badge.js': 25 * 1024 }

const elements = (await readdir(join(packageDir, 'src/entries')))
  .filter((file) => file.endsWith('.ts'))
  .map((file) => basename(file, '.ts'))
  .sort()

// The stylesheet, minified once, inlined as text: shadow roots adopt it.
const minifiedCss = {
  name: 'minified-css',
  setup(build) {
    build.onLoad({ filter: /\.css$/ }, async ({ path }) => {
      const { code } = await transform(await readFile(path, 'utf8'), {
        loader: 'css',
        minify: true,
        legalComments: 'none',
      })
      return { contents: code.trim(), loader: 'text' }
    })
  },
}

// Chunks are named by their content: last build's must not linger.
await rm(join(outdir, 'chunks'), { recursive: true, force: true })
const common = {
  absWorkingDir: packageDir,
  outdir,
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': '"production"' },
  // Package specifiers, resolved from this package with the browser's conditions, so the ESM
  // builds of preact are the only copy (a resolved path would pick the CommonJS one for some
  // imports and the ES module for others: two copies of compat).
  alias: {
    react: 'preact/compat',
    'react-dom': 'preact/compat',
    'react-dom/client': 'preact/compat/client',
    'react/jsx-runtime': 'preact/jsx-runtime',
    'react/jsx-dev-runtime': 'preact/jsx-runtime',
  },
  write: true,
  metafile: true,
}
// The elements, split: each entry holds its own widget, the chunks what several share (the
// runtime: preact, TanStack Query, the client, the stylesheet, defineWidget).
const split = await build({
  ...common,
  entryPoints: Object.fromEntries(elements.map((name) => [name, `src/entries/${name}.ts`])),
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  plugins: [directImports({ include: [join(packageDir, '..')] }), minifiedCss],
})
// The full set imports the elements' entries as they are, so a page that loads it and an
// element's entry runs one runtime, with one cache.
const full = await build({
  ...common,
  entryPoints: { 'payg-embed': 'src/index.ts' },
  plugins: [
    {
      name: 'elements-external',
      setup(build) {
        build.onResolve({ filter: /^\.\/entries\// }, ({ path }) => ({
          path: `./${basename(path)}.js`,
          external: true,
        }))
      },
    },
  ],
})

// Types: the full set's tag names and event details; an element's entry exports nothing.
const source = await readFile(join(packageDir, 'src/elements.ts'), 'utf8')
const { outputText } = ts.transpileDeclaration(source, { compilerOptions: { strict: true } })
await writeFile(join(outdir, 'index.d.ts'), outputText)
await writeFile(
  join(outdir, 'element.d.ts'),
  "// Loading an element's entry registers its custom element; it exports nothing.\nexport {};\n",
)

// Each output file's own size, then each entry with the chunks it imports (statically, so the
// browser fetches them before the element runs).
const outputs = { ...split.metafile.outputs, ...full.metafile.outputs }
const fileSizes = new Map()
for (const file of Object.keys(outputs).filter((file) => file.endsWith('.js'))) {
  const bytes = await readFile(join(packageDir, file))
  fileSizes.set(file, { minified: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length })
}
function closure(file, seen = new Set()) {
  if (seen.has(file)) return seen
  seen.add(file)
  for (const { path, kind } of outputs[file]?.imports ?? []) {
    if (kind !== 'import-statement') continue
    // An external import (the full set's elements) is a file next to the importer.
    closure(outputs[path] ? path : join(dirname(file), path), seen)
  }
  return seen
}
const named = (file) => relative(outdir, join(packageDir, file))
/** Who an input belongs to: a package (`preact`, `@payg-kit/core`), the stylesheet, or this one. */
const ownerOf = (input) => {
  if (input.endsWith('.css')) return 'the stylesheet'
  const modules = input.lastIndexOf('node_modules/')
  if (modules >= 0) {
    const [scope = '', name = ''] = input.slice(modules + 'node_modules/'.length).split('/')
    return scope.startsWith('@') ? `${scope}/${name}` : scope
  }
  const workspace = /(?:^|\/)(core|react|ui|embed)\/src\//.exec(input)
  return workspace ? `@payg-kit/${workspace[1]}` : '@payg-kit/embed'
}
const measure = (name, files) => {
  const sum = (key) => files.reduce((total, f) => total + (fileSizes.get(f)?.[key] ?? 0), 0)
  // Minified bytes by owner, before gzip.
  const composition = {}
  for (const file of files)
    for (const [input, { bytesInOutput }] of Object.entries(outputs[file]?.inputs ?? {})) {
      const owner = input.startsWith('src/') ? '@payg-kit/embed' : ownerOf(input)
      composition[owner] = (composition[owner] ?? 0) + bytesInOutput
    }
  return {
    name,
    files: files.map(named).sort(),
    minified: sum('minified'),
    gzip: sum('gzip'),
    composition,
  }
}
const entryFiles = Object.keys(outputs).filter(
  (file) => outputs[file].entryPoint && !named(file).startsWith('chunks/'),
)
const entries = entryFiles
  .map((file) => measure(named(file), [...closure(file)]))
  .sort((a, b) => (a.name === 'payg-embed.js') - (b.name === 'payg-embed.js') || a.gzip - b.gzip)
// The runtime: the chunks every element imports.
const closures = entryFiles.filter((file) => named(file) !== 'payg-embed.js').map((f) => closure(f))
const runtime = measure(
  'runtime (the chunks every element imports)',
  [...closures[0]].filter(
    (file) => !entryFiles.includes(file) && closures.every((c) => c.has(file)),
  ),
)

if (json) {
  console.log(JSON.stringify({ entries, runtime, budgets: BUDGETS }))
} else {
  for (const { name, files, minified, gzip } of [runtime, ...entries]) {
    const budget = BUDGETS[name] ? ` (budget ${BUDGETS[name].toLocaleString('en-US')} B)` : ''
    console.log(
      `${name}: ${gzip.toLocaleString('en-US')} B min+gzip, ${minified.toLocaleString('en-US')} B minified, ${files.length} files${budget}`,
    )
  }
}
