import type { PaygClient } from '@payg-kit/core'

const scopes = new WeakMap<PaygClient, string>()
let created = 0

/**
 * A stable id for one client instance. It goes into every query key, so two providers with
 * different clients (two accounts, two proxies) never read each other's cache entries.
 */
export function getClientScope(client: PaygClient): string {
  let scope = scopes.get(client)
  if (scope === undefined) {
    created += 1
    scope = `client-${created}`
    scopes.set(client, scope)
  }
  return scope
}
