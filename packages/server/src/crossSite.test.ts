import { describe, expect, it } from 'vitest'
import { createBillingServer } from './createBillingServer'
import { accountId, databases, migratedDatabase } from './test/databases'
import { closeBillingServers, serveBilling } from './test/http'
import { STANDARD_PLAN } from './test/plans'

const NOW = new Date('2026-06-01T12:00:00.000Z')

// A platform that signs its users in with a session cookie serves the billing routes to their
// browser. Another site's page can make that browser send a form post or a simple fetch (no
// preflight) with the cookie: the server must not act on it.
describe.each(databases)('writes from another site on $name', ({ open }) => {
  const db = migratedDatabase(open, closeBillingServers)

  async function setup(allowedOrigins?: string[]) {
    const a = accountId()
    let authenticated = 0
    const served = await serveBilling(
      {},
      {
        database: db(),
        now: () => NOW,
        newAccountCredit: '5',
        ...(allowedOrigins ? { allowedOrigins } : {}),
        // The session a cookie carries: every request of the signed-in browser has it.
        authenticate: () => {
          authenticated++
          return a
        },
      },
    )
    await served.billing.ledger.setLegacyPlan(a, STANDARD_PLAN)
    const migrate = (headers: Record<string, string>) =>
      served.call('/billing/subscription/migrate', undefined, { method: 'POST', headers })
    const onPlan = async () =>
      (await served.call('/billing/subscription')).body.billingModel === 'SUBSCRIPTION'
    return { ...served, a, migrate, onPlan, authenticated: () => authenticated }
  }

  it.each<[string, Record<string, string>]>([
    ['a cross-site form post', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }],
    ['a sibling subdomain', { origin: 'https://x.app.example', 'sec-fetch-site': 'same-site' }],
    ['an older browser (Origin only)', { origin: 'https://evil.example' }],
    ['an opaque origin (a sandboxed frame)', { origin: 'null', 'sec-fetch-site': 'cross-site' }],
  ])(
    'refuses %s with 403 before reading the session, and migrates nothing',
    async (_what, headers) => {
      const { migrate, onPlan, authenticated } = await setup()
      const before = authenticated()
      const answer = await migrate({ ...headers, 'content-type': 'text/plain' })
      expect(answer).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } })
      expect(authenticated()).toBe(before)
      expect(await onPlan()).toBe(true)
    },
  )

  it('takes writes from its own pages, the origins it lists and callers that are not browsers', async () => {
    const own = await setup()
    expect((await own.migrate({ 'sec-fetch-site': 'same-origin' })).status).toBe(200)
    const listed = await setup(['https://app.example.com'])
    const fromApp = { origin: 'https://app.example.com', 'sec-fetch-site': 'cross-site' }
    expect((await listed.migrate(fromApp)).status).toBe(200)
    // The platform's own code, or curl: no browser, no Origin, nothing to forge.
    const server = await setup()
    expect((await server.migrate({})).status).toBe(200)
    expect(await server.onPlan()).toBe(false)
  })

  it('answers reads from any site (a browser keeps the answer from another site)', async () => {
    const { call } = await setup()
    const read = await call('/billing/balance', undefined, {
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    })
    expect(read.status).toBe(200)
  })

  it('checks allowedOrigins when it is created', () => {
    for (const allowedOrigins of [['https://app.example.com/'], ['app.example.com'], [42]]) {
      expect(() =>
        createBillingServer({
          database: db(),
          authenticate: () => null,
          allowedOrigins: allowedOrigins as string[],
        }),
      ).toThrow(/allowedOrigins/)
    }
  })
})
