import { createPaygProxy, toNodeListener } from '@payg-kit/core/proxy'
import type { Plugin } from 'vite'
import { PROXY_PATH } from '../src/proxyPath'

/** Options of `paygProxyPlugin`. */
export interface PaygProxyPluginOptions {
  /** The server-side API key; it stays in this process. */
  apiKey: string
  /** The API to forward to. Default: Leonardo's production API. */
  upstream?: string
}

/**
 * Mounts `@payg-kit/core/proxy` on the dev server at `/api/payg`, forwarding only the Leonardo
 * endpoints that exist upstream (the billing extension does not), with the key added server-side.
 */
export function paygProxyPlugin({ apiKey, upstream }: PaygProxyPluginOptions): Plugin {
  const listener = toNodeListener(
    createPaygProxy({
      apiKey,
      upstream,
      basePath: PROXY_PATH,
      allow: ['GET /me', 'POST /pricing-calculator', 'POST /generations', 'GET /generations/{id}'],
    }),
  )
  return {
    name: 'payg-proxy',
    apply: 'serve',
    configureServer(server) {
      // Not `use(PROXY_PATH, ...)`: connect would strip the prefix the proxy expects to see.
      server.middlewares.use((req, res, next) => {
        const path = req.url?.split('?')[0] ?? ''
        if (path === PROXY_PATH || path.startsWith(`${PROXY_PATH}/`)) void listener(req, res)
        else next()
      })
    },
  }
}
