import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createPaygClient } from './createPaygClient'
import { createRawClient } from './createRawClient'
import { ConfigError } from './errors'
import type { PaygClient } from './types'

const BASE = 'https://api.test/v1'
const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

describe('createRawClient', () => {
  it("sends any path of the spec through the client's pipeline: base URL, key, retries", async () => {
    const seen: Array<string | null> = []
    server.use(
      http.get(`${BASE}/generations/:id`, ({ request, params }) => {
        seen.push(request.headers.get('authorization'))
        if (seen.length === 1) return new HttpResponse(null, { status: 503 })
        return HttpResponse.json({
          generations_by_pk: { id: String(params.id), status: 'COMPLETE' },
        })
      }),
    )
    const client = createPaygClient({
      baseUrl: `${BASE}/`,
      apiKey: 'key_raw',
      retry: { baseDelayMs: 1 },
    })
    const { data, response } = await createRawClient(client).GET('/generations/{id}', {
      params: { path: { id: 'gen_1' } },
    })
    expect(response.status).toBe(200)
    expect(data?.generations_by_pk?.id).toBe('gen_1')
    expect(seen).toEqual(['Bearer key_raw', 'Bearer key_raw'])
  })

  it('refuses anything but a client made by createPaygClient', () => {
    expect(() => createRawClient({} as PaygClient)).toThrow(ConfigError)
  })
})
