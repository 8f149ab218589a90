// Installs the packed packages, with one install, into two fresh apps outside the workspace and
// checks what a user would see:
// - a Vite + React app: BalanceBadge and TopUpForm on the mock in Chromium, and the same widgets
//   rendered with react-dom/server in node;
// - a Next.js app as create-next-app@16.4 makes it with its defaults (scripts/consumer-next: App
//   Router, TypeScript, its tsconfig.json, Cache Components and partial prefetching in
//   next.config.ts; left out: Tailwind and ESLint, which the check does not need, and
//   next/font/google, which downloads fonts at build time), with the proxy as a route handler in
//   front of the mock served over loopback HTTP: `next build`, `next start`, a top-up in
//   Chromium through the proxy;
// - `import '@payg-kit/ui/styles.css'` type-checks with `noUncheckedSideEffectImports`.
// Usage: node scripts/check-consumer.mjs <folder with the tarballs from check-packages.mjs>
import { execFileSync, spawn } from 'node:child_process'
import { once } from 'node:events'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { extname, join } from 'node:path'
import { createInterface } from 'node:readline'
import { chromium } from 'playwright'
import chromiumArgs from '../chromium-args.json' with { type: 'json' }

const root = new URL('..', import.meta.url).pathname
const packs = process.argv[2]
if (!packs) throw new Error('Usage: node scripts/check-consumer.mjs <tarball folder>')
const tarball = (name) => {
  const file = readdirSync(packs).find(
    (f) => f.startsWith(`payg-kit-${name}-`) && f.endsWith('.tgz'),
  )
  if (!file) throw new Error(`No tarball for @payg-kit/${name} in ${packs}`)
  return join(packs, file)
}
// The same versions the workspace pins.
const catalog = Object.fromEntries(
  (
    readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8').match(
      /^catalog:\n((?: {2}.*\n)+)/m,
    )?.[1] ?? ''
  )
    .split('\n')
    .map((line) => line.match(/^ {2}"?([@\w/.-]+)"?: (\S+)$/))
    .filter(Boolean)
    .map((match) => [match[1], match[2]]),
)

const started = Date.now()
const seconds = () => `${Math.round((Date.now() - started) / 1000)} s`
const workspace = mkdtempSync(join(tmpdir(), 'payg-consumer-'))
const app = join(workspace, 'vite')
const nextApp = join(workspace, 'next')
const write = (path, text, dir = app) => {
  mkdirSync(join(dir, path, '..'), { recursive: true })
  writeFileSync(join(dir, path), text)
}
const kit = Object.fromEntries(
  ['core', 'msw', 'react', 'ui'].map((name) => [`@payg-kit/${name}`, `file:${tarball(name)}`]),
)
write(
  'package.json',
  JSON.stringify(
    {
      name: 'payg-vite-consumer',
      private: true,
      type: 'module',
      dependencies: {
        ...kit,
        '@tanstack/react-query': catalog['@tanstack/react-query'],
        msw: catalog.msw,
        react: catalog.react,
        'react-dom': catalog['react-dom'],
      },
      devDependencies: {
        '@vitejs/plugin-react': catalog['@vitejs/plugin-react'],
        vite: catalog.vite,
      },
    },
    null,
    2,
  ),
)
// The Next.js app: the committed fixture, with the tarballs and the workspace's versions.
cpSync(join(root, 'scripts/consumer-next'), nextApp, { recursive: true })
const nextManifest = JSON.parse(readFileSync(join(nextApp, 'package.json'), 'utf8'))
Object.assign(nextManifest.dependencies, kit, {
  '@tanstack/react-query': catalog['@tanstack/react-query'],
  msw: catalog.msw,
  react: catalog.react,
  'react-dom': catalog['react-dom'],
})
Object.assign(nextManifest.devDependencies, {
  '@types/node': catalog['@types/node'],
  '@types/react': catalog['@types/react'],
  '@types/react-dom': catalog['@types/react-dom'],
  typescript: catalog.typescript,
  // TypeScript 7 (the native compiler), for its defaults; the apps build with the catalog's.
  'typescript-7': 'npm:typescript@7.0.2',
})
write('package.json', JSON.stringify(nextManifest, null, 2), nextApp)

// One install for both apps. The packages depend on each other by version; point those at the
// tarballs too.
const overrides = Object.entries(kit)
  .map(([name, spec]) => `  '${name}': '${spec}'\n`)
  .join('')
write('package.json', '{ "name": "payg-consumers", "private": true }\n', workspace)
write(
  'pnpm-workspace.yaml',
  `packages:\n  - vite\n  - next\nallowBuilds:\n  esbuild: true\n  msw: true\n  sharp: false\noverrides:\n${overrides}`,
  workspace,
)
write(
  'index.html',
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Consumer</title></head><body><main id="root"></main><script type="module" src="/src/main.tsx"></script></body></html>\n',
)
write(
  'vite.config.js',
  "import react from '@vitejs/plugin-react'\nimport { defineConfig } from 'vite'\nexport default defineConfig({ plugins: [react()], build: { chunkSizeWarningLimit: 4000 } })\n",
)
const widgets = `
import { createPaygClient } from '@payg-kit/core'
import { PaygProvider } from '@payg-kit/react'
import { BalanceBadge, TopUpForm } from '@payg-kit/ui'

export function App({ client }) {
  return (
    <PaygProvider client={client} locale="en-US">
      <h1>Billing</h1>
      <BalanceBadge />
      <TopUpForm presets={[10, 20]} />
    </PaygProvider>
  )
}
export const makeClient = () => createPaygClient({ baseUrl: 'https://cloud.leonardo.ai/api/rest/v1' })
`
write('src/App.jsx', widgets)
write(
  'src/main.tsx',
  `import '@payg-kit/ui/styles.css'
import { createPaygMock } from '@payg-kit/msw'
import { setupWorker } from 'msw/browser'
import { createRoot } from 'react-dom/client'
import { App, makeClient } from './App.jsx'

const mock = createPaygMock({ scenario: 'lowBalance' })
await setupWorker(...mock.handlers).start({ quiet: true, onUnhandledRequest: 'bypass' })
window.paygMock = mock
createRoot(document.getElementById('root')).render(<App client={makeClient()} />)
`,
)
write(
  'ssr.jsx',
  `import { renderToString } from 'react-dom/server'
import { App, makeClient } from './src/App.jsx'
process.stdout.write(renderToString(<App client={makeClient()} />))
`,
)

const run = (cmd, args, cwd = app, env = process.env) =>
  execFileSync(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' })
run('pnpm', ['install', '--prefer-offline', '--config.confirmModulesPurge=false'], workspace)
console.log(`✓ consumer apps installed from the tarballs (${seconds()})`)
cpSync(
  join(app, 'node_modules/msw/lib/mockServiceWorker.js'),
  join(app, 'public/mockServiceWorker.js'),
)
run('pnpm', ['exec', 'vite', 'build', '--logLevel', 'warn'])

// react-dom/server in node: the widgets render their loading state, and nothing touches window.
run('pnpm', [
  'exec',
  'vite',
  'build',
  '--ssr',
  'ssr.jsx',
  '--outDir',
  'dist-ssr',
  '--logLevel',
  'warn',
])
const html = run('node', ['dist-ssr/ssr.js'])
if (!html.includes('payg-balance-badge') || !html.includes('data-state="loading"')) {
  throw new Error(`Server rendering did not produce the loading badge:\n${html}`)
}
console.log('✓ consumer app: react-dom/server renders BalanceBadge and TopUpForm in node')

// The stylesheet's import type-checks where TypeScript checks side-effect imports: under
// TypeScript 7's defaults, and with `noUncheckedSideEffectImports` in TypeScript 5.9 with bundler
// and Node resolution.
write('css-types/styles.ts', "import '@payg-kit/ui/styles.css'\n", nextApp)
write('css-types/tsconfig.ts7.json', JSON.stringify({ files: ['styles.ts'] }), nextApp)
run(
  'node',
  ['node_modules/typescript-7/bin/tsc', '-p', 'css-types/tsconfig.ts7.json', '--noEmit'],
  nextApp,
)
for (const resolution of ['bundler', 'nodenext']) {
  const compilerOptions = {
    strict: true,
    noEmit: true,
    noUncheckedSideEffectImports: true,
    module: resolution === 'bundler' ? 'esnext' : 'nodenext',
    moduleResolution: resolution,
    types: [],
  }
  write(
    `css-types/tsconfig.${resolution}.json`,
    JSON.stringify({ compilerOptions, files: ['styles.ts'] }),
    nextApp,
  )
  run(
    'node',
    ['node_modules/typescript/bin/tsc', '-p', `css-types/tsconfig.${resolution}.json`],
    nextApp,
  )
}
console.log(
  "✓ consumer app: import '@payg-kit/ui/styles.css' type-checks under TypeScript 7's defaults and with noUncheckedSideEffectImports in TypeScript 5.9 (bundler and nodenext)",
)

const launchOptions = {
  // The same as vitest.browser.ts.
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: chromiumArgs,
}

// The built app in Chromium, served from loopback.
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }
const server = createServer((req, res) => {
  const path = req.url === '/' ? '/index.html' : (req.url ?? '/').split('?')[0]
  try {
    const body = readFileSync(join(app, 'dist', path))
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' })
    res.end(body)
  } catch {
    res.writeHead(404).end()
  }
})
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
const browser = await chromium.launch(launchOptions)
try {
  const page = await (await browser.newContext()).newPage()
  const errors = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(`http://127.0.0.1:${server.address().port}/`)
  await page.getByText('$2.45', { exact: true }).first().waitFor({ timeout: 15_000 })
  await page.getByRole('radio', { name: '$20' }).check()
  await page.getByRole('button', { name: /add|top up/i }).click()
  // The badge, not the form's "balance after top-up" preview, shows the server's new balance.
  await page.locator('.payg-balance-badge', { hasText: '$22.45' }).waitFor({ timeout: 15_000 })
  if (errors.length) throw new Error(`Page errors: ${errors.join('\n')}`)
  const topUps = await page.evaluate(() => window.paygMock.requestCount('createTopUp'))
  if (topUps !== 1) throw new Error(`The mock received ${topUps} top-ups, expected 1`)
  console.log(
    `✓ consumer app: a Vite + React app built from the tarballs shows the balance and tops up in Chromium (${seconds()})`,
  )
} catch (error) {
  await browser.close()
  throw error
} finally {
  server.close()
}

// The Next.js app: the mock over loopback HTTP is the upstream of the proxy's route handler.
const children = []
const start = (args, env) => {
  const child = spawn(args[0], args.slice(1), {
    cwd: nextApp,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  children.push(child)
  return child
}
const firstLine = async (child, pattern) => {
  const lines = createInterface({ input: child.stdout })
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`${child.spawnargs.join(' ')} exited with ${code} before it was ready`)
  })
  const ready = (async () => {
    for await (const line of lines) if (pattern.test(line)) return line
  })()
  return Promise.race([ready, exited])
}
const apiKey = 'consumer-check-server-key'
try {
  const upstreamProcess = start(['node', 'upstream.mjs'], { ...process.env, PAYG_API_KEY: apiKey })
  const upstream = (await firstLine(upstreamProcess, /^http:/)).trim()
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    PAYG_API_KEY: apiKey,
    PAYG_UPSTREAM: upstream,
  }
  run('pnpm', ['exec', 'next', 'build'], nextApp, env)
  console.log(
    `✓ consumer app: next build of a create-next-app app with Cache Components (${seconds()})`,
  )

  const free = createServer()
  await new Promise((resolve) => free.listen(0, '127.0.0.1', resolve))
  const port = free.address().port
  await new Promise((resolve) => free.close(resolve))
  const nextServer = start(
    [
      'node',
      'node_modules/next/dist/bin/next',
      'start',
      '--hostname',
      '127.0.0.1',
      '--port',
      String(port),
    ],
    env,
  )
  await firstLine(nextServer, /ready/i)

  // The prerendered shell holds the widgets' loading states.
  const shell = await (await fetch(`http://127.0.0.1:${port}/`)).text()
  if (!shell.includes('payg-balance-badge') || !shell.includes('payg-spend-chart')) {
    throw new Error(`next start did not serve the prerendered widgets:\n${shell}`)
  }
  // The route handler's proxy lets only a signed-in session through.
  const anonymous = await fetch(`http://127.0.0.1:${port}/api/payg/billing/balance`)
  if (anonymous.status !== 401) {
    throw new Error(`The proxy answered ${anonymous.status} without a session, expected 401`)
  }
  const context = await browser.newContext()
  await context.addCookies([
    { name: 'session', value: 'signed-in', url: `http://127.0.0.1:${port}/`, sameSite: 'Lax' },
  ])
  const page = await context.newPage()
  const errors = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(`http://127.0.0.1:${port}/`)
  await page.getByText('$2.45', { exact: true }).first().waitFor({ timeout: 15_000 })
  await page
    .locator('.payg-spend-chart[data-state="ready"], .payg-spend-chart[data-state="empty"]')
    .waitFor({ timeout: 15_000 })
  await page.getByRole('radio', { name: '$20' }).check()
  await page.getByRole('button', { name: /add|top up/i }).click()
  await page.locator('.payg-balance-badge', { hasText: '$22.45' }).waitFor({ timeout: 15_000 })
  if (errors.length) throw new Error(`Page errors: ${errors.join('\n')}`)
  const { count } = await (await fetch(`${upstream.replace(/\/v1$/, '')}/__mock/top-ups`)).json()
  if (count !== 1) throw new Error(`The mock received ${count} top-ups, expected 1`)
  console.log(
    `✓ consumer app: next start serves the page; a top-up through the route handler's proxy reaches the mock once and shows the new balance (${seconds()})`,
  )
} finally {
  await browser.close()
  for (const child of children) child.kill()
}
