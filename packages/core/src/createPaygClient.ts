import { billingModelOf, paidBalanceOf } from './accountBilling'
import { configs, resolveConfig, resolvePolicy } from './clientConfig'
import { createIdempotencyKey } from './createIdempotencyKey'
import {
  amount,
  cost,
  creditAmount,
  type Decoder,
  decimal,
  describe,
  fail,
  flag,
  jobCost,
  list,
  Mismatch,
  name,
  nonNegative,
  nullable,
  number,
  optional,
  shape,
  text,
  usdAmount,
} from './decode'
import { errorFromResponse } from './errorFromResponse'
import { MalformedResponseError, NotFoundError, PaygError, ValidationError } from './errors'
import type { components, paths } from './generated/payg'
import { credits } from './money'
import { redactError } from './redact'
import { sendWithRetry } from './sendWithRetry'
import type {
  AccountState,
  AutoTopUpInfo,
  BillingModel,
  MoneyUnit,
  PaygClient,
  PaygClientOptions,
  PricingService,
  RequestOptions,
  TopUpInfo,
  TransactionInfo,
  TransactionQuery,
  TransactionType,
  UsageGranularity,
} from './types'

type Schemas = components['schemas']

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

const SAFE_KEY = /^[A-Za-z0-9_~-][A-Za-z0-9._~-]{0,254}$/

function idempotencyKey(value: unknown): string {
  if (value === undefined) return createIdempotencyKey()
  // URL-safe and never a dot segment, so the same key can look the intent up (`getTopUp`) as a path segment.
  if (!(typeof value === 'string' && SAFE_KEY.test(value))) {
    invalid(
      'idempotencyKey',
      'must be 1 to 255 URL-safe characters (letters, digits, - _ . ~), not beginning with a dot, such as a UUID',
    )
  }
  return value
}

// Decoders: server shapes in, checked, exact money out. Other fields pass through as is.
const balance = shape({
  balance: usdAmount,
  currency: text,
  billingModel: name<BillingModel>,
  credits: nullable(creditAmount),
  state: name<AccountState>,
  lowBalanceThreshold: nullable(usdAmount),
  autoTopUpEnabled: flag,
  updatedAt: text,
})

const topUp = shape({
  id: text,
  amount: usdAmount,
  kind: name<TopUpInfo['kind']>,
  status: name<TopUpInfo['status']>,
  paymentMethodId: nullable(text),
  createdAt: text,
})

const autoTopUp = shape({
  enabled: flag,
  threshold: nullable(usdAmount),
  amount: nullable(usdAmount),
  monthlyCap: nullable(usdAmount),
  spentThisMonth: usdAmount,
  consecutiveFailures: number,
  disabledReason: nullable(name<NonNullable<AutoTopUpInfo['disabledReason']>>),
  lastAttempt: nullable(
    shape({
      at: text,
      status: name<NonNullable<AutoTopUpInfo['lastAttempt']>['status']>,
      amount: usdAmount,
      topUpId: nullable(text),
      message: nullable(text),
    }),
  ),
  topUpLimits: optional(nullable(shape({ minimum: number, maximum: number })), null),
})

const autoTopUpResult = shape({
  autoTopUp,
  balance,
  triggeredTopUp: nullable(topUp),
})

/** An object's `unit` (`DOLLARS` when absent) as the money unit its amounts are read in. */
const unitOf = (v: unknown, at: string): MoneyUnit => {
  const { unit } = shape({})(v, at) as { unit?: unknown }
  if (unit === undefined || unit === 'DOLLARS') return 'USD'
  if (unit === 'CREDITS') return 'CREDITS'
  return fail(at ? `${at}.unit` : 'unit', '"DOLLARS" or "CREDITS"', unit)
}

const transaction: Decoder<TransactionInfo> = (v, at) => {
  const unit = unitOf(v, at)
  const inUnit = amount(unit)
  return shape({
    id: text,
    type: name<TransactionType>,
    unit: () => unit,
    amount: inUnit,
    balanceAfter: inUnit,
    description: text,
    service: nullable(name<PricingService>),
    generationId: nullable(text),
    topUpId: nullable(text),
    createdAt: text,
  })(v, at) as TransactionInfo
}

const subscription = shape({
  billingModel: name<BillingModel>,
  customPricing: flag,
  plan: nullable(
    shape({
      name: text,
      monthlyPrice: usdAmount,
      creditsPerMonth: creditAmount,
      creditsRemaining: creditAmount,
      renewalDate: nullable(text),
    }),
  ),
  migratedAt: nullable(text),
})

const transactionPage = shape({ data: list(transaction), nextCursor: nullable(text) })

const usage = (v: unknown, at: string) => {
  const unit = unitOf(v, at)
  const inUnit = amount(unit)
  return shape({
    from: text,
    to: text,
    // A server from before week and month buckets sends none: its buckets are days.
    granularity: (g: unknown, at: string) =>
      g === undefined ? 'DAY' : name<UsageGranularity>(g, at),
    unit: () => unit,
    total: inUnit,
    buckets: list(
      shape({
        date: text,
        total: inUnit,
        requests: number,
        byService: list(shape({ service: name<PricingService>, amount: inUnit, requests: number })),
      }),
    ),
  })(v, at)
}

const paymentMethod = shape({
  paymentMethod: nullable(
    shape({ id: text, brand: text, last4: text, expMonth: number, expYear: number }),
  ),
})

const migrationPreview = shape({
  creditsRemaining: creditAmount,
  dollarsPerCredit: decimal,
  convertedAmount: usdAmount,
  balanceAfter: usdAmount,
  planMonthlyPrice: usdAmount,
  last30Days: shape({ credits: creditAmount, requests: number, paygCost: usdAmount }),
})

const migrationResult = shape({ subscription, balance, transaction })

const pricing = shape({
  currency: text,
  illustrative: flag,
  customPricing: flag,
  models: list(
    shape({ key: text, name: text, service: name<PricingService>, discountPercent: number }),
  ),
})

// Leonardo's answers: every field optional, and some nullable, as in its official SDK. A field
// the SDK lets be absent or null is read as null (or none), never refused.
const account = shape({
  user_details: optional(
    list(
      shape({
        user: nullable(shape({ id: nullable(text), username: nullable(text) })),
        apiPaidTokens: nullable(usdAmount),
        apiSubscriptionTokens: optional(creditAmount, null),
        apiConcurrencySlots: optional(number, null),
        apiPlanTokenRenewalDate: nullable(text),
      }),
    ),
    [],
  ),
})

const quote = shape({ cost, listCost: cost, discountPercent: number, modelKey: text })

const generation = shape({
  sdGenerationJob: (v, at) => {
    const { generationId } = shape({ generationId: text })(v, at)
    return {
      generationId,
      cost:
        jobCost(v, at) ?? fail(`${at}.cost`, 'a cost (or the deprecated apiCreditCost)', undefined),
    }
  },
})

const estimate = (unit: MoneyUnit) =>
  shape({ calculateProductionApiServiceCost: shape({ cost: nonNegative(amount(unit)) }) })

/** `?a=1&b=2` from the defined entries of `query`, or ''. */
function search(query: object | undefined): string {
  let result = ''
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value != null) result += `${result ? '&' : '?'}${name}=${encodeURIComponent(value)}`
  }
  return result
}

/**
 * A client for the PAYG API: a small domain API that returns exact money and throws typed
 * errors, over the typed raw client. Keep the API key on a server; in a browser, point `baseUrl`
 * at a proxy instead.
 * @example const payg = createPaygClient({ apiKey: process.env.LEONARDO_API_KEY })
 */
export function createPaygClient(options: PaygClientOptions = {}): PaygClient {
  const config = resolveConfig(options)
  const { root, baseHeaders, send, defaults, redact } = config

  /**
   * One call of the domain API: its success body read by `decoder`, or a typed error (carrying
   * `key`, and free of the client's credentials).
   */
  async function call<T>(
    method: string,
    path: keyof paths,
    decoder: Decoder<T>,
    request: RequestOptions | undefined,
    body?: unknown,
    key?: string,
    query = '',
  ): Promise<[T, Response]> {
    const operation = `${method} ${path}`
    try {
      const json = body !== undefined
      const response = await sendWithRetry(
        send,
        root + path + query,
        {
          method,
          headers:
            json || key
              ? {
                  ...baseHeaders,
                  ...(json && { 'content-type': 'application/json' }),
                  ...(key && { 'idempotency-key': key }),
                }
              : baseHeaders,
          body: json ? JSON.stringify(body) : undefined,
        },
        method === 'GET' || !!key,
        request ? resolvePolicy(request.timeoutMs, request.retry, defaults) : defaults,
        request?.signal,
      )
      const raw = await response.text()
      let data: unknown = raw
      let parsed = false
      try {
        data = raw ? JSON.parse(raw) : undefined
        parsed = true
      } catch {}
      // Redacted before any of it is cut short for a message.
      if (!response.ok) throw errorFromResponse(response, redact(data))
      const type = response.headers.get('content-type')
      const malformed = (said: string, field: string, expected: string) =>
        new MalformedResponseError({
          message: `${operation} answered ${response.status} ${said}`,
          status: response.status,
          requestId: response.headers.get('x-request-id') ?? undefined,
          details: { operation, field, expected },
        })
      if (!parsed || (type && !/[/+]json\s*(?:;|$)/i.test(type))) {
        const what = /^\s*</.test(raw) ? 'HTML' : parsed ? 'a body' : 'JSON cut short or invalid'
        throw malformed(
          `with ${what}${type ? ` (${type.split(';')[0]})` : ''}, something other than JSON: check that \`baseUrl\` points at the API or its proxy`,
          'the body',
          'JSON (application/json)',
        )
      }
      try {
        return [decoder(data, ''), response]
      } catch (error) {
        if (!(error instanceof Mismatch)) throw error
        throw malformed(
          `with a body that does not match the API: ${error.field === 'the body' ? 'the body' : `\`${error.field}\``} should be ${error.expected}, not ${describe(redact(error.value))}`,
          error.field,
          error.expected,
        )
      }
    } catch (error) {
      if (key && error instanceof PaygError) {
        Object.defineProperty(error, 'idempotencyKey', { value: key })
      }
      throw redactError(error, redact)
    }
  }

  const get = <T>(
    path: keyof paths,
    decoder: Decoder<T>,
    request: RequestOptions | undefined,
    query?: string,
  ) => call('GET', path, decoder, request, undefined, undefined, query).then((r) => r[0])

  const listTransactions = (query?: TransactionQuery, request?: RequestOptions) =>
    get('/billing/transactions', transactionPage, request, search(query))

  const client: PaygClient = {
    scope: options.scope,
    getBalance: (request) => get('/billing/balance', balance, request),

    async getAccount(request) {
      const { user_details } = await get('/me', account, request)
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
    },

    async topUp(input, request) {
      const key = idempotencyKey(input?.idempotencyKey)
      let amount: number
      try {
        amount = wholeDollars('amount', input?.amount)
      } catch (error) {
        Object.defineProperty(error, 'idempotencyKey', { value: key })
        throw error
      }
      const [result, response] = await call(
        'POST',
        '/billing/top-ups',
        shape({ topUp, balance }),
        request,
        { amount },
        key,
      )
      return {
        topUp: result.topUp,
        balance: result.balance,
        idempotencyKey: key,
        replayed: response.headers.get('idempotent-replayed') === 'true',
      }
    },

    getAutoTopUp: (request) => get('/billing/auto-top-up', autoTopUp, request),

    async getTopUp(key, request) {
      if (key === undefined) invalid('idempotencyKey', 'is required')
      const checked = idempotencyKey(key)
      // The path's template is `/billing/top-ups/{idempotencyKey}`; the key is one encoded segment.
      const path = `/billing/top-ups/${encodeURIComponent(checked)}` as keyof paths
      try {
        return await get(path, shape({ topUp, balance }), request)
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
    },

    async updateAutoTopUp(input, request) {
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
      const [result] = await call(
        'PUT',
        '/billing/auto-top-up',
        autoTopUpResult,
        request,
        body,
        createIdempotencyKey(),
      )
      return result
    },

    async disableAutoTopUp(request) {
      const [result] = await call(
        'DELETE',
        '/billing/auto-top-up',
        autoTopUpResult,
        request,
        undefined,
        createIdempotencyKey(),
      )
      return result
    },

    async estimateCost(body, request) {
      const [result] = await call(
        'POST',
        '/pricing-calculator',
        estimate(request?.unit ?? 'USD'),
        request,
        body,
      )
      return result.calculateProductionApiServiceCost.cost
    },

    async quote(body, request) {
      const [q] = await call('POST', '/billing/pricing/quote', quote, request, body)
      return q
    },

    async createGeneration(body, request) {
      const [result] = await call('POST', '/generations', generation, request, body)
      return result.sdGenerationJob
    },

    listTransactions,

    async *transactions(query, request) {
      const requested = new Set<string>()
      let cursor: string | null | undefined
      do {
        const page = await listTransactions({ ...query, cursor: cursor ?? undefined }, request)
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
            redact,
          )
        }
        if (cursor) requested.add(cursor)
      } while (cursor)
    },

    getUsage: (query, request) => get('/billing/usage', usage, request, search(query)),

    getPaymentMethod: (request) =>
      get('/billing/payment-method', paymentMethod, request).then((r) => r.paymentMethod),

    getSubscription: (request) => get('/billing/subscription', subscription, request),

    getMigrationPreview: (request) =>
      get('/billing/subscription/migration-preview', migrationPreview, request),

    async migrateToPayg(input, request) {
      const key = idempotencyKey(input?.idempotencyKey)
      const [r] = await call(
        'POST',
        '/billing/subscription/migrate',
        migrationResult,
        request,
        undefined,
        key,
      )
      return r
    },

    getPricing: (request) => get('/billing/pricing', pricing, request),
  }
  configs.set(client, { ...config, call })
  return client
}
