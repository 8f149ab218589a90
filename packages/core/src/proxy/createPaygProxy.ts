import type { paths } from '../generated/payg'

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH'
type MethodsOf<P extends keyof paths> = {
  [M in keyof paths[P] & string]: paths[P][M] extends undefined | never
    ? never
    : Uppercase<M> & Method
}[keyof paths[P] & string]

/** An operation of the spec, as `'METHOD /path'`: `'GET /billing/balance'`, `'POST /generations'`. */
export type ProxyOperation = {
  [P in keyof paths]: `${MethodsOf<P>} ${P}`
}[keyof paths]

/** What the widgets call: forwarded when `allow` is not given. Creating generations is not. */
export const WIDGET_OPERATIONS: readonly ProxyOperation[] = [
  'GET /me',
  'POST /pricing-calculator',
  'GET /billing/balance',
  'POST /billing/top-ups',
  'GET /billing/top-ups',
  'GET /billing/top-ups/{idempotencyKey}',
  'GET /billing/auto-top-up',
  'PUT /billing/auto-top-up',
  'DELETE /billing/auto-top-up',
  'GET /billing/transactions',
  'GET /billing/usage',
  'GET /billing/payment-method',
  'GET /billing/subscription',
  'GET /billing/subscription/migration-preview',
  'POST /billing/subscription/migrate',
  'GET /billing/pricing',
  'POST /billing/pricing/quote',
]

/** Options of `createPaygProxy`. */
export interface PaygProxyOptions {
  /** The server's API key, added to every forwarded request. Never sent to the browser. */
  apiKey: string
  /** The API to forward to. Default: Leonardo's `https://cloud.leonardo.ai/api/rest/v1`. */
  upstream?: string
  /** Where the proxy is mounted, stripped from incoming paths. Default `''` (the root). */
  basePath?: string
  /** The operations forwarded; anything else gets 404. Default: `WIDGET_OPERATIONS`. */
  allow?: readonly ProxyOperation[]
  /**
   * Decides whether the caller may use the proxy (check your session here). `false` answers
   * 401; a `Response` is sent as it is (e.g. a 403); `true` forwards.
   */
  authorize?: (request: Request) => boolean | Response | Promise<boolean | Response>
  /** The largest request body forwarded, in bytes. Default 64 KiB; larger gets 413. */
  maxBodyBytes?: number
  /** How long to wait for the upstream, in ms. Default 30 s; then 504. */
  timeoutMs?: number
  /** The `fetch` used upstream. Default: `globalThis.fetch`, looked up per request. */
  fetch?: (request: Request) => Promise<Response>
}

// Request headers a browser may pass on; everything else (cookies, Authorization) stays behind.
const FORWARDED_REQUEST_HEADERS = ['accept', 'accept-language', 'content-type', 'idempotency-key']
const FORWARDED_RESPONSE_HEADERS = [
  'content-type',
  'retry-after',
  'idempotent-replayed',
  'x-request-id',
  'cache-control',
]

function problem(status: number, code: string, message: string, headers?: HeadersInit): Response {
  const response = Response.json({ code, message: `[payg-kit proxy] ${message}` }, { status })
  for (const [name, value] of new Headers(headers)) response.headers.set(name, value)
  return response
}

/** Reads at most `limit` bytes of a body; `null` when it is longer. */
async function readLimited(
  request: Request,
  limit: number,
): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!request.body) return new Uint8Array()
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel()
      return null
    }
    chunks.push(value)
  }
  const body = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    body.set(chunk, offset)
    offset += chunk.byteLength
  }
  return body
}

/** Compiles `'GET /generations/{id}'` into a matcher of method and path. */
function compile(operation: ProxyOperation): (method: string, path: string) => boolean {
  const space = operation.indexOf(' ')
  const method = operation.slice(0, space)
  const pattern = new RegExp(
    `^${operation
      .slice(space + 1)
      .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
      .replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`,
  )
  return (m, path) => m === method && pattern.test(path)
}

/**
 * A server-side proxy for browser widgets: a Fetch-API handler (`Request -> Response`) for
 * Next.js route handlers, Hono, Deno, Bun, or Node's http through `toNodeListener`. It forwards
 * only allow-listed operations, replaces any `Authorization` the browser sent with the server's
 * API key, and never lets the key out.
 * @example
 * // app/api/payg/[...path]/route.ts (Next.js)
 * const proxy = createPaygProxy({ apiKey: process.env.LEONARDO_API_KEY!, basePath: '/api/payg', authorize: isSignedIn })
 * export { proxy as GET, proxy as POST, proxy as PUT, proxy as DELETE }
 */
export function createPaygProxy(
  options: PaygProxyOptions,
): (request: Request) => Promise<Response> {
  const {
    apiKey,
    upstream = 'https://cloud.leonardo.ai/api/rest/v1',
    basePath = '',
    allow = WIDGET_OPERATIONS,
    authorize,
    maxBodyBytes = 64 * 1024,
    timeoutMs = 30_000,
  } = options ?? ({} as PaygProxyOptions)
  if (typeof apiKey !== 'string' || !/^\S+$/.test(apiKey)) {
    throw new TypeError(
      '[payg-kit] createPaygProxy needs the server-side `apiKey` (a non-empty string).',
    )
  }
  if (!/^https?:\/\/[^\s/?#]+[^\s?#]*$/.test(upstream)) {
    throw new TypeError('[payg-kit] createPaygProxy: `upstream` must be an http(s) URL.')
  }
  if (!(Array.isArray(allow) && allow.every((op) => /^[A-Z]+ \/\S*$/.test(op)))) {
    throw new TypeError(
      "[payg-kit] createPaygProxy: `allow` lists operations such as 'GET /billing/balance'.",
    )
  }
  const root = upstream.replace(/\/+$/, '')
  const prefix = basePath.replace(/\/+$/, '')
  const rules = allow.map(compile)
  const send = options.fetch ?? ((input: Request) => globalThis.fetch(input))
  // A real key is long; redacting a short placeholder key (say "k") would mangle every body.
  const redact = (text: string) =>
    apiKey.length >= 8 ? text.split(apiKey).join('[redacted]') : text

  return async function paygProxy(request: Request): Promise<Response> {
    const url = new URL(request.url)
    if (prefix && !(url.pathname === prefix || url.pathname.startsWith(`${prefix}/`))) {
      return problem(404, 'NOT_FOUND', `${url.pathname} is outside ${prefix}.`)
    }
    const path = url.pathname.slice(prefix.length) || '/'
    const method = request.method.toUpperCase()
    if (!rules.some((allowed) => allowed(method, path))) {
      return problem(404, 'NOT_FOUND', `${method} ${path} is not an operation this proxy forwards.`)
    }

    if (authorize) {
      let verdict: boolean | Response
      try {
        verdict = await authorize(request)
      } catch {
        return problem(500, 'INTERNAL_ERROR', 'authorize() failed.')
      }
      if (verdict instanceof Response) return verdict
      if (verdict !== true) return problem(401, 'UNAUTHORIZED', 'Sign in to use billing.')
    }

    const declared = Number(request.headers.get('content-length') ?? 0)
    if (declared > maxBodyBytes) {
      return problem(413, 'BAD_REQUEST', `The request body is over ${maxBodyBytes} bytes.`)
    }
    const body =
      method === 'GET' || method === 'HEAD' ? null : await readLimited(request, maxBodyBytes)
    if (body === null && method !== 'GET' && method !== 'HEAD') {
      return problem(413, 'BAD_REQUEST', `The request body is over ${maxBodyBytes} bytes.`)
    }

    const headers = new Headers()
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = request.headers.get(name)
      if (value !== null) headers.set(name, value)
    }
    headers.set('authorization', `Bearer ${apiKey}`)

    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), timeoutMs)
    const onAbort = () => controller.abort()
    request.signal?.addEventListener('abort', onAbort)
    let upstreamResponse: Response
    let text: string
    try {
      upstreamResponse = await send(
        new Request(root + path + url.search, {
          method,
          headers,
          body: body && body.byteLength > 0 ? body : null,
          signal: controller.signal,
        }),
      )
      text = await upstreamResponse.text()
    } catch {
      return controller.signal.aborted && !request.signal?.aborted
        ? problem(504, 'SERVICE_UNAVAILABLE', `The API did not answer within ${timeoutMs} ms.`)
        : problem(502, 'SERVICE_UNAVAILABLE', 'The API could not be reached.')
    } finally {
      clearTimeout(timer)
      request.signal?.removeEventListener('abort', onAbort)
    }

    const responseHeaders = new Headers()
    for (const name of FORWARDED_RESPONSE_HEADERS) {
      const value = upstreamResponse.headers.get(name)
      if (value !== null) responseHeaders.set(name, redact(value))
    }
    // An upstream that echoes the key (in an error, say) must not hand it to the browser.
    const { status } = upstreamResponse
    const empty = status === 204 || status === 205 || status === 304
    return new Response(empty ? null : redact(text), {
      status: upstreamResponse.status,
      headers: responseHeaders,
    })
  }
}
