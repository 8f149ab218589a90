// A stand-in for Leonardo's public API on loopback (real HTTP on 127.0.0.1): the kit's stateful
// mock, but only Leonardo's own paths. The billing extension (`/billing/*`) and every other path
// get the 404 Leonardo gives, so whatever the kit does without the extension is what it would do
// against the real API.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createPaygMock, type PaygMock, type PaygMockOptions } from '@payg-kit/msw'
import { getResponse } from 'msw'

/** Leonardo's API base path, as in `https://cloud.leonardo.ai/api/rest/v1`. */
export const LEONARDO_BASE_PATH = '/api/rest/v1'
const MOCK_ORIGIN = 'https://cloud.leonardo.ai'

/** A running Leonardo-only server. */
export interface LeonardoOnlyServer {
  /** The API's base URL, e.g. `http://127.0.0.1:43817/api/rest/v1`: a client's `baseUrl`. */
  url: string
  /** The mock behind it (state, clock, request log). */
  mock: PaygMock
  /** Every request received, as `METHOD /path` under the base path, oldest first. */
  seen: string[]
  close(): Promise<void>
}

/** Whether a path under the base path is Leonardo's (the billing extension is not). */
function isLeonardoPath(path: string): boolean {
  return !(path === '/billing' || path.startsWith('/billing/'))
}

function notFound(path: string): Response {
  return Response.json(
    { error: `Not found: ${path}`, path: '$', code: 'not-found' },
    { status: 404 },
  )
}

/** Starts the server on 127.0.0.1 at a free port (Leonardo's paths only, unless `billingExtension`). */
export async function startLeonardoOnly(
  options: Omit<PaygMockOptions, 'baseUrl'> & {
    /** Serve the billing extension too, as a platform that implements it would. Default false. */
    billingExtension?: boolean
  } = {},
): Promise<LeonardoOnlyServer> {
  const { billingExtension = false, ...mockOptions } = options
  const mock = createPaygMock({ ...mockOptions, baseUrl: MOCK_ORIGIN + LEONARDO_BASE_PATH })
  const seen: string[] = []
  const server: Server = createServer(async (req, res) => {
    try {
      const chunks: Buffer[] = []
      for await (const chunk of req) chunks.push(chunk as Buffer)
      const url = new URL(req.url ?? '/', MOCK_ORIGIN)
      const path = url.pathname.startsWith(`${LEONARDO_BASE_PATH}/`)
        ? url.pathname.slice(LEONARDO_BASE_PATH.length)
        : null
      seen.push(`${req.method} ${path ?? url.pathname}`)
      const headers = new Headers()
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === 'string') headers.set(name, value)
      }
      const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined
      const request = new Request(url, { method: req.method, headers, body })
      const response =
        path !== null && (billingExtension || isLeonardoPath(path))
          ? ((await getResponse(mock.handlers, request)) ?? notFound(url.pathname))
          : notFound(url.pathname)
      res.statusCode = response.status
      response.headers.forEach((value, name) => {
        res.setHeader(name, value)
      })
      res.end(Buffer.from(await response.arrayBuffer()))
    } catch (error) {
      res.statusCode = 500
      res.setHeader('content-type', 'application/json')
      res.end(JSON.stringify({ error: String(error) }))
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}${LEONARDO_BASE_PATH}`,
    mock,
    seen,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
