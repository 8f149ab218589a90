// Builds the scripts a page loads: one entry per element (`balance-badge.js`, ...) and the full
// set (`payg-embed.js`), each one file over one shared runtime (`chunks/chunk-*.js`), so a page
// with only the badge downloads the badge and the runtime, never the calculator or the chart.
// Built in two stages: a code-split build finds the runtime (the chunk every entry imports),
// then each entry is bundled again into one file with the runtime (and what loads on demand)
// left as imports, so the elements' scripts and the full set import the same runtime and a
// page that loads several shares one cache. preact/compat is the UI runtime (React's API at a
// fraction of its size); the widgets' stylesheet is split by component and minified
// (splitStyles.mjs): the runtime carries the base, each widget's module its own rules.
//
// Prints each entry's min+gzip size with every chunk it imports (each file gzipped on its own,
// as a server sends them). `--outdir <dir>` builds elsewhere (tests build into a temp folder);
// `--json` prints the figures as JSON instead (the bench reads them).
import { existsSync } from 'node:fs'
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build, transform } from 'esbuild'
import ts from 'typescript'
import { directImports } from './directImports.mjs'
import { blockOf, splitStyles } from './splitStyles.mjs'

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

// The stylesheet, split by component (splitStyles.mjs) and minified: the base is what
// `@payg-kit/ui/styles.css` gives the runtime (tokens, themes, and the rules no module's class
// names); each widget's main module (`BalanceBadge.tsx`) imports a module that adds the widget's
// own rules, and each module that writes a shared part's class (`payg-field`, `payg-segmented`,
// `payg-switch`, ...) imports that part's, so a part ships with the modules that render it: the
// runtime carries those its own modules write (the error boundary's card and alert), the badge
// neither the calculator's fields nor the top-up form's presets. The parts and widgets are added
// in the stylesheet's order (styles.ts), so the cascade is the shipped stylesheet's.
const uiDir = join(packageDir, '../ui/src')
const widgets = (await readdir(uiDir, { withFileTypes: true }))
  .filter(
    (entry) => entry.isDirectory() && existsSync(join(uiDir, entry.name, `${entry.name}.tsx`)),
  )
  .map((entry) => entry.name)
  .sort()
const uiModules = (await readdir(uiDir, { recursive: true }))
  .filter((file) => /\.tsx?$/.test(file) && !/\.(test|stories|test-d)\.tsx?$/.test(file))
  .map((file) => join(uiDir, file))
const moduleText = new Map(
  await Promise.all(uiModules.map(async (file) => [file, await readFile(file, 'utf8')])),
)
const writesClass = (file, block) =>
  new RegExp(`${block}(?![a-z0-9]|-[a-z0-9])`).test(moduleText.get(file))
const stylesheet = await readFile(join(uiDir, 'styles.css'), 'utf8')
/** `payg-field-error` -> `FieldError`, the name `blockOf` turns back into the block. */
const nameOf = (block) =>
  block.slice('payg-'.length).replace(/(^|-)([a-z0-9])/g, (_, _dash, c) => c.toUpperCase())
// The shared parts: every block the base names, but the root (tokens and themes), that some ui
// module writes.
const parts = [
  ...new Set(
    [...splitStyles(stylesheet, widgets).base.matchAll(/\.(payg-[a-z0-9]+(?:-[a-z0-9]+)*)/g)].map(
      ([, block]) => block,
    ),
  ),
]
  .filter((block) => block !== 'payg-root' && uiModules.some((file) => writesClass(file, block)))
  .map(nameOf)
// What the CSV export and the chart's table load on demand adds no rules: the styles of what they
// render load with the widget (a style sheet added later would miss the shadow roots already
// made).
const onDemandModules = uiModules.filter((file) => /(ledgerCsv|SpendTable)\.tsx?$/.test(file))
for (const file of onDemandModules)
  for (const name of parts)
    if (
      writesClass(file, blockOf(name)) &&
      !uiModules.some(
        (other) =>
          other !== file && !onDemandModules.includes(other) && writesClass(other, blockOf(name)),
      )
    )
      throw new Error(`${relative(uiDir, file)} loads on demand and alone writes .${blockOf(name)}`)
const minify = async (css) =>
  (await transform(css, { loader: 'css', minify: true, legalComments: 'none' })).code.trim()
const split = splitStyles(stylesheet, [...widgets, ...parts])
const unstyled = widgets.filter((widget) => !split.widgets[widget])
if (unstyled.length > 0)
  throw new Error(`styles.css has no rule for ${unstyled.map(blockOf).join(', ')}`)
const baseCss = await minify(split.base)
const widgetCss = Object.fromEntries(
  await Promise.all(
    Object.entries(split.widgets).map(async ([name, css]) => [name, await minify(css)]),
  ),
)
// Each part's and widget's place in the stylesheet: where its first rule is.
const rankOf = (name) => split.order[name]
/** Module -> the parts and widget whose rules it imports, in the stylesheet's order. */
const stylesOf = new Map()
for (const file of uiModules) {
  if (onDemandModules.includes(file)) continue
  const names = parts.filter((name) => writesClass(file, blockOf(name)))
  const widget = widgets.find((w) => file === join(uiDir, w, `${w}.tsx`))
  if (widget) names.push(widget)
  const styled = names.filter((name) => widgetCss[name]).sort((a, b) => rankOf(a) - rankOf(b))
  if (styled.length > 0) stylesOf.set(file, styled)
}
const widgetStyles = {
  name: 'widget-styles',
  setup(build) {
    build.onLoad({ filter: /styles\.css$/ }, () => ({ contents: baseCss, loader: 'text' }))
    build.onResolve({ filter: /^payg-widget-styles:/ }, ({ path }) => ({
      path: path.slice('payg-widget-styles:'.length),
      namespace: 'payg-widget-styles',
    }))
    build.onLoad({ filter: /.*/, namespace: 'payg-widget-styles' }, ({ path }) => ({
      contents: `import { addStyles } from ${JSON.stringify(join(packageDir, 'src/styles.ts'))}\naddStyles(${JSON.stringify(widgetCss[path])}, ${rankOf(path)})`,
      loader: 'js',
      resolveDir: packageDir,
    }))
  },
}
const prepend = (path) =>
  (stylesOf.get(path) ?? []).map((name) => `import 'payg-widget-styles:${name}'\n`).join('')

const common = {
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  legalComments: 'none',
  write: true,
  metafile: true,
}
// Stage 1, code-split: every entry (the elements and the full set) over shared chunks. The
// chunk all of them import is the runtime (preact, TanStack Query, the client, the base styles,
// defineWidget); what only some share lands in smaller chunks.
const staging = join(outdir, '.split')
await rm(staging, { recursive: true, force: true })
// The options of stage 1 that make an entry what a page runs: preact for React, the split styles.
const stage1Options = {
  absWorkingDir: packageDir,
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
  plugins: [directImports({ include: [join(packageDir, '..')], prepend }), widgetStyles],
}
const stage1 = await build({
  ...common,
  ...stage1Options,
  outdir: staging,
  entryPoints: {
    ...Object.fromEntries(elements.map((name) => [name, `src/entries/${name}.ts`])),
    'payg-embed': 'src/index.ts',
  },
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
})
const stage1Outputs = stage1.metafile.outputs
const staticImports = (file) =>
  (stage1Outputs[file]?.imports ?? []).filter(({ kind }) => kind === 'import-statement')
function closure1(file, seen = new Set()) {
  if (seen.has(file)) return seen
  seen.add(file)
  for (const { path } of staticImports(file)) closure1(path, seen)
  return seen
}
// The entries named above (a chunk loaded on demand has an entry point too).
const stagedEntries = Object.keys(stage1Outputs).filter(
  (file) => stage1Outputs[file].entryPoint?.startsWith('src/') && !file.includes('/chunks/'),
)
const runtimeChunks = [...closure1(stagedEntries[0])].filter(
  (file) => !stagedEntries.includes(file) && stagedEntries.every((e) => closure1(e).has(file)),
)
// What loads on demand (TransactionHistory's CSV writer) stays a chunk of its own.
const onDemand = Object.values(stage1Outputs).flatMap(({ imports }) =>
  imports.filter(({ kind }) => kind === 'dynamic-import').map(({ path }) => path),
)
const kept = new Set([...runtimeChunks, ...onDemand.flatMap((file) => [...closure1(file)])])

// Stage 2: each entry as one file with everything but the runtime (and what loads on demand):
// a page with the badge fetches two files, a page with the full set two. An element's script
// and the full set on one page import the same runtime, so they share one cache.
await rm(join(outdir, 'chunks'), { recursive: true, force: true })
await mkdir(join(outdir, 'chunks'), { recursive: true })
for (const file of kept)
  await copyFile(join(packageDir, file), join(outdir, relative(staging, join(packageDir, file))))
const stage2 = await build({
  ...common,
  outdir,
  entryPoints: stagedEntries.map((file) => join(packageDir, file)),
  entryNames: '[name]',
  plugins: [
    {
      name: 'runtime-external',
      setup(build) {
        build.onResolve({ filter: /^\.\.?\// }, ({ path, resolveDir }) => {
          const file = relative(packageDir, join(resolveDir, path))
          if (!kept.has(file)) return undefined
          return { path: `./${relative(staging, join(packageDir, file))}`, external: true }
        })
      },
    },
  ],
})
await rm(staging, { recursive: true, force: true })

// Types: the full set's tag names and event details; an element's entry exports nothing.
const source = await readFile(join(packageDir, 'src/elements.ts'), 'utf8')
const { outputText } = ts.transpileDeclaration(source, { compilerOptions: { strict: true } })
await writeFile(join(outdir, 'index.d.ts'), outputText)
await writeFile(
  join(outdir, 'element.d.ts'),
  "// Loading an element's entry registers its custom element; it exports nothing.\nexport {};\n",
)

/** Who an input belongs to: a package (`preact`, `@payg-kit/core`), the stylesheet, or this one. */
const ownerOf = (input) => {
  if (input.endsWith('.css') || input.startsWith('payg-widget-styles:')) return 'the stylesheet'
  const modules = input.lastIndexOf('node_modules/')
  if (modules >= 0) {
    const [scope = '', name = ''] = input.slice(modules + 'node_modules/'.length).split('/')
    return scope.startsWith('@') ? `${scope}/${name}` : scope
  }
  const workspace = /(?:^|\/)(core|react|ui|embed)\/src\//.exec(input)
  return workspace ? `@payg-kit/${workspace[1]}` : '@payg-kit/embed'
}
// Each file's own size, then each entry with the files it imports (statically, so the browser
// fetches them before the element runs). Composition: minified bytes by owner, from stage 1.
const ownBytes = new Map()
for (const [file, { inputs }] of Object.entries(stage1Outputs)) {
  const owners = {}
  for (const [input, { bytesInOutput }] of Object.entries(inputs)) {
    const owner = input.startsWith('src/') ? '@payg-kit/embed' : ownerOf(input)
    owners[owner] = (owners[owner] ?? 0) + bytesInOutput
  }
  ownBytes.set(relative(join(outdir, '.split'), join(packageDir, file)), owners)
}
/** name in outdir -> { imports: names in outdir, owners } */
const files = new Map()
for (const file of kept)
  files.set(relative(staging, join(packageDir, file)), {
    imports: staticImports(file).map(({ path }) => relative(staging, join(packageDir, path))),
    owners: ownBytes.get(relative(staging, join(packageDir, file))),
  })
for (const [file, { inputs, imports }] of Object.entries(stage2.metafile.outputs)) {
  if (!file.endsWith('.js')) continue
  const owners = {}
  for (const input of Object.keys(inputs))
    for (const [owner, bytes] of Object.entries(
      ownBytes.get(relative(staging, resolve(input))) ?? {},
    ))
      owners[owner] = (owners[owner] ?? 0) + bytes
  files.set(relative(outdir, resolve(file)), {
    imports: imports
      .filter(({ kind }) => kind === 'import-statement')
      .map(({ path }) => join(dirname(relative(outdir, resolve(file))), path)),
    owners,
  })
}
const fileSizes = new Map()
for (const file of files.keys()) {
  const bytes = await readFile(join(outdir, file))
  fileSizes.set(file, { minified: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length })
}
function closure(file, seen = new Set()) {
  if (seen.has(file)) return seen
  seen.add(file)
  for (const path of files.get(file)?.imports ?? []) closure(path, seen)
  return seen
}
const measure = (name, list) => {
  const sum = (key) => list.reduce((total, f) => total + (fileSizes.get(f)?.[key] ?? 0), 0)
  const composition = {}
  for (const file of list)
    for (const [owner, bytes] of Object.entries(files.get(file)?.owners ?? {}))
      composition[owner] = (composition[owner] ?? 0) + bytes
  return {
    name,
    files: [...list].sort(),
    minified: sum('minified'),
    gzip: sum('gzip'),
    composition,
  }
}
const entryNames = stagedEntries.map((file) => relative(staging, join(packageDir, file)))
const entries = entryNames
  .map((file) => measure(file, [...closure(file)]))
  .sort((a, b) => (a.name === 'payg-embed.js') - (b.name === 'payg-embed.js') || a.gzip - b.gzip)
const runtime = measure(
  'runtime (the chunks every element imports)',
  runtimeChunks.map((file) => relative(staging, join(packageDir, file))),
)

if (json) {
  // The stylesheet's parts: minified bytes of the base and of each component's own rules.
  const styles = {
    base: baseCss.length,
    ...Object.fromEntries(Object.entries(widgetCss).map(([name, css]) => [name, css.length])),
  }
  // What each budgeted entry costs at the least, with nothing shared: the entry bundled into one
  // file on its own (no runtime split off, so nothing another element needs), and the two
  // libraries alone, as little of them as any widget uses (preact/compat's root and hooks,
  // TanStack Query's client, provider and useQuery).
  const gzipped = async (options) => {
    const { outputFiles } = await build({
      ...common,
      ...stage1Options,
      write: false,
      metafile: false,
      splitting: false,
      outdir: join(outdir, '.floor'),
      ...options,
    })
    return outputFiles
      .filter(({ path }) => path.endsWith('.js'))
      .reduce((total, { contents }) => total + gzipSync(contents, { level: 9 }).length, 0)
  }
  const floors = {
    libraries: await gzipped({
      stdin: {
        contents: `export { createRoot } from 'react-dom/client'
export { createContext, forwardRef, useContext, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
export { jsx, jsxs, Fragment } from 'react/jsx-runtime'
export { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query'`,
        resolveDir: packageDir,
        loader: 'ts',
      },
      plugins: [],
    }),
    ...Object.fromEntries(
      await Promise.all(
        Object.keys(BUDGETS).map(async (name) => [
          name,
          await gzipped({
            entryPoints: [
              name === 'payg-embed.js' ? 'src/index.ts' : `src/entries/${basename(name, '.js')}.ts`,
            ],
          }),
        ]),
      ),
    ),
  }
  console.log(JSON.stringify({ entries, runtime, budgets: BUDGETS, styles, floors }))
} else {
  for (const { name, files, minified, gzip } of [runtime, ...entries]) {
    const budget = BUDGETS[name] ? ` (budget ${BUDGETS[name].toLocaleString('en-US')} B)` : ''
    console.log(
      `${name}: ${gzip.toLocaleString('en-US')} B min+gzip, ${minified.toLocaleString('en-US')} B minified, ${files.length} files${budget}`,
    )
  }
}
