import { configOf, configs } from './clientConfig'
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
import type { PaygClient, PaygClientOptions, PaygTransport } from './types'

/**
 * A client for the PAYG API: a small domain API that returns exact money and throws typed
 * errors, over the typed raw client. Every method is the standalone operation of the same name
 * over one transport; an app that calls a few can import those instead and ship only them. Keep
 * the API key on a server; in a browser, point `baseUrl` at a proxy instead.
 * @example const payg = createPaygClient({ apiKey: process.env.LEONARDO_API_KEY })
 */
export function createPaygClient(options: PaygClientOptions = {}): PaygClient {
  const t = createPaygTransport(options)
  // Each method is its operation with the transport put first.
  const over =
    <A extends unknown[], R>(operation: (transport: PaygTransport, ...args: A) => R) =>
    (...args: A) =>
      operation(t, ...args)
  const client: PaygClient = {
    scope: t.scope,
    getBalance: over(getBalance),
    getAccount: over(getAccount),
    topUp: over(topUp),
    getAutoTopUp: over(getAutoTopUp),
    getTopUp: over(getTopUp),
    updateAutoTopUp: over(updateAutoTopUp),
    disableAutoTopUp: over(disableAutoTopUp),
    estimateCost: over(estimateCost),
    quote: over(quote),
    createGeneration: over(createGeneration),
    listTransactions: over(listTransactions),
    transactions: over(transactions),
    getUsage: over(getUsage),
    getPaymentMethod: over(getPaymentMethod),
    getSubscription: over(getSubscription),
    getMigrationPreview: over(getMigrationPreview),
    migrateToPayg: over(migrateToPayg),
    getPricing: over(getPricing),
  }
  configs.set(client, configOf(t, 'createPaygClient'))
  return client
}
