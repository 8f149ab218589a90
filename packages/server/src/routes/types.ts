import type { components, Usd } from '@payg-kit/core'
import type { AutoTopUpEngine } from '../autoTopUp'
import type { BillingServerOptions } from '../createBillingServer'
import type { createLedgerEngine, Ledger } from '../ledger'

/** What one billing operation is given: the authenticated account and the request. */
export interface RouteRequest {
  accountId: string
  url: URL
  request: Request
  /** Path parameters, e.g. `{ idempotencyKey }` for `/billing/top-ups/{idempotencyKey}`. */
  params: Record<string, string>
}

/** One billing operation. */
export type Operation = (call: RouteRequest) => Promise<Response>

/** Operations by path template (the spec's, e.g. `/billing/top-ups/{idempotencyKey}`) and method. */
export type Routes = Record<string, Partial<Record<'GET' | 'POST' | 'PUT' | 'DELETE', Operation>>>

/** What every route module shares: the options, the ledger and the account helpers. */
export interface ServerContext {
  options: BillingServerOptions
  engine: ReturnType<typeof createLedgerEngine>
  ledger: Ledger
  /** Auto top-up settings and the outbox of top-up attempts. */
  autoTopUp: AutoTopUpEngine
  /** The account's balance, opening the account the first time it is seen. */
  account(accountId: string): Promise<{ balance: Usd; updatedAt: string }>
  /** The spec's `Balance` body for an account's balance at a moment. */
  balanceBody(
    accountId: string,
    balance: Usd,
    updatedAt: string,
  ): Promise<components['schemas']['Balance']>
}
