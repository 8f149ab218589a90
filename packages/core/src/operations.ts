import { billingModelOf, paidBalanceOf } from './accountBilling'
import { callOperation } from './callOperation'
import { configOf } from './clientConfig'
import { createIdempotencyKey } from './createIdempotencyKey'
import { shape } from './decode'
import { MalformedResponseError, NotFoundError, ValidationError } from './errors'
import type { components, paths } from './generated/payg'
import { IDEMPOTENCY_KEY_PATTERN } from './generated/pricingLimits'
import { credits } from './money'
import { redactError } from './redact'
import * as schemas from './schemas'
import type {
  AccountInfo,
  AutoTopUpInfo,
  AutoTopUpInput,
  AutoTopUpResult,
  BalanceInfo,
  EstimateOptions,
  GenerationJob,
  GenerationRequest,
  MigrationPreviewInfo,
  MigrationResultInfo,
  Money,
  PaygTransport,
  PaymentMethodInfo,
  PricingInfo,
  PricingRequest,
  QuoteInfo,
  RequestOptions,
  SubscriptionInfo,
  TopUpLookup,
  TopUpResult,
  TransactionPage,
  TransactionQuery,
  UsageInfo,
  UsageQuery,
} from './types'

// The domain API, one function per operation over a transport, so that an app ships only the
// operations it calls. `createPaygClient` is these functions bound to one transport.

type Schemas = components['schemas']

const topUpResult = /* @__PURE__ */ shape({ topUp: schemas.topUp, balance: schemas.balance })

function invalid(field: string, message: string, code = 'INVALID_TYPE'): never {
  throw new ValidationError({
    message: `${field} ${message}`,
    fieldErrors: [{ field, message, code }],
  })
}

/** A whole number of dollars, 1 or more; anything else is a `ValidationError` (and no request). */
function wholeDollars(field: string, value: unknown): number {
  if (!(Number.isSafeInteger(value) && (value as number) > 0)) {
    invalid(
      field,
      `must be a whole number of dollars, 1 or more (got ${String(value)})`,
      Number.isInteger(value)
        ? (value as number) < 1
          ? 'TOO_SMALL'
          : 'TOO_LARGE'
        : 'INVALID_TYPE',
    )
  }
  return value as number
}

function idempotencyKey(value: unknown): string {
  if (value === undefined) return createIdempotencyKey()
  // URL-safe and never a dot segment, so the same key can look the intent up (`getTopUp`) as a path segment.
  if (!(typeof value === 'string' && IDEMPOTENCY_KEY_PATTERN.test(value))) {
    invalid(
      'idempotencyKey',
      'must be 1 to 255 URL-safe characters (letters, digits, - _ . ~), not beginning with a dot, such as a UUID',
    )
  }
  return value
}

/** `?a=1&b=2` from the defined entries of `query`, or ''. */
function search(query: object | undefined): string {
  let result = ''
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value != null) result += `${result ? '&' : '?'}${name}=${encodeURIComponent(value)}`
  }
  return result
}

function get<T>(
  transport: PaygTransport,
  path: keyof paths,
  decoder: (value: unknown, at: string) => T,
  request: RequestOptions | undefined,
  query?: string,
): Promise<T> {
  return callOperation(transport, 'GET', path, decoder, request, undefined, undefined, query)
}

/** The balance, its state and the auto top-up flag (`GET /billing/balance`, billing extension). */
export function getBalance(
  transport: PaygTransport,
  options?: RequestOptions,
): Promise<BalanceInfo> {
  return get(transport, '/billing/balance', schemas.balance, options)
}

/** Who the API key belongs to and how the account pays (`GET /me`), in exact money. */
export async function getAccount(
  transport: PaygTransport,
  options?: RequestOptions,
): Promise<AccountInfo> {
  const { user_details } = await get(transport, '/me', schemas.account, options)
  const d = user_details[0]
  if (!d) throw new NotFoundError({ message: 'GET /me returned no user for this API key' })
  const plan = { ...d, apiSubscriptionTokens: d.apiSubscriptionTokens ?? credits(0) }
  const billingModel = billingModelOf(plan)
  return {
    userId: d.user?.id ?? null,
    username: d.user?.username ?? null,
    billingModel,
    unit: billingModel === 'PAYG' ? 'USD' : 'CREDITS',
    paidBalance: paidBalanceOf(plan, billingModel),
    subscriptionCredits: plan.apiSubscriptionTokens,
    concurrencySlots: d.apiConcurrencySlots,
    planRenewalDate: d.apiPlanTokenRenewalDate,
  }
}

/**
 * Adds whole dollars. One idempotency key per call, reused on every retry; a failure carries it
 * as `error.idempotencyKey`.
 */
export async function topUp(
  transport: PaygTransport,
  input: { amount: number; idempotencyKey?: string },
  options?: RequestOptions,
): Promise<TopUpResult> {
  const key = idempotencyKey(input?.idempotencyKey)
  let amount: number
  try {
    amount = wholeDollars('amount', input?.amount)
  } catch (error) {
    Object.defineProperty(error, 'idempotencyKey', { value: key })
    throw error
  }
  return callOperation(
    transport,
    'POST',
    '/billing/top-ups',
    (value, at, response) => {
      const result = topUpResult(value, at)
      return {
        topUp: result.topUp,
        balance: result.balance,
        idempotencyKey: key,
        replayed: response.headers.get('idempotent-replayed') === 'true',
      }
    },
    options,
    { amount },
    key,
  )
}

/** The auto top-up settings and their last attempt (billing extension). */
export function getAutoTopUp(
  transport: PaygTransport,
  options?: RequestOptions,
): Promise<AutoTopUpInfo> {
  return get(transport, '/billing/auto-top-up', schemas.autoTopUp, options)
}

/**
 * Looks a top-up up by the idempotency key it was sent with, for when its answer was lost;
 * null when no top-up was made with that key (nothing was charged).
 */
export async function getTopUp(
  transport: PaygTransport,
  key: string,
  options?: RequestOptions,
): Promise<TopUpLookup | null> {
  if (key === undefined) invalid('idempotencyKey', 'is required')
  const checked = idempotencyKey(key)
  // The path's template is `/billing/top-ups/{idempotencyKey}`; the key is one encoded segment.
  const path = `/billing/top-ups/${encodeURIComponent(checked)}` as keyof paths
  try {
    return await get(transport, path, topUpResult, options)
  } catch (error) {
    // Only the operation's own 404 (it echoes the key) says no top-up was made; a 404 from a
    // server or proxy that does not know the operation leaves the outcome unknown.
    if (
      error instanceof NotFoundError &&
      (error.details as { idempotencyKey?: unknown } | undefined)?.idempotencyKey === checked
    ) {
      return null
    }
    throw error
  }
}

/** Saves the auto top-up settings (whole dollars); answers with the settings and the balance. */
export async function updateAutoTopUp(
  transport: PaygTransport,
  input: AutoTopUpInput,
  options?: RequestOptions,
): Promise<AutoTopUpResult> {
  if (typeof input?.enabled !== 'boolean') invalid('enabled', 'must be true or false')
  const { monthlyCap } = input
  const body: Schemas['AutoTopUpUpdate'] = {
    enabled: input.enabled,
    threshold: wholeDollars('threshold', input.threshold),
    amount: wholeDollars('amount', input.amount),
  }
  // Omitted keeps the saved cap; only null removes it.
  if (monthlyCap !== undefined) {
    body.monthlyCap = monthlyCap === null ? null : wholeDollars('monthlyCap', monthlyCap)
  }
  return callOperation(
    transport,
    'PUT',
    '/billing/auto-top-up',
    schemas.autoTopUpResult,
    options,
    body,
    createIdempotencyKey(),
  )
}

/** Turns auto top-up off. */
export function disableAutoTopUp(
  transport: PaygTransport,
  options?: RequestOptions,
): Promise<AutoTopUpResult> {
  return callOperation(
    transport,
    'DELETE',
    '/billing/auto-top-up',
    schemas.autoTopUpResult,
    options,
    undefined,
    createIdempotencyKey(),
  )
}

/**
 * Previews a request's cost with `POST /pricing-calculator`. The API answers in the unit the
 * account pays in without naming it: dollars, or credits on a legacy plan (`options.unit`).
 */
export function estimateCost(
  transport: PaygTransport,
  request: PricingRequest,
  options?: EstimateOptions,
): Promise<Money> {
  return callOperation(
    transport,
    'POST',
    '/pricing-calculator',
    (value, at) => {
      const unit = options?.unit ?? 'USD'
      // Made once per unit; an unknown unit from plain JS (`constructor` too) is refused by the
      // money it would make.
      return (
        Object.hasOwn(schemas.estimate, unit) ? schemas.estimate[unit] : schemas.estimateIn(unit)
      )(value, at).calculateProductionApiServiceCost.cost
    },
    options,
    request,
  )
}

/** Your price beside the list price (billing extension). */
export function quote(
  transport: PaygTransport,
  request: PricingRequest,
  options?: RequestOptions,
): Promise<QuoteInfo> {
  return callOperation(transport, 'POST', '/billing/pricing/quote', schemas.quote, options, request)
}

/** Starts an image generation (`POST /generations`), sent once, never retried: it charges. */
export function createGeneration(
  transport: PaygTransport,
  request: GenerationRequest,
  options?: RequestOptions,
): Promise<GenerationJob> {
  return callOperation(
    transport,
    'POST',
    '/generations',
    (value, at) => schemas.generation(value, at).sdGenerationJob,
    options,
    request,
  )
}

/** One page of the ledger. */
export function listTransactions(
  transport: PaygTransport,
  query?: TransactionQuery,
  options?: RequestOptions,
): Promise<TransactionPage> {
  return get(transport, '/billing/transactions', schemas.transactionPage, options, search(query))
}

/**
 * Every page of the ledger, newest first, fetched as it is iterated. A cursor the server hands
 * out twice ends the iteration with a `MalformedResponseError` rather than looping.
 */
export async function* transactions(
  transport: PaygTransport,
  query?: Omit<TransactionQuery, 'cursor'>,
  options?: RequestOptions,
): AsyncIterable<TransactionPage> {
  const requested = new Set<string>()
  let cursor: string | null | undefined
  do {
    const page = await listTransactions(
      transport,
      { ...query, cursor: cursor ?? undefined },
      options,
    )
    yield page
    cursor = page.nextCursor
    if (cursor && requested.has(cursor)) {
      throw redactError(
        new MalformedResponseError({
          message: `GET /billing/transactions handed out the cursor ${JSON.stringify(cursor)} a second time, which would loop forever`,
          details: {
            operation: 'GET /billing/transactions',
            field: 'nextCursor',
            expected: 'a cursor not seen before, or null',
          },
        }),
        configOf(transport, 'transactions').redact,
      )
    }
    if (cursor) requested.add(cursor)
  } while (cursor)
}

/** Spend per day: `{ from, to }` (UTC dates), or `{ days }` ending today by the server's clock. */
export function getUsage(
  transport: PaygTransport,
  query: UsageQuery,
  options?: RequestOptions,
): Promise<UsageInfo> {
  return get(transport, '/billing/usage', schemas.usage, options, search(query))
}

/** The saved card, or null when there is none. */
export function getPaymentMethod(
  transport: PaygTransport,
  options?: RequestOptions,
): Promise<PaymentMethodInfo | null> {
  return get(
    transport,
    '/billing/payment-method',
    (value, at) => schemas.paymentMethod(value, at).paymentMethod,
    options,
  )
}

/** The billing model and the legacy plan, if any. */
export function getSubscription(
  transport: PaygTransport,
  options?: RequestOptions,
): Promise<SubscriptionInfo> {
  return get(transport, '/billing/subscription', schemas.subscription, options)
}

/** What moving from the legacy plan to pay-as-you-go would convert, before doing it. */
export function getMigrationPreview(
  transport: PaygTransport,
  options?: RequestOptions,
): Promise<MigrationPreviewInfo> {
  return get(
    transport,
    '/billing/subscription/migration-preview',
    schemas.migrationPreview,
    options,
  )
}

/** Cancels the legacy plan and converts its credits into a dollar balance. Safe to retry. */
export async function migrateToPayg(
  transport: PaygTransport,
  input?: { idempotencyKey?: string },
  options?: RequestOptions,
): Promise<MigrationResultInfo> {
  const key = idempotencyKey(input?.idempotencyKey)
  return callOperation(
    transport,
    'POST',
    '/billing/subscription/migrate',
    schemas.migrationResult,
    options,
    undefined,
    key,
  )
}

/** The price list: models and their discounts. */
export function getPricing(
  transport: PaygTransport,
  options?: RequestOptions,
): Promise<PricingInfo> {
  return get(transport, '/billing/pricing', schemas.pricing, options)
}
