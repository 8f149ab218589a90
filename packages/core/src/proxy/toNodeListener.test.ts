// toNodeListener behind a real node:http server on 127.0.0.1: what any request off the network
// can do to it, and what it must pass on.
import { createServer } from 'node:http'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { afterEach, describe, expect, it } from 'vitest'
import {
  closeServers,
  gate,
  listen,
  rawRequest,
  startProxy,
  startUpstream,
  statusOf,
} from './fixtures/loopback'
import { toNodeListener } from './toNodeListener'

afterEach(closeServers)

const ME = JSON.stringify({ user_details: [] })

describe('toNodeListener with malformed requests over TCP', () => {
  it('answers each with a 4xx (or closes the connection) and keeps serving', async () => {
    const { url: upstream, seen } = await startUpstream((_req, res) => {
      res.setHeader('content-type', 'application/json')
      res.end(ME)
    })
    const { origin, base, failures } = await startProxy({ upstream })
    const requests: [string, string | Uint8Array][] = [
      ['TRACE', 'TRACE /api/payg/me HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'],
      ['TRACK', 'TRACK /api/payg/me HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'],
      [
        'PROPFIND',
        'PROPFIND /api/payg/me HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n',
      ],
      ['M-SEARCH', 'M-SEARCH * HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'],
      ['garbage method', 'G@RBAGE /api/payg/me HTTP/1.1\r\nHost: localhost\r\n\r\n'],
      ['no method', ' /api/payg/me HTTP/1.1\r\nHost: localhost\r\n\r\n'],
      [
        'port out of range',
        'GET /api/payg/me HTTP/1.1\r\nHost: a:99999\r\nConnection: close\r\n\r\n',
      ],
      ['empty Host', 'GET /api/payg/me HTTP/1.1\r\nHost: \r\nConnection: close\r\n\r\n'],
      ['Host with spaces', 'GET /api/payg/me HTTP/1.1\r\nHost: a b c\r\nConnection: close\r\n\r\n'],
      ['Host with a path', 'GET /api/payg/me HTTP/1.1\r\nHost: a/b\r\nConnection: close\r\n\r\n'],
      ['Host with userinfo', 'GET /api/payg/me HTTP/1.1\r\nHost: u@a\r\nConnection: close\r\n\r\n'],
      ['two Hosts', 'GET /api/payg/me HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n'],
      ['asterisk target', 'OPTIONS * HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'],
      [
        'absolute target',
        'GET http://evil.example/api/payg/me HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n',
      ],
      [
        'dot segments',
        'GET /api/payg/billing/../me HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n',
      ],
      [
        'encoded dot segments',
        'GET /api/payg/billing/%2E%2e/me HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n',
      ],
      ['backslash', 'GET /api/payg\\me HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'],
      ['bad percent', 'GET /api/payg/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'],
      [
        'non-ASCII bytes in the path',
        new Uint8Array([
          ...new TextEncoder().encode('GET /api/payg/m'),
          0xff,
          ...new TextEncoder().encode('e HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'),
        ]),
      ],
      ['header without colon', 'GET /api/payg/me HTTP/1.1\r\nHost: localhost\r\nBroken\r\n\r\n'],
      [
        'header name with space',
        'GET /api/payg/me HTTP/1.1\r\nHost: localhost\r\nBad Name: x\r\n\r\n',
      ],
      [
        'two Content-Lengths',
        'POST /api/payg/pricing-calculator HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}',
      ],
      [
        'bad Content-Length',
        'POST /api/payg/pricing-calculator HTTP/1.1\r\nHost: localhost\r\nContent-Length: x\r\n\r\n{}',
      ],
      [
        'bad chunked body',
        'POST /api/payg/pricing-calculator HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n',
      ],
      ['HTTP/1.0 without Host', 'TRACE /api/payg/me HTTP/1.0\r\n\r\n'],
    ]
    for (const [name, text] of requests) {
      const status = statusOf(await rawRequest(origin, text))
      expect({ name, status }).toEqual({ name, status: expect.any(Number) })
      expect({ name, client: status !== null && status >= 400 && status < 500 }).toEqual({
        name,
        client: true,
      })
    }
    // A client that goes away in the middle of its body.
    const gone = await rawRequest(
      origin,
      'POST /api/payg/pricing-calculator HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"serv',
      true,
    )
    expect([null, 400]).toContain(statusOf(gone))
    // CONNECT never reaches a request listener: Node closes the connection itself.
    expect(
      await rawRequest(
        origin,
        'CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n',
      ),
    ).toBe('')

    expect(seen).toEqual([])
    const good = await fetch(`${base}/me`)
    expect(good.status).toBe(200)
    expect(await good.text()).toBe(ME)
    expect(seen).toHaveLength(1)
    expect(failures).toEqual([])
  })
})

describe('toNodeListener responses', () => {
  it('passes on every Set-Cookie of the handler', async () => {
    const listener = toNodeListener(async () => {
      const headers = new Headers({ 'content-type': 'text/plain' })
      headers.append('set-cookie', 'a=1; Path=/; HttpOnly')
      headers.append('set-cookie', 'b=2; Path=/; Expires=Wed, 09 Jun 2027 10:18:14 GMT')
      headers.append('set-cookie', 'c=3; Path=/')
      return new Response('ok', { headers })
    })
    const origin = await listen(createServer((req, res) => void listener(req, res)))
    const response = await fetch(origin)
    expect(response.headers.getSetCookie()).toEqual([
      'a=1; Path=/; HttpOnly',
      'b=2; Path=/; Expires=Wed, 09 Jun 2027 10:18:14 GMT',
      'c=3; Path=/',
    ])
  })

  it('streams the body as the handler produces it, and cuts it when the body fails', async () => {
    const first = gate()
    const second = gate()
    const listener = toNodeListener(async () => {
      const encoder = new TextEncoder()
      return new Response(
        new ReadableStream({
          async start(controller) {
            controller.enqueue(encoder.encode('first,'))
            await first.promise
            controller.enqueue(encoder.encode('second'))
            await second.promise
            controller.error(new Error('the source failed'))
          },
        }),
      )
    })
    const origin = await listen(createServer((req, res) => void listener(req, res)))
    const response = await fetch(origin)
    const reader = (response.body as ReadableStream<Uint8Array>).getReader()
    // The first chunk arrives while the handler is still held: nothing is buffered whole.
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('first,')
    first.release()
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('second')
    second.release()
    await expect(reader.read()).rejects.toThrow()
  })

  it('answers 500 when the handler throws, and keeps serving', async () => {
    let calls = 0
    const listener = toNodeListener(async () => {
      calls += 1
      if (calls === 1) throw new Error('boom')
      return new Response('fine')
    })
    const origin = await listen(createServer((req, res) => void listener(req, res)))
    const failed = await fetch(origin)
    expect(failed.status).toBe(500)
    expect(await failed.json()).toMatchObject({ code: 'INTERNAL_ERROR' })
    expect(await (await fetch(origin)).text()).toBe('fine')
  })
})

describe('@payg-kit/core/proxy types', () => {
  it('type-check in a project without @types/node', () => {
    const fixture = fileURLToPath(new URL('./fixtures/uses-proxy.ts', import.meta.url))
    const program = ts.createProgram([fixture], {
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      allowImportingTsExtensions: true,
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
      // Resolve the package's source as the workspace does, but never @types/node.
      typeRoots: [],
    })
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
    expect(diagnostics).toEqual([])
    const files = program.getSourceFiles().map((file) => file.fileName)
    expect(files.some((name) => name.endsWith('/proxy/toNodeListener.ts'))).toBe(true)
    expect(files.filter((name) => name.includes('@types/node'))).toEqual([])
  }, 60_000)
})
