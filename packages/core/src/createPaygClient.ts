import type { ClientConfig } from './clientConfig'
import { configs } from './clientConfig'
import { createPaygTransport } from './createPaygTransport'
import {
  createGeneration,
  disableAutoTopUp,
  estimateCost,
  getAccount,
  getAutoTopUp,
  getBalance,
  getMigrationPreview,
  getPaymentMethod,
  getPricing,
  getSubscription,
  getTopUp,
  getUsage,
  listTransactions,
  migrateToPayg,
  quote,
  topUp,
  transactions,
  updateAutoTopUp,
} from './operations'
import type { PaygClient, PaygClientOptions } from './types'

/**
 * A client for the PAYG API: a small domain API that returns exact money and throws typed
 * errors, over the typed raw client. Every method is the standalone operation of the same name
 * over one transport; an app that calls a few can import those instead and ship only them. Keep
 * the API key on a server; in a browser, point `baseUrl` at a proxy instead.
 * @example const payg = createPaygClient({ apiKey: process.env.LEONARDO_API_KEY })
 */
export function createPaygClient(options: PaygClientOptions = {}): PaygClient {
  const t = createPaygTransport(options)
  const client: PaygClient = {
    scope: t.scope,
    getBalance: (request) => getBalance(t, request),
    getAccount: (request) => getAccount(t, request),
    topUp: (input, request) => topUp(t, input, request),
    getAutoTopUp: (request) => getAutoTopUp(t, request),
    getTopUp: (key, request) => getTopUp(t, key, request),
    updateAutoTopUp: (input, request) => updateAutoTopUp(t, input, request),
    disableAutoTopUp: (request) => disableAutoTopUp(t, request),
    estimateCost: (body, request) => estimateCost(t, body, request),
    quote: (body, request) => quote(t, body, request),
    createGeneration: (body, request) => createGeneration(t, body, request),
    listTransactions: (query, request) => listTransactions(t, query, request),
    transactions: (query, request) => transactions(t, query, request),
    getUsage: (query, request) => getUsage(t, query, request),
    getPaymentMethod: (request) => getPaymentMethod(t, request),
    getSubscription: (request) => getSubscription(t, request),
    getMigrationPreview: (request) => getMigrationPreview(t, request),
    migrateToPayg: (input, request) => migrateToPayg(t, input, request),
    getPricing: (request) => getPricing(t, request),
  }
  configs.set(client, t as unknown as ClientConfig)
  return client
}
