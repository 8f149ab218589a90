import type { IncomingMessage, ServerResponse } from 'node:http'

/**
 * Adapts a Fetch-API handler (such as `createPaygProxy`'s) to Node's `http.createServer`, or to
 * Express and Connect as a middleware.
 * @example http.createServer(toNodeListener(createPaygProxy({ apiKey }))).listen(8787)
 */
export function toNodeListener(
  handler: (request: Request) => Promise<Response>,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const controller = new AbortController()
    res.on('close', () => {
      if (!res.writableFinished) controller.abort()
    })
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined) continue
      for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item)
    }
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
    // Streamed, not buffered, so the handler's size limit applies before memory fills up.
    // (No node:stream import: this module must also load in edge runtimes.)
    const chunks = req[Symbol.asyncIterator]()
    let abandoned = false
    const body = new ReadableStream<Uint8Array>({
      async pull(stream) {
        const { done, value } = await chunks.next()
        if (done) stream.close()
        else stream.enqueue(typeof value === 'string' ? new TextEncoder().encode(value) : value)
      },
      cancel() {
        // The handler stopped reading (a body over its limit): answer, then close the socket.
        abandoned = true
        req.resume()
      },
    })
    const request = new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, {
      method: req.method,
      headers,
      body: hasBody ? body : null,
      signal: controller.signal,
      // Required by Node's fetch for a streamed request body.
      ...(hasBody && { duplex: 'half' }),
    } as RequestInit)
    let response: Response
    try {
      response = await handler(request)
    } catch {
      response = Response.json(
        { code: 'INTERNAL_ERROR', message: '[payg-kit proxy] The handler failed.' },
        { status: 500 },
      )
    }
    res.statusCode = response.status
    for (const [name, value] of response.headers) res.setHeader(name, value)
    if (abandoned || (hasBody && !req.readableEnded)) res.setHeader('connection', 'close')
    res.end(new Uint8Array(await response.arrayBuffer()))
  }
}
