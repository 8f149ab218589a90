import type { paths } from '../generated/payg'
import {
  bodyTooLargeMessage,
  isJsonBody,
  JSON_BODY_MESSAGE,
  MAX_BODY_BYTES,
  mediaType,
} from '../rules/requestBody'
import { createOriginCheck } from './crossOrigin'
import { compileOperation } from './pathParameters'
import { createKeyRedactor } from './redactKey'

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

/** Lets a caller through (`true`), refuses with 401 (`false`), or answers for the proxy. */
export type PaygProxyAuthorize = (
  request: Request,
) => boolean | Response | Promise<boolean | Response>

/** Options of `createPaygProxy`. */
export interface PaygProxyOptions {
  /** The server's API key, added to every forwarded request. Never sent to the browser. */
  apiKey: string
  /**
   * Required. Decides whether the caller may use the proxy: check your session here. `true`
   * forwards, `false` answers 401, a `Response` is sent as it is (e.g. a 403).
   * `'anonymous-read-only'` forwards GET requests without a session and refuses every write.
   */
  authorize: PaygProxyAuthorize | 'anonymous-read-only'
  /** The API to forward to. Default: Leonardo's `https://cloud.leonardo.ai/api/rest/v1`. */
  upstream?: string
  /** Where the proxy is mounted, stripped from incoming paths. Default `''` (the root). */
  basePath?: string
  /** The operations forwarded; anything else gets 404. Default: `WIDGET_OPERATIONS`. */
  allow?: readonly ProxyOperation[]
  /**
   * Origins other than the proxy's own whose pages may send writes, such as
   * `'https://app.example.com'`. Default: none (same-origin only).
   */
  allowedOrigins?: readonly string[]
  /**
   * The largest request body forwarded, in bytes. Default 64 KiB, the billing operations' limit
   * (`MAX_BODY_BYTES` of `@payg-kit/core/rules`); larger gets 413.
   */
  maxBodyBytes?: number
  /** How long reading the request body may take, in ms. Default 10 s; then 408. */
  requestBodyTimeoutMs?: number
  /** How long to wait for the upstream's response headers, in ms. Default 30 s; then 504. */
  timeoutMs?: number
  /** The largest upstream body passed on, in bytes. Default 1 MiB; declared larger gets 502, else the response is cut. */
  maxResponseBytes?: number
  /** How long reading the upstream's body may take, in ms. Default 30 s; then the response is cut. */
  responseBodyTimeoutMs?: number
  /** The `fetch` used upstream. Default: `globalThis.fetch`, looked up per request. */
  fetch?: (request: Request) => Promise<Response>
}

// Request headers a browser may pass on; everything else (cookies, Authorization) stays behind.
const FORWARDED_REQUEST_HEADERS = ['accept', 'accept-language', 'idempotency-key']
// Response headers passed back. Never Set-Cookie (the API must not set cookies on the app's
// origin) nor Location (a redirect is refused).
const FORWARDED_RESPONSE_HEADERS = [
  'retry-after',
  'idempotent-replayed',
  'x-request-id',
  'cache-control',
]
const SAFE_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'; sandbox",
}
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json$/

/** Reads at most `limit` bytes of a body within `timeoutMs`. */
async function readBody(
  request: Request,
  limit: number,
  timeoutMs: number,
): Promise<Uint8Array<ArrayBuffer> | 'too-large' | 'timeout' | 'failed'> {
  if (!request.body) return new Uint8Array()
  let reader: ReadableStreamDefaultReader<Uint8Array>
  try {
    reader = request.body.getReader()
  } catch {
    return 'failed' // Already read, by authorize() say.
  }
  const chunks: Uint8Array[] = []
  let size = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs)
  })
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), deadline])
      if (next === 'timeout' || (!next.done && size + next.value.byteLength > limit)) {
        reader.cancel().catch(() => {})
        return next === 'timeout' ? 'timeout' : 'too-large'
      }
      if (next.done) break
      size += next.value.byteLength
      chunks.push(next.value)
    }
  } catch {
    return 'failed'
  } finally {
    clearTimeout(timer)
  }
  const body = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    body.set(chunk, offset)
    offset += chunk.byteLength
  }
  return body
}

function positive(value: number, name: string): number {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new TypeError(`[payg-kit] createPaygProxy: \`${name}\` must be a positive number.`)
  }
  return value
}

/**
 * A server-side proxy for browser widgets: a Fetch-API handler (`Request -> Response`) for
 * Next.js route handlers, Hono, Deno, Bun, or Node's http through `toNodeListener`. It forwards
 * only allow-listed operations of callers that `authorize` lets through, refuses cross-site
 * writes, replaces any `Authorization` the browser sent with the server's API key, never follows
 * a redirect and never lets the key out. See SECURITY.md for what it defends and what it does not.
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
    authorize,
    upstream = 'https://cloud.leonardo.ai/api/rest/v1',
    basePath = '',
    allow = WIDGET_OPERATIONS,
    allowedOrigins = [],
  } = options ?? ({} as PaygProxyOptions)
  if (typeof apiKey !== 'string' || !/^[\x21-\x7e]+$/.test(apiKey)) {
    throw new TypeError(
      '[payg-kit] createPaygProxy needs the server-side `apiKey` (a non-empty string of printable ASCII).',
    )
  }
  if (typeof authorize !== 'function' && authorize !== 'anonymous-read-only') {
    throw new TypeError(
      "[payg-kit] createPaygProxy needs `authorize`: a function that checks the caller's session " +
        "and returns true to forward. To serve reads to anyone, pass authorize: 'anonymous-read-only' " +
        '(writes then always get 401).',
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
  const fromAllowedOrigin = createOriginCheck(allowedOrigins, 'createPaygProxy')
  const maxBodyBytes = positive(options.maxBodyBytes ?? MAX_BODY_BYTES, 'maxBodyBytes')
  const requestBodyTimeoutMs = positive(
    options.requestBodyTimeoutMs ?? 10_000,
    'requestBodyTimeoutMs',
  )
  const timeoutMs = positive(options.timeoutMs ?? 30_000, 'timeoutMs')
  const maxResponseBytes = positive(options.maxResponseBytes ?? 1024 * 1024, 'maxResponseBytes')
  const responseBodyTimeoutMs = positive(
    options.responseBodyTimeoutMs ?? 30_000,
    'responseBodyTimeoutMs',
  )
  const root = upstream.replace(/\/+$/, '')
  const prefix = basePath.replace(/\/+$/, '')
  const rules = allow.map(compileOperation)
  const send = options.fetch ?? ((input: Request) => globalThis.fetch(input))
  const redactor = createKeyRedactor(apiKey)

  /** An answer of the proxy itself, in the API's error schema, the key redacted even there. */
  function problem(status: number, code: string, message: string): Response {
    const text = redactor.text(`[payg-kit proxy] ${message}`) ?? '[payg-kit proxy]'
    const response = Response.json({ code, message: text }, { status })
    for (const [name, value] of Object.entries(SAFE_HEADERS)) response.headers.set(name, value)
    response.headers.set('cache-control', 'no-store')
    return response
  }

  async function handle(request: Request): Promise<Response> {
    let url: URL
    try {
      url = new URL(request.url)
    } catch {
      return problem(400, 'BAD_REQUEST', 'The request URL is not valid.')
    }
    if (prefix && !(url.pathname === prefix || url.pathname.startsWith(`${prefix}/`))) {
      return problem(404, 'NOT_FOUND', `${url.pathname} is outside ${prefix}.`)
    }
    const path = url.pathname.slice(prefix.length) || '/'
    // No operation of the spec has an encoded character or a dot segment in its path: refusing
    // them all keeps encoded separators and traversal from ever reaching the API.
    if (/[%\\]/.test(path) || path.split('/').some((s) => s === '.' || s === '..')) {
      return problem(400, 'BAD_REQUEST', 'The path has an encoded character or a dot segment.')
    }
    const method = request.method
    const matches = rules.map((rule) => rule(method, path))
    if (!matches.some((match) => match.ok)) {
      const invalid = matches.map((match) => (match.ok ? undefined : match.invalid)).find(Boolean)
      return invalid
        ? problem(400, 'BAD_REQUEST', invalid)
        : problem(404, 'NOT_FOUND', `${method} ${path} is not an operation this proxy forwards.`)
    }

    // A write must come from an allowed page, and as JSON (or bodiless with an Idempotency-Key):
    // neither a cross-site form nor a simple cross-site fetch can send that.
    const write = method !== 'GET'
    const contentType = request.headers.get('content-type')
    const type = mediaType(contentType)
    if (write) {
      if (!fromAllowedOrigin(request, url)) {
        return problem(403, 'FORBIDDEN', 'Writes are accepted only from an allowed origin.')
      }
      // JSON in UTF-8, as the billing extension reads it (core/rules).
      if (
        type === null ? !request.headers.has('idempotency-key') : !isJsonBody(contentType, true)
      ) {
        return problem(415, 'BAD_REQUEST', JSON_BODY_MESSAGE)
      }
    }

    if (authorize === 'anonymous-read-only') {
      if (write) return problem(401, 'UNAUTHORIZED', 'Sign in to change billing.')
    } else {
      let verdict: boolean | Response
      try {
        verdict = await authorize(request)
      } catch {
        return problem(500, 'INTERNAL_ERROR', 'authorize() failed.')
      }
      if (verdict instanceof Response) {
        // The app's own answer (a sign-in redirect, say) goes out with the proxy's safe headers.
        const headers = new Headers(verdict.headers)
        for (const [name, value] of Object.entries(SAFE_HEADERS)) headers.set(name, value)
        if (!headers.has('cache-control')) headers.set('cache-control', 'no-store')
        return new Response(verdict.body, {
          status: verdict.status,
          statusText: verdict.statusText,
          headers,
        })
      }
      if (verdict !== true) return problem(401, 'UNAUTHORIZED', 'Sign in to use billing.')
    }

    let body: Uint8Array<ArrayBuffer> | null = null
    if (write && type !== null) {
      const declared = request.headers.get('content-length')
      if (declared !== null && !/^\d+$/.test(declared)) {
        return problem(400, 'BAD_REQUEST', 'The Content-Length is not valid.')
      }
      if (Number(declared ?? 0) > maxBodyBytes) {
        return problem(413, 'BAD_REQUEST', bodyTooLargeMessage(maxBodyBytes))
      }
      const read = await readBody(request, maxBodyBytes, requestBodyTimeoutMs)
      if (read === 'too-large') {
        return problem(413, 'BAD_REQUEST', bodyTooLargeMessage(maxBodyBytes))
      }
      if (read === 'timeout') {
        return problem(408, 'BAD_REQUEST', `The request body took over ${requestBodyTimeoutMs} ms.`)
      }
      if (read === 'failed') {
        return problem(400, 'BAD_REQUEST', 'The request body could not be read.')
      }
      body = read.byteLength > 0 ? read : null
    }

    const headers = new Headers()
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = request.headers.get(name)
      if (value !== null) headers.set(name, value)
    }
    if (body) headers.set('content-type', 'application/json')
    headers.set('authorization', `Bearer ${apiKey}`)

    const controller = new AbortController()
    const onAbort = () => controller.abort()
    // A caller gone before this point is not waited on at all.
    if (request.signal?.aborted) controller.abort()
    else request.signal?.addEventListener('abort', onAbort)
    const done = () => request.signal?.removeEventListener('abort', onAbort)
    let headersTimer: ReturnType<typeof setTimeout> | undefined
    let upstreamResponse: Response
    try {
      upstreamResponse = await Promise.race([
        send(
          new Request(root + path + url.search, {
            method,
            headers,
            body,
            redirect: 'manual',
            signal: controller.signal,
          }),
        ),
        new Promise<never>((_, reject) => {
          headersTimer = setTimeout(() => {
            controller.abort()
            reject(new Error('timeout'))
          }, timeoutMs)
        }),
      ])
    } catch {
      done()
      return controller.signal.aborted && !request.signal?.aborted
        ? problem(504, 'SERVICE_UNAVAILABLE', `The API did not answer within ${timeoutMs} ms.`)
        : problem(502, 'SERVICE_UNAVAILABLE', 'The API could not be reached.')
    } finally {
      clearTimeout(headersTimer)
    }

    const { status } = upstreamResponse
    const refuse = (message: string) => {
      upstreamResponse.body?.cancel().catch(() => {})
      controller.abort()
      done()
      return problem(502, 'SERVICE_UNAVAILABLE', message)
    }
    // A redirect would take the key to a URL nobody allow-listed.
    if (upstreamResponse.type === 'opaqueredirect' || (status >= 300 && status < 400)) {
      return refuse('The API answered with a redirect, which the proxy does not follow.')
    }
    const declared = upstreamResponse.headers.get('content-length')
    if (
      declared !== null &&
      !upstreamResponse.headers.has('content-encoding') &&
      Number(declared) > maxResponseBytes
    ) {
      return refuse(`The API's answer is over ${maxResponseBytes} bytes.`)
    }

    const responseHeaders = new Headers(SAFE_HEADERS)
    for (const name of FORWARDED_RESPONSE_HEADERS) {
      const value = upstreamResponse.headers.get(name)
      const safe = value === null ? null : redactor.text(value)
      if (safe) responseHeaders.set(name, safe)
    }
    if (!responseHeaders.has('cache-control')) responseHeaders.set('cache-control', 'no-store')
    // Never HTML: anything but JSON is passed on as plain text.
    const upstreamType = upstreamResponse.headers.get('content-type')
    responseHeaders.set(
      'content-type',
      upstreamType !== null && JSON_TYPE.test(mediaType(upstreamType) ?? '')
        ? (redactor.text(upstreamType) ?? 'application/json')
        : 'text/plain; charset=utf-8',
    )

    if (status === 204 || status === 205 || !upstreamResponse.body) {
      upstreamResponse.body?.cancel().catch(() => {})
      done()
      return new Response(null, { status, headers: responseHeaders })
    }
    // The first chunk is read before answering: a body that fails before anything could be
    // sent (a stall, over the cap) gets a clean 502; a later failure cuts the response.
    const reader = limitBody(upstreamResponse.body, controller, done)
      .pipeThrough(redactor.stream())
      .getReader()
    let first: ReadableStreamReadResult<Uint8Array>
    try {
      do first = await reader.read()
      while (!first.done && first.value.byteLength === 0)
    } catch (error) {
      return problem(
        502,
        'SERVICE_UNAVAILABLE',
        (error as Error).message.replace(/^\[payg-kit proxy\] /, ''),
      )
    }
    const passed = new ReadableStream<Uint8Array>({
      start(stream) {
        if (first.done) stream.close()
        else stream.enqueue(first.value)
      },
      async pull(stream) {
        const next = await reader.read()
        if (next.done) stream.close()
        else stream.enqueue(next.value)
      },
      cancel(reason) {
        return reader.cancel(reason)
      },
    })
    return new Response(passed, { status, headers: responseHeaders })
  }

  /** The upstream body, errored (so the response is cut) past the size cap or the deadline. */
  function limitBody(
    source: ReadableStream<Uint8Array>,
    controller: AbortController,
    done: () => void,
  ): ReadableStream<Uint8Array> {
    const reader = source.getReader()
    let size = 0
    let timer: ReturnType<typeof setTimeout> | undefined
    const deadline = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), responseBodyTimeoutMs)
    })
    const finish = () => {
      clearTimeout(timer)
      done()
    }
    const fail = (stream: ReadableStreamDefaultController<Uint8Array>, message: string) => {
      finish()
      controller.abort()
      reader.cancel().catch(() => {})
      stream.error(new Error(`[payg-kit proxy] ${message}`))
    }
    return new ReadableStream<Uint8Array>({
      async pull(stream) {
        let next: ReadableStreamReadResult<Uint8Array> | 'timeout'
        try {
          next = await Promise.race([reader.read(), deadline])
        } catch {
          return fail(stream, 'The API stopped sending its answer.')
        }
        if (next === 'timeout') {
          return fail(stream, `The API's answer took over ${responseBodyTimeoutMs} ms.`)
        }
        if (next.done) {
          finish()
          return stream.close()
        }
        size += next.value.byteLength
        if (size > maxResponseBytes) {
          return fail(stream, `The API's answer is over ${maxResponseBytes} bytes.`)
        }
        stream.enqueue(next.value)
      },
      cancel() {
        finish()
        controller.abort()
        reader.cancel().catch(() => {})
      },
    })
  }

  return async function paygProxy(request: Request): Promise<Response> {
    try {
      return await handle(request)
    } catch {
      return problem(500, 'INTERNAL_ERROR', 'The proxy failed.')
    }
  }
}
