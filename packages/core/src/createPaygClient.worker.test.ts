import { afterEach, describe, expect, it, vi } from 'vitest'
import { createPaygClient } from './createPaygClient'
import { ConfigError } from './errors'

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('createPaygClient outside a page', () => {
  it('accepts an API key on a server (no window, no document)', () => {
    expect(typeof window).toBe('undefined')
    expect(() => createPaygClient({ apiKey: 'sk_live_secret' })).not.toThrow()
  })

  it('refuses an API key in a Web Worker', () => {
    vi.stubGlobal('importScripts', () => undefined)
    expect(() => createPaygClient({ apiKey: 'sk_live_secret' })).toThrow(ConfigError)
  })

  it.each([
    ['a plain object', { Authorization: 'Bearer sk_live_secret' }],
    ['a Headers instance', new Headers({ 'x-api-key': 'sk_live_secret' })],
    ['[name, value] pairs', [['X-Api-Key', 'sk_live_secret']]],
  ])('refuses a credential header in a Web Worker, given as %s', (_, headers) => {
    vi.stubGlobal('importScripts', () => undefined)
    expect(() => createPaygClient({ baseUrl: '/api/payg', headers: headers as never })).toThrow(
      /Never send a credential/,
    )
  })

  it('accepts credential headers on a server, in every form, and sends them', async () => {
    const seen: Array<string | null> = []
    const fetch = (async (_: RequestInfo | URL, init?: RequestInit) => {
      seen.push(new Headers(init?.headers).get('x-api-key'))
      return new Response('null', { headers: { 'content-type': 'application/json' } })
    }) as typeof globalThis.fetch
    for (const headers of [
      { 'X-Api-Key': 'sk_1' },
      new Headers({ 'X-Api-Key': 'sk_1' }),
      [['X-Api-Key', 'sk_1']] as Array<[string, string]>,
    ]) {
      await createPaygClient({ baseUrl: 'https://api.test', headers, fetch, retry: false })
        .getPaymentMethod()
        .catch(() => undefined)
    }
    expect(seen).toEqual(['sk_1', 'sk_1', 'sk_1'])
  })

  it('accepts an API key where only `window` exists, as in Deno 1', () => {
    vi.stubGlobal('window', globalThis)
    expect(() => createPaygClient({ apiKey: 'sk_live_secret' })).not.toThrow()
  })
})
