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

  it('accepts an API key where only `window` exists, as in Deno 1', () => {
    vi.stubGlobal('window', globalThis)
    expect(() => createPaygClient({ apiKey: 'sk_live_secret' })).not.toThrow()
  })
})
