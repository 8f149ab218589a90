// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { createPaygClient } from './createPaygClient'
import { createRawClient } from './createRawClient'
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

describe('createPaygClient in a browser, given credentials in headers', () => {
  it.each([
    ['an Authorization header', { Authorization: 'Bearer sk_live_secret' }, 'Authorization'],
    ['a lower-case authorization header', { authorization: 'Bearer sk' }, 'authorization'],
    ['an X-Api-Key header', { 'X-Api-Key': 'sk_live_secret' }, 'X-Api-Key'],
    ['an upper-case X-API-KEY header', { 'X-API-KEY': 'sk_live_secret' }, 'X-API-KEY'],
    ['an api_key header', { api_key: 'sk_live_secret' }, 'api_key'],
    ['an X-Auth-Token header', { 'X-Auth-Token': 'tok' }, 'X-Auth-Token'],
    [
      'a Proxy-Authorization header',
      { 'Proxy-Authorization': 'Basic dTpw' },
      'Proxy-Authorization',
    ],
    ['a Headers instance', new Headers({ Authorization: 'Bearer sk' }), 'authorization'],
    ['[name, value] pairs', [['X-Api-Key', 'sk_live_secret']], 'X-Api-Key'],
    // Credential headers of other names and vendors.
    ...[
      'X-Authorization',
      'Authorisation',
      'X-Auth',
      'X-Auth-Key',
      'X-Access-Key',
      'X-Leonardo-Key',
      'Ocp-Apim-Subscription-Key',
      'X_Private_Key',
      'X-Session-Id',
      'X-Jwt',
      'Bearer',
      'Key',
      'Cookie',
      'X-Passwd',
      'X-Pwd',
      'X-Idempotency-Auth-Token',
    ].map((name): [string, object, string] => [`a ${name} header`, { [name]: 'sk_live' }, name]),
  ])('refuses %s and names it', (_, headers, name) => {
    const make = () => createPaygClient({ baseUrl: '/api/payg', headers: headers as never })
    expect(make).toThrow(ConfigError)
    expect(make).toThrow(`the \`${name.toLowerCase()}\` header`)
    expect(make).toThrow(/@payg-kit\/core\/proxy/)
  })

  it('allows other headers, a CSRF token among them', () => {
    expect(() =>
      createPaygClient({
        baseUrl: '/api/payg',
        headers: {
          'X-CSRF-Token': 'abc',
          'X-XSRF-Token': 'abc',
          'X-App': 'kit',
          'Idempotency-Key': 'k',
          'X-Idempotency-Key': 'k',
          'X-Request-Id': 'r',
          traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
          'Keep-Alive': 'timeout=5',
          'X-Monkey': 'yes',
          // Words that only look like credentials: author, OAuth scopes, replay sessions, keys
          // that name a tenant, a cache entry or a public key.
          'X-Author': 'a',
          'X-Oauth-Scopes': 'read',
          'X-Session-Replay-Id': 'r',
          'X-Amplitude-Session': '1',
          'X-Tenant-Key': 't',
          'X-Cache-Key': 'c',
          'X-Partition-Key': 'p',
          'X-Publishable-Key': 'pk_test',
          'X-Public-Key': 'pk',
        },
      }),
    ).not.toThrow()
  })

  it('allows a credential header when told it is deliberate', () => {
    expect(() =>
      createPaygClient({
        baseUrl: '/api/payg',
        headers: { Authorization: 'Bearer t' },
        dangerouslyAllowBrowser: true,
      }),
    ).not.toThrow()
  })

  it('refuses a credential header passed to one call of the raw client, sending nothing', async () => {
    let sent = 0
    const client = createPaygClient({
      baseUrl: 'https://api.test/v1',
      fetch: async () => {
        sent++
        return new Response('{}', { headers: { 'content-type': 'application/json' } })
      },
    })
    const error = await createRawClient(client)
      .GET('/billing/balance', { headers: { 'X-Api-Key': 'sk_live_secret' } })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConfigError)
    expect(sent).toBe(0)
  })
})

describe('createPaygClient in a page, reading answers', () => {
  it('reads a JSON answer through the page’s globals', async () => {
    const client = createPaygClient({
      baseUrl: '/api/payg',
      fetch: async () =>
        new Response(JSON.stringify({ paymentMethod: null }), {
          headers: { 'content-type': 'application/json' },
        }),
    })
    await expect(client.getPaymentMethod()).resolves.toBeNull()
  })
})
