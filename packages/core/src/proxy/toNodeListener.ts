// Structural types, not node:http's: a consumer type-checks without @types/node, and this module
// loads in edge runtimes (no node: import).

/** The parts of Node's `http.IncomingMessage` that `toNodeListener` reads. */
export interface NodeRequestLike extends AsyncIterable<Uint8Array | string> {
  method?: string | undefined
  url?: string | undefined
  headers: Record<string, string | string[] | undefined>
  rawHeaders?: readonly string[] | undefined
  socket?: object | null | undefined
  readonly readableEnded: boolean
  resume(): unknown
}

/** The parts of Node's `http.ServerResponse` that `toNodeListener` writes. */
export interface NodeResponseLike {
  statusCode: number
  readonly headersSent: boolean
  readonly writableFinished: boolean
  readonly destroyed: boolean
  setHeader(name: string, value: string | string[]): unknown
  write(chunk: Uint8Array): boolean
  end(chunk?: Uint8Array): unknown
  destroy(): unknown
  on(event: 'close' | 'drain', listener: () => void): unknown
  off(event: 'close' | 'drain', listener: () => void): unknown
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']
const LABEL = '[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?'
const HOST = new RegExp(`^(?:${LABEL}(?:\\.${LABEL})*\\.?|\\[[0-9A-Fa-f:.]+\\])(?::(\\d{1,5}))?$`)

/** Why a request cannot be turned into a `Request`; `null` when it can. */
function malformed(req: NodeRequestLike): [number, string] | null {
  if (!METHODS.includes(req.method ?? '')) return [405, `${req.method} is not supported.`]
  const target = req.url ?? ''
  const path = target.split('?')[0] ?? ''
  if (!path.startsWith('/') || /[\\#]/.test(path)) return [400, 'The request target is not valid.']
  // `new Request` would resolve dot segments silently; a client that sends one is refused.
  const dots = path.split('/').map((segment) => segment.toLowerCase().replace(/%(?:25)*2e/g, '.'))
  if (dots.some((segment) => segment === '.' || segment === '..')) {
    return [400, 'The request target has a dot segment.']
  }
  const host = req.headers.host
  // Node keeps the first of several Host headers; RFC 9112 says to refuse them.
  const hosts = (req.rawHeaders ?? []).filter(
    (_, i, all) => i % 2 === 0 && /^host$/i.test(all[i] ?? ''),
  )
  if (Array.isArray(host) || hosts.length > 1) return [400, 'The Host header is not valid.']
  if (host !== undefined) {
    const port = HOST.exec(host)?.[1]
    if (!HOST.test(host) || (port !== undefined && Number(port) > 65535)) {
      return [400, 'The Host header is not valid.']
    }
  }
  return null
}

function json(res: NodeResponseLike, status: number, message: string, close: boolean): void {
  res.statusCode = status
  res.setHeader('content-type', 'application/json')
  res.setHeader('x-content-type-options', 'nosniff')
  if (status === 405) res.setHeader('allow', METHODS.join(', '))
  if (close) res.setHeader('connection', 'close')
  const code = status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST'
  res.end(
    new TextEncoder().encode(JSON.stringify({ code, message: `[payg-kit proxy] ${message}` })),
  )
}

/** Writes a chunk, waiting while the socket is full; `false` when the client went away. */
function write(res: NodeResponseLike, chunk: Uint8Array): Promise<boolean> {
  if (res.destroyed) return Promise.resolve(false)
  if (res.write(chunk)) return Promise.resolve(true)
  return new Promise((resolve) => {
    const settle = (open: boolean) => () => {
      res.off('drain', onDrain)
      res.off('close', onClose)
      resolve(open)
    }
    const onDrain = settle(true)
    const onClose = settle(false)
    res.on('drain', onDrain)
    res.on('close', onClose)
  })
}

/**
 * Adapts a Fetch-API handler (such as `createPaygProxy`'s) to Node's `http.createServer`, or to
 * Express and Connect as a middleware. A request that cannot be a `Request` gets a 4xx.
 * @example http.createServer(toNodeListener(createPaygProxy({ apiKey, authorize }))).listen(8787)
 */
export function toNodeListener(
  handler: (request: Request) => Promise<Response>,
): (req: NodeRequestLike, res: NodeResponseLike) => Promise<void> {
  return async (req, res) => {
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
    let abandoned = false
    // The body is left unread: after the answer, the connection cannot be reused.
    const unread = () => abandoned || (hasBody && !req.readableEnded)
    try {
      const problem = malformed(req)
      if (problem) return json(res, problem[0], problem[1], unread())

      const controller = new AbortController()
      res.on('close', () => {
        if (!res.writableFinished) controller.abort()
      })
      let request: Request
      try {
        const headers = new Headers()
        for (const [name, value] of Object.entries(req.headers)) {
          if (value === undefined) continue
          for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item)
        }
        // Streamed, not buffered, so the handler's size limit applies before memory fills up.
        const chunks = req[Symbol.asyncIterator]()
        const body = new ReadableStream<Uint8Array>({
          async pull(stream) {
            try {
              const { done, value } = await chunks.next()
              if (done) stream.close()
              else
                stream.enqueue(typeof value === 'string' ? new TextEncoder().encode(value) : value)
            } catch (error) {
              if (!abandoned) stream.error(error)
            }
          },
          cancel() {
            // The handler stopped reading (a body over its limit): answer, then close the socket.
            abandoned = true
            req.resume()
          },
        })
        const secure = !!req.socket && 'encrypted' in req.socket && req.socket.encrypted === true
        request = new Request(
          `${secure ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}${req.url}`,
          {
            method: req.method,
            headers,
            body: hasBody ? body : null,
            signal: controller.signal,
            // Required by Node's fetch for a streamed request body.
            ...(hasBody && { duplex: 'half' }),
          } as RequestInit,
        )
      } catch {
        return json(res, 400, 'The request is malformed.', true)
      }

      let response: Response
      try {
        response = await handler(request)
      } catch {
        return json(res, 500, 'The handler failed.', unread())
      }
      // The first chunk comes before the status: a body that fails at once still gets a 502.
      const reader = response.body?.getReader()
      let next: ReadableStreamReadResult<Uint8Array> = { done: true, value: undefined }
      try {
        if (reader) next = await reader.read()
      } catch {
        return json(res, 502, 'The answer failed before it was sent.', true)
      }
      res.statusCode = response.status
      for (const [name, value] of response.headers) {
        if (name !== 'set-cookie') res.setHeader(name, value)
      }
      // Headers iterate Set-Cookie one at a time; setHeader would keep only the last.
      const cookies = response.headers.getSetCookie()
      if (cookies.length > 0) res.setHeader('set-cookie', cookies)
      if (unread()) res.setHeader('connection', 'close')
      while (reader && !next.done) {
        if (!(await write(res, next.value))) {
          reader.cancel().catch(() => {})
          return
        }
        try {
          next = await reader.read()
        } catch {
          // The body failed after the status went out (a cap or deadline): cut the response.
          res.destroy()
          return
        }
      }
      res.end()
    } catch {
      // Nothing may escape: a rejected listener would end a process that does not catch it.
      if (!res.headersSent) {
        try {
          json(res, 500, 'The request could not be answered.', true)
          return
        } catch {}
      }
      res.destroy()
    }
  }
}
