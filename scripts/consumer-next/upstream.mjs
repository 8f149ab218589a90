// The payg-kit mock as an HTTP server on loopback: the upstream the app's proxy forwards to.
// Prints its URL; GET /__mock/top-ups answers how many top-ups the mock received.
import { createServer } from 'node:http'
import { createPaygMock } from '@payg-kit/msw'
import { getResponse } from 'msw'

const apiKey = process.env.PAYG_API_KEY
const server = createServer(async (req, res) => {
  const url = `http://${req.headers.host}${req.url}`
  if (req.url === '/__mock/top-ups') {
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ count: mock.requestCount('createTopUp') }))
    return
  }
  const chunks = []
  for await (const chunk of req) chunks.push(chunk)
  const body = chunks.length ? Buffer.concat(chunks) : null
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value)
  }
  const response =
    (await getResponse(mock.handlers, new Request(url, { method: req.method, headers, body }))) ??
    new Response('Not a payg-kit route', { status: 404 })
  res.writeHead(response.status, Object.fromEntries(response.headers))
  res.end(Buffer.from(await response.arrayBuffer()))
})
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
const baseUrl = `http://127.0.0.1:${server.address().port}/v1`
const mock = createPaygMock({ scenario: 'lowBalance', baseUrl, apiKey })
process.stdout.write(`${baseUrl}\n`)
