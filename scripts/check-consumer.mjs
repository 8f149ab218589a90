// Installs the packed packages into a fresh Vite + React app outside the workspace, builds it,
// and checks what a user would see: BalanceBadge and TopUpForm on the mock in Chromium, and the
// same widgets rendered with react-dom/server in node.
// Usage: node scripts/check-consumer.mjs <folder with the tarballs from check-packages.mjs>
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { extname, join } from 'node:path'
import { chromium } from 'playwright'

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

const app = mkdtempSync(join(tmpdir(), 'payg-consumer-'))
const write = (path, text) => {
  mkdirSync(join(app, path, '..'), { recursive: true })
  writeFileSync(join(app, path), text)
}
write(
  'package.json',
  JSON.stringify(
    {
      name: 'payg-consumer',
      private: true,
      type: 'module',
      dependencies: {
        '@payg-kit/core': `file:${tarball('core')}`,
        '@payg-kit/msw': `file:${tarball('msw')}`,
        '@payg-kit/react': `file:${tarball('react')}`,
        '@payg-kit/ui': `file:${tarball('ui')}`,
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
// The packages depend on each other by version; point those at the tarballs too.
const overrides = ['core', 'msw', 'react', 'ui']
  .map((name) => `  '@payg-kit/${name}': 'file:${tarball(name)}'\n`)
  .join('')
write('pnpm-workspace.yaml', `allowBuilds:\n  esbuild: true\n  msw: true\noverrides:\n${overrides}`)
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

const run = (cmd, args) =>
  execFileSync(cmd, args, { cwd: app, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' })
run('pnpm', ['install', '--prefer-offline', '--config.confirmModulesPurge=false'])
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
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
})
try {
  const page = await (await browser.newContext()).newPage()
  const errors = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(`http://127.0.0.1:${server.address().port}/`)
  await page.getByText('$2.4567').first().waitFor({ timeout: 15_000 })
  await page.getByRole('radio', { name: '$20' }).check()
  await page.getByRole('button', { name: /add|top up/i }).click()
  await page.getByText('$22.4567').first().waitFor({ timeout: 15_000 })
  if (errors.length) throw new Error(`Page errors: ${errors.join('\n')}`)
  console.log(
    '✓ consumer app: a Vite + React app built from the tarballs shows the balance and tops up in Chromium',
  )
} finally {
  await browser.close()
  server.close()
}
