import type { PaygClient } from '@payg-kit/core'

const scopes = new WeakMap<PaygClient, string>()
let created = 0

/**
 * The cache scope of a client, in every query key: its `scope` option when it has one (so a
 * server's client and the browser's can share prefetched data), otherwise an id of its own, so
 * two providers with different clients (two accounts, two proxies) never read each other's
 * cache entries.
 */
export function getClientScope(client: PaygClient): string {
  if (client.scope !== undefined) return `scope:${client.scope}`
  let scope = scopes.get(client)
  if (scope === undefined) {
    created += 1
    scope = `client-${created}`
    scopes.set(client, scope)
  }
  return scope
}
