import type {
  MoneyUnit,
  PaygClient,
  PricingRequest,
  TransactionQuery,
  UsageQuery,
} from '@payg-kit/core'
import { getClientScope } from './getClientScope'

type Params<T extends object = object> = { readonly client: string } & T

function key<const R extends string, T extends object>(
  resource: R,
  client: PaygClient,
  params?: T,
) {
  const scoped: Record<string, unknown> = { client: getClientScope(client) }
  for (const [name, value] of Object.entries(params ?? {})) {
    if (value !== undefined) scoped[name] = value
  }
  return ['payg', resource, scoped as Params<T>] as const
}

/**
 * Query keys of the kit, shaped `['payg', resource, params]`; `params.client` scopes each entry
 * to one client. Use them to invalidate or read the cache (`paygKeys.balance(client)`).
 */
export const paygKeys = {
  /** Every query of the kit, for every client. */
  all: ['payg'] as const,
  balance: (client: PaygClient) => key('balance', client),
  account: (client: PaygClient) => key('account', client),
  /** Whether the API has the billing extension (`true`/`false`), once found out. */
  billing: (client: PaygClient) => key('billing', client),
  /** The unit of the last cost a job of this client returned (`USD` or `CREDITS`). */
  costUnit: (client: PaygClient) => key('costUnit', client),
  autoTopUp: (client: PaygClient) => key('autoTopUp', client),
  transactions: (client: PaygClient, query: Omit<TransactionQuery, 'cursor'> = {}) =>
    key('transactions', client, query),
  usage: (client: PaygClient, range: UsageQuery) =>
    key(
      'usage',
      client,
      'from' in range
        ? { from: range.from, to: range.to, granularity: range.granularity ?? 'DAY' }
        : { days: range.days, to: range.to, granularity: range.granularity ?? 'DAY' },
    ),
  subscription: (client: PaygClient) => key('subscription', client),
  migrationPreview: (client: PaygClient) => key('migrationPreview', client),
  paymentMethod: (client: PaygClient) => key('paymentMethod', client),
  pricing: (client: PaygClient) => key('pricing', client),
  /** Pass a normalised request (`normalizePricingRequest`) so equal requests share one entry. */
  costEstimate: (client: PaygClient, request: PricingRequest, unit: MoneyUnit = 'USD') =>
    key('costEstimate', client, { request, unit }),
  /** Your price beside the list price; pass a normalised request, as for `costEstimate`. */
  quote: (client: PaygClient, request: PricingRequest) => key('quote', client, { request }),
  /** One generation job's status (`useJob`). */
  job: (client: PaygClient, id: string) => key('job', client, { id }),
  /** The shared "paused after a refusal" flag. */
  status: (client: PaygClient) => key('status', client),
}
