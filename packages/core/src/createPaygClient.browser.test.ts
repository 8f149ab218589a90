// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { createPaygClient } from './createPaygClient'
import { ConfigError } from './errors'

describe('createPaygClient in a browser', () => {
  it('runs in a browser-like environment', () => {
    expect(typeof window).toBe('object')
    expect(typeof document).toBe('object')
  })

  it('refuses an API key and says to use a proxy through baseUrl', () => {
    const make = () => createPaygClient({ apiKey: 'sk_live_secret' })
    expect(make).toThrow(ConfigError)
    expect(make).toThrow(/keep it on a server/)
    expect(make).toThrow(/`baseUrl`/)
    expect(make).toThrow(/@payg-kit\/core\/proxy/)
  })

  it('allows an API key when told it is deliberate', () => {
    expect(() =>
      createPaygClient({ apiKey: 'sk_test', dangerouslyAllowBrowser: true }),
    ).not.toThrow()
  })

  it('allows a client without a key that talks to a proxy', () => {
    expect(() => createPaygClient({ baseUrl: '/api/payg' })).not.toThrow()
  })
})
