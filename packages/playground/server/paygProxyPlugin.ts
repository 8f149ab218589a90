import { createPaygProxy, toNodeListener } from '@payg-kit/core/proxy'
import type { Plugin } from 'vite'
import { startLeonardoOnly } from '../../../test/leonardoOnlyServer'
import { PROXY_PATH } from '../src/proxyPath'
import { createPlaygroundSession, isUnder } from './session'

/** Options of `paygProxyPlugin`. */
export interface PaygProxyPluginOptions {
  /** The server-side API key; it stays in this process. */
  apiKey: string
  /**
   * The API to forward to. Default: Leonardo's production API. `'leonardo-only'` starts a
   * stand-in for it on loopback (the mock without the billing extension), for trying live mode
   * without an account.
   */
  upstream?: string
}

/**
 * Mounts `@payg-kit/core/proxy` on the dev server at `/api/payg`, forwarding only the Leonardo
 * endpoints that exist upstream (the billing extension does not), with the key added server-side.
 * Only a browser on this machine that loaded the page may use it: the page's responses set a
 * per-process session cookie (HttpOnly, SameSite=Strict) for loopback clients, and the proxy's
 * `authorize` checks it.
 */
export function paygProxyPlugin({ apiKey, upstream }: PaygProxyPluginOptions): Plugin {
  const session = createPlaygroundSession()
  const proxyTo = (target: string | undefined) =>
    toNodeListener(
      createPaygProxy({
        apiKey,
        upstream: target,
        basePath: PROXY_PATH,
        allow: [
          'GET /me',
          'POST /pricing-calculator',
          'POST /generations',
          'GET /generations/{id}',
        ],
        authorize: (request) => session.has(request.headers.get('cookie')),
      }),
    )
  return {
    name: 'payg-proxy',
    apply: 'serve',
    async configureServer(server) {
      let target = upstream
      if (upstream === 'leonardo-only') {
        const standIn = await startLeonardoOnly()
        server.httpServer?.once('close', () => void standIn.close())
        target = standIn.url
      }
      const listener = proxyTo(target)
      // Not `use(PROXY_PATH, ...)`: connect would strip the prefix the proxy expects to see.
      server.middlewares.use((req, res, next) => {
        if (isUnder(req.url, PROXY_PATH)) {
          void listener(req, res)
          return
        }
        session.grant(req, res)
        next()
      })
    },
  }
}
