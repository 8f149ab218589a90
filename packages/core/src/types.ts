import type { Client } from 'openapi-fetch'
import type { components, paths } from './generated/payg'

type Schemas = components['schemas']
type JsonBody<T> = T extends { content: { 'application/json': infer B } } ? B : never

/** The unit of an amount: US dollars (pay-as-you-go) or legacy plan credits. Never mixed. */
export type MoneyUnit = 'USD' | 'CREDITS'

/**
 * An exact amount of money in one unit. Plain and JSON-safe (it can be cached, compared and
 * serialised), immutable, and never a float: `amount` is a normalised decimal string.
 */
export interface Money<U extends MoneyUnit = MoneyUnit> {
  /** Normalised decimal string: no exponent, no trailing zeros after the point, `-` only when negative. */
  readonly amount: string
  readonly unit: U
}

/** Dollars. */
export type Usd = Money<'USD'>
/** Legacy plan credits. */
export type Credits = Money<'CREDITS'>

/** Whether requests run, the balance is under its threshold, or requests are paused at zero. */
export type AccountState = 'OK' | 'LOW' | 'PAUSED'
/** PAYG, or a legacy monthly subscription. */
export type BillingModel = 'PAYG' | 'SUBSCRIPTION'
/** The ten services the pricing calculator knows. */
export type PricingService = Schemas['PricingService']
/** A ledger entry's type. */
export type TransactionType = Schemas['Transaction']['type']

/** The balance and account state, normalised. */
export interface BalanceInfo {
  balance: Usd
  /** Legacy plan credits left; null on PAYG. */
  credits: Credits | null
  billingModel: BillingModel
  state: AccountState
  /** Below this the account is LOW (the auto top-up threshold when that is on). */
  lowBalanceThreshold: Usd | null
  autoTopUpEnabled: boolean
  updatedAt: string
}

/** `GET /me`, normalised; its unit is read from the plan fields (core README, "Units"). */
export interface AccountInfo {
  /** Null when the API names no user (its SDK allows it). */
  userId: string | null
  /** Null when the account has no username (the API allows it). */
  username: string | null
  /** PAYG (dollars) or a legacy subscription (credits), read from the plan fields. */
  billingModel: BillingModel
  /** The unit the account's balances and calculator answers are in: `USD` on PAYG, else `CREDITS`. */
  unit: MoneyUnit
  /** `apiPaidTokens` in `unit`: the dollar balance on PAYG, bought credits on a legacy plan. */
  paidBalance: Money
  /** Legacy API plan credits left; 0 when the API does not say. */
  subscriptionCredits: Credits
  /** Null when the API does not say. */
  concurrencySlots: number | null
  planRenewalDate: string | null
}

/** A top-up (manual or automatic), normalised. */
export interface TopUpInfo {
  id: string
  amount: Usd
  kind: 'MANUAL' | 'AUTOMATIC'
  status: 'SUCCEEDED' | 'DECLINED'
  paymentMethodId: string | null
  createdAt: string
}

/** What a successful top-up returns: the top-up and the balance right after it. */
export interface TopUpResult {
  topUp: TopUpInfo
  balance: BalanceInfo
  /** The idempotency key the request was sent with (reused on every retry). */
  idempotencyKey: string
  /** True when the server answered from its idempotency store: nothing was charged again. */
  replayed: boolean
}

/** A top-up found by its idempotency key (`getTopUp`), with the balance as it is now. */
export interface TopUpLookup {
  /** The top-up: `SUCCEEDED` (the balance includes it) or `DECLINED` (nothing was charged). */
  topUp: TopUpInfo
  /** The balance now, later charges included. */
  balance: BalanceInfo
}

/** Auto top-up settings and their last outcome, normalised. */
export interface AutoTopUpInfo {
  enabled: boolean
  threshold: Usd | null
  amount: Usd | null
  monthlyCap: Usd | null
  spentThisMonth: Usd
  consecutiveFailures: number
  disabledReason: Schemas['AutoTopUp']['disabledReason']
  lastAttempt: {
    at: string
    status: 'SUCCEEDED' | 'DECLINED' | 'CAP_REACHED'
    amount: Usd
    topUpId: string | null
    message: string | null
  } | null
  /** The server's top-up bounds in whole dollars, or null when it does not say. */
  topUpLimits: { minimum: number; maximum: number } | null
}

/** New auto top-up settings, in whole dollars. */
export interface AutoTopUpInput {
  enabled: boolean
  threshold: number
  amount: number
  /** Most whole dollars of automatic top-ups a month; null removes the cap, omitted keeps it. */
  monthlyCap?: number | null
}

/** The result of changing auto top-up settings. */
export interface AutoTopUpResult {
  autoTopUp: AutoTopUpInfo
  balance: BalanceInfo
  /** Set when enabling below the threshold charged at once. */
  triggeredTopUp: TopUpInfo | null
}

/** The body of `POST /pricing-calculator` (and of the extension's quote). */
export type PricingRequest = NonNullable<
  JsonBody<paths['/pricing-calculator']['post']['requestBody']>
>

/** Your price beside the list price. */
export interface QuoteInfo {
  cost: Money
  listCost: Money
  discountPercent: number
  modelKey: string
}

/** The body of `POST /generations`. */
export type GenerationRequest = NonNullable<JsonBody<paths['/generations']['post']['requestBody']>>

/** A created generation job with its normalised cost. */
export interface GenerationJob {
  generationId: string
  /** Read from `cost`, falling back to the deprecated `apiCreditCost` (as credits). */
  cost: Money
}

/** Status of a job: `PENDING`, then `COMPLETE` or `FAILED`. */
export type JobStatus = Schemas['JobStatus']

type PostOf<P> = P extends keyof paths ? (paths[P] extends { post: infer O } ? O : never) : never
type JobAnswer<P> =
  PostOf<P> extends {
    responses: { 200: { content: { 'application/json': infer B } } }
  }
    ? B
    : never
/** The field of a job answer that holds the job: the one whose object has a `cost { amount, unit }`. */
type JobField<B> = B extends unknown
  ? {
      [K in keyof B]-?: 'cost' extends keyof NonNullable<B[K]>
        ? NonNullable<NonNullable<B[K]>['cost' & keyof NonNullable<B[K]>]> extends Schemas['Cost']
          ? K
          : never
        : never
    }[keyof B]
  : never

/**
 * Every path of the spec that starts a job: its `POST` answers 200 with a job object (such as
 * `sdGenerationJob` or `sdUpscaleJob`) carrying `cost`. A path added to the spec joins by itself.
 */
export type JobPath = {
  [P in keyof paths]: P extends `${string}{${string}`
    ? never
    : [JobField<JobAnswer<P>>] extends [never]
      ? never
      : P
}[keyof paths]

/** The JSON body of `POST path`, as the spec types it. */
export type JobRequest<P extends JobPath> =
  PostOf<P> extends {
    requestBody: { content: { 'application/json': infer R } }
  }
    ? R
    : PostOf<P> extends { requestBody?: { content: { 'application/json': infer R } } }
      ? R | undefined
      : undefined

type JobObject<B> = B extends unknown ? NonNullable<B[JobField<B> & keyof B]> : never

/** A started job (`createJob`): its id and its exact cost, with the job object as sent. */
export interface CreatedJob<P extends JobPath = JobPath> {
  /** `generationId`, `id` or the job's other `...Id` field (e.g. `customModelId`, `userLoraId` as digits); null when it has none. */
  id: string | null
  /** A job is `PENDING` when it is accepted; follow a generation with `getJob`. */
  status: 'PENDING'
  /** Its `cost` in its own unit, else the deprecated `apiCreditCost` as credits; null when the API named none. */
  cost: Money | null
  /** The answer's field that held the job, e.g. `sdGenerationJob`. */
  kind: JobField<JobAnswer<P>> & string
  /** The job object as the API sent it. */
  job: JobObject<JobAnswer<P>>
}

/** A job as `GET /generations/{id}` reports it. */
export interface JobState {
  id: string
  status: JobStatus
  /** What the job cost, when the answer carries it; null otherwise (read it from `createJob`). */
  cost: Money | null
  /** The generated images so far (none while `PENDING`). */
  images: Array<{ id: string | null; url: string | null; nsfw: boolean }>
}

/** A ledger entry, normalised: in dollars, or in plan credits for a legacy plan's charge or refund. */
export type TransactionInfo = TransactionIn<'USD'> | TransactionIn<'CREDITS'>

/** A ledger entry in one unit (`TransactionInfo` narrows on `unit`). */
export interface TransactionIn<U extends MoneyUnit> {
  id: string
  type: TransactionType
  /** The entry's unit: `USD`, or `CREDITS` for a legacy plan's entry. */
  unit: U
  /** Signed, in `unit`: negative for usage. */
  amount: Money<U>
  /** The balance after it, in `unit` (a legacy plan's credits left). */
  balanceAfter: Money<U>
  description: string
  service: PricingService | null
  generationId: string | null
  topUpId: string | null
  createdAt: string
}

/** One page of the ledger. */
export interface TransactionPage {
  data: TransactionInfo[]
  nextCursor: string | null
}

/** Filters and paging for the ledger. */
export interface TransactionQuery {
  type?: TransactionType
  limit?: number
  cursor?: string
}

/** Which days `getUsage` reports: a range of UTC dates, or the last `days` ending `to` (default today, by the server's clock). */
/** Bucket size of a usage report: a UTC day, an ISO week (Monday to Sunday) or a calendar month. */
export type UsageGranularity = Schemas['UsageGranularity']

/**
 * A usage report's range: `{ from, to }` (UTC dates) or `{ days }` ending `to` (default today), in
 * buckets of `granularity` (default `DAY`; at most 366 buckets and ten years per report).
 */
export type UsageQuery = ({ from: string; to: string } | { days: number; to?: string }) & {
  granularity?: UsageGranularity
}

/** Spend over time, by day, week or month and service, in the unit the account pays in (credits on a legacy plan). */
export interface UsageInfo {
  from: string
  to: string
  /** The bucket size; each bucket's `date` is its first day within the range. */
  granularity: UsageGranularity
  /** The unit of every amount: `USD`, or `CREDITS` on a legacy plan. */
  unit: MoneyUnit
  total: Money
  buckets: Array<{
    date: string
    total: Money
    requests: number
    byService: Array<{ service: PricingService; amount: Money; requests: number }>
  }>
}

/** The saved card, if any. */
export type PaymentMethodInfo = NonNullable<Schemas['PaymentMethodResponse']['paymentMethod']>

/** Subscription state, normalised. */
export interface SubscriptionInfo {
  billingModel: BillingModel
  customPricing: boolean
  plan: {
    name: string
    monthlyPrice: Usd
    creditsPerMonth: Credits
    creditsRemaining: Credits
    renewalDate: string | null
  } | null
  migratedAt: string | null
}

/** What migrating to PAYG would do. */
export interface MigrationPreviewInfo {
  creditsRemaining: Credits
  dollarsPerCredit: string
  convertedAmount: Usd
  balanceAfter: Usd
  planMonthlyPrice: Usd
  last30Days: { credits: Credits; requests: number; paygCost: Usd }
}

/** What migrating to PAYG did. */
export interface MigrationResultInfo {
  subscription: SubscriptionInfo
  balance: BalanceInfo
  transaction: TransactionInfo
}

/** Per-model discounts (list price beside your price). */
export interface PricingInfo {
  illustrative: boolean
  customPricing: boolean
  models: Array<{ key: string; name: string; service: PricingService; discountPercent: number }>
}

/** When and how often to retry. */
export interface RetryPolicy {
  /** Retries after the first attempt. Default 2. */
  retries?: number
  /** First backoff in ms, doubled each time, with full jitter. Default 300. */
  baseDelayMs?: number
  /**
   * Upper bound for one wait. A server's `Retry-After` beyond it ends the retries at once (the
   * error carries `retryAfter`). Default 10_000.
   */
  maxDelayMs?: number
}

/** Options of one call. */
export interface RequestOptions {
  signal?: AbortSignal
  /** Overrides the client's `timeoutMs` for this call (per attempt, headers and body). */
  timeoutMs?: number
  /** Overrides the client's retry policy for this call; `false` disables retries. */
  retry?: RetryPolicy | false
}

/** Options of `estimateCost`. */
export interface EstimateOptions extends RequestOptions {
  /** What the calculator's number is: `USD` (the default, pay-as-you-go) or `CREDITS` (a legacy plan). */
  unit?: MoneyUnit
}

/** Options of `createPaygClient`. */
export interface PaygClientOptions {
  /** Defaults to Leonardo's `https://cloud.leonardo.ai/api/rest/v1`; a proxy's URL in browsers. */
  baseUrl?: string
  /** Sent as `Authorization: Bearer <apiKey>`. Keep it on a server. */
  apiKey?: string
  /**
   * Extra headers on every request: an object, a `Headers` or `[name, value]` pairs. In a browser,
   * a credential header (`Authorization`, `X-Api-Key`, ...) is refused like `apiKey`.
   */
  headers?: Record<string, string> | Headers | ReadonlyArray<readonly [string, string]>
  /**
   * A `fetch` to use; otherwise `globalThis.fetch` is looked up on every call. It is called with
   * `redirect: 'manual'` and must honour it: the client never follows a redirect.
   */
  fetch?: typeof fetch
  /** Per-attempt timeout in ms, for the headers and the whole body. Default 30_000. */
  timeoutMs?: number
  /** Retry policy, or `false`. */
  retry?: RetryPolicy | false
  /** Allow an API key in a browser. Almost always wrong: use `@payg-kit/core/proxy`. */
  dangerouslyAllowBrowser?: boolean
  /**
   * A name for the account this client reaches, for caches to key on (`@payg-kit/react` does).
   * Give a server's client and the browser's client the same scope to hydrate data the server
   * prefetched; clients without one never share a cache.
   */
  scope?: string
}

declare const transportBrand: unique symbol

/**
 * What the standalone operations (`getBalance(transport)`, `estimateCost(transport, ...)`) send
 * through: the base URL, headers, `fetch`, timeout and retry policy of `createPaygTransport`.
 */
export interface PaygTransport {
  /** The `scope` option, if one was given. */
  readonly scope: string | undefined
  readonly [transportBrand]: true
}

/** The typed openapi-fetch client (`createRawClient`), for paths the domain API does not cover. */
export type PaygRawClient = Client<paths>

/**
 * The client: a small domain API that returns exact money and throws typed errors. For any other
 * path of the spec, `createRawClient(client)` gives the typed openapi-fetch client over the same
 * pipeline.
 */
export interface PaygClient {
  /** The `scope` option, if one was given. */
  readonly scope: string | undefined
  getBalance(options?: RequestOptions): Promise<BalanceInfo>
  getAccount(options?: RequestOptions): Promise<AccountInfo>
  /**
   * Adds whole dollars. One idempotency key per call, reused on every retry; a failure carries it
   * as `error.idempotencyKey`.
   */
  topUp(
    input: { amount: number; idempotencyKey?: string },
    options?: RequestOptions,
  ): Promise<TopUpResult>
  /**
   * Looks a top-up up by the idempotency key it was sent with, for when its answer was lost;
   * null when no top-up was made with that key (nothing was charged).
   */
  getTopUp(idempotencyKey: string, options?: RequestOptions): Promise<TopUpLookup | null>
  getAutoTopUp(options?: RequestOptions): Promise<AutoTopUpInfo>
  updateAutoTopUp(input: AutoTopUpInput, options?: RequestOptions): Promise<AutoTopUpResult>
  disableAutoTopUp(options?: RequestOptions): Promise<AutoTopUpResult>
  /**
   * Previews a request's cost with `POST /pricing-calculator`. The API answers in the unit the
   * account pays in without naming it: dollars, or credits on a legacy plan (`options.unit`).
   */
  estimateCost(request: PricingRequest, options?: EstimateOptions): Promise<Money>
  /** Your price beside the list price (billing extension). */
  quote(request: PricingRequest, options?: RequestOptions): Promise<QuoteInfo>
  createGeneration(request: GenerationRequest, options?: RequestOptions): Promise<GenerationJob>
  /** One page of the ledger. */
  listTransactions(query?: TransactionQuery, options?: RequestOptions): Promise<TransactionPage>
  /**
   * Every page of the ledger, newest first, fetched as it is iterated. A cursor the server hands
   * out twice ends the iteration with a `MalformedResponseError` rather than looping.
   */
  transactions(
    query?: Omit<TransactionQuery, 'cursor'>,
    options?: RequestOptions,
  ): AsyncIterable<TransactionPage>
  /** Spend per day, week or month: `{ from, to }` (UTC dates), or `{ days }` ending today by the server's clock. */
  getUsage(query: UsageQuery, options?: RequestOptions): Promise<UsageInfo>
  getPaymentMethod(options?: RequestOptions): Promise<PaymentMethodInfo | null>
  getSubscription(options?: RequestOptions): Promise<SubscriptionInfo>
  getMigrationPreview(options?: RequestOptions): Promise<MigrationPreviewInfo>
  /** Cancels the legacy plan and converts its credits into a dollar balance. Safe to retry. */
  migrateToPayg(
    input?: { idempotencyKey?: string },
    options?: RequestOptions,
  ): Promise<MigrationResultInfo>
  getPricing(options?: RequestOptions): Promise<PricingInfo>
}
