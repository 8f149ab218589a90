import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { paygProxyPlugin } from './server/paygProxyPlugin'

// Mock by default. `LEONARDO_API_KEY=... pnpm playground` serves the page live instead: the dev
// server proxies the Leonardo endpoints with the key, and the page only learns that it is live.
// `PAYG_UPSTREAM=leonardo-only pnpm playground` is live mode against Leonardo's paths on loopback.
// (A static build has no server to hold a key, so `vite build` is always the mock.)
// Loaded with `--configLoader runner`: the proxy is imported from the workspace's TypeScript
// source, which the default loader leaves to Node, and Node 20 cannot run .ts files.
export default defineConfig(({ command }) => {
  const upstream = process.env.PAYG_UPSTREAM || undefined
  // `PAYG_UPSTREAM=leonardo-only` is live mode against a stand-in for Leonardo on loopback: no key needed.
  const apiKey =
    process.env.LEONARDO_API_KEY?.trim() || (upstream === 'leonardo-only' ? 'loopback' : '')
  const proxy = command === 'serve' && apiKey ? paygProxyPlugin({ apiKey, upstream }) : null
  return {
    plugins: [react(), proxy],
    // The only thing the page learns about the key: whether there is one.
    define: { __PAYG_LIVE__: JSON.stringify(proxy !== null) },
    // msw's worker script, served from where Storybook keeps it rather than copied.
    publicDir: '../../.storybook/public',
    build: { chunkSizeWarningLimit: 1500 },
  }
})
