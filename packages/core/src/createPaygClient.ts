import { configs, resolveConfig, resolvePolicy } from './clientConfig'
import { createIdempotencyKey } from './createIdempotencyKey'
import { errorFromResponse } from './errorFromResponse'
import { NotFoundError, PaygError, ValidationError } from './errors'
import type { components, paths } from './generated/payg'
import { credits, money, usd } from './money'
import { normalizeCost } from './normalizeCost'
import { sendWithRetry } from './sendWithRetry'
import type { PaygClient, PaygClientOptions, RequestOptions, TransactionQuery } from './types'

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

function idempotencyKey(value: unknown): string {
  if (value === undefined) return createIdempotencyKey()
  if (!(typeof value === 'string' && /^[!-~]{1,255}$/.test(value))) {
    invalid('idempotencyKey', 'must be 1 to 255 visible ASCII characters, such as a UUID')
  }
  return value
}

const orNull = <T, R>(value: T | null | undefined, map: (value: T) => R): R | null =>
  value == null ? null : map(value)

// Normalisers: server shapes in, exact money out. The rest of each object passes through as is.
const toBalance = (b: Schemas['Balance']) => ({
  ...b,
  balance: usd(b.balance),
  credits: orNull(b.credits, credits),
  lowBalanceThreshold: orNull(b.lowBalanceThreshold, usd),
})

const toTopUp = <T extends { amount: string }>(t: T) => ({ ...t, amount: usd(t.amount) })

const toAutoTopUp = (a: Schemas['AutoTopUp']) => ({
  ...a,
  threshold: orNull(a.threshold, usd),
  amount: orNull(a.amount, usd),
  monthlyCap: orNull(a.monthlyCap, usd),
  spentThisMonth: usd(a.spentThisMonth),
  lastAttempt: orNull(a.lastAttempt, toTopUp),
})

const toAutoTopUpResult = (r: Schemas['AutoTopUpResult']) => ({
  autoTopUp: toAutoTopUp(r.autoTopUp),
  balance: toBalance(r.balance),
  triggeredTopUp: orNull(r.triggeredTopUp, toTopUp),
})

const toTransaction = (t: Schemas['Transaction']) => ({
  ...t,
  amount: usd(t.amount),
  balanceAfter: usd(t.balanceAfter),
})

const toSubscription = (s: Schemas['Subscription']) => ({
  ...s,
  plan: orNull(s.plan, (p) => ({
    ...p,
    monthlyPrice: usd(p.monthlyPrice),
    creditsPerMonth: credits(p.creditsPerMonth),
    creditsRemaining: credits(p.creditsRemaining),
  })),
})

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
  const { root, baseHeaders, send, defaults } = config

  /** One call of the domain API: the success body and the response, or a typed error. */
  async function call<T>(
    method: string,
    path: keyof paths,
    request: RequestOptions | undefined,
    body?: unknown,
    key?: string,
    query = '',
  ): Promise<[T, Response]> {
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
    const text = await response.text()
    let data: unknown = text
    try {
      data = text ? JSON.parse(text) : undefined
    } catch {
      if (response.ok) {
        throw new PaygError(
          'HTTP_ERROR',
          `${path} answered with something other than JSON: check that \`baseUrl\` points at the API or its proxy.`,
          { status: response.status },
        )
      }
    }
    if (!response.ok) throw errorFromResponse(response, data)
    return [data as T, response]
  }

  const get = <T>(path: keyof paths, request: RequestOptions | undefined, query?: string) =>
    call<T>('GET', path, request, undefined, undefined, query).then((r) => r[0])

  const listTransactions = async (query?: TransactionQuery, request?: RequestOptions) => {
    const page = await get<Schemas['TransactionList']>(
      '/billing/transactions',
      request,
      search(query),
    )
    return { ...page, data: page.data.map(toTransaction) }
  }

  const client: PaygClient = {
    scope: options.scope,
    getBalance: (request) => get<Schemas['Balance']>('/billing/balance', request).then(toBalance),

    async getAccount(request) {
      const { user_details } = await get<Schemas['GetUserSelfResponse']>('/me', request)
      const d = user_details[0]
      if (!d) throw new NotFoundError({ message: 'GET /me returned no user for this API key' })
      return {
        userId: d.user.id,
        username: d.user.username,
        paidBalance: usd(d.apiPaidTokens ?? 0),
        subscriptionCredits: credits(d.apiSubscriptionTokens),
        concurrencySlots: d.apiConcurrencySlots,
        planRenewalDate: d.apiPlanTokenRenewalDate,
      }
    },

    async topUp(input, request) {
      const amount = wholeDollars('amount', input?.amount)
      const key = idempotencyKey(input.idempotencyKey)
      const [result, response] = await call<Schemas['TopUpResult']>(
        'POST',
        '/billing/top-ups',
        request,
        { amount },
        key,
      )
      return {
        topUp: toTopUp(result.topUp),
        balance: toBalance(result.balance),
        idempotencyKey: key,
        replayed: response.headers.get('idempotent-replayed') === 'true',
      }
    },

    async getTopUp(key, request) {
      if (key === undefined) invalid('idempotencyKey', 'is required')
      const checked = idempotencyKey(key)
      // The path's template is `/billing/top-ups/{idempotencyKey}`; the key is one encoded segment.
      const path = `/billing/top-ups/${encodeURIComponent(checked)}` as keyof paths
      try {
        const [result] = await call<Schemas['TopUpLookup']>('GET', path, request)
        return { topUp: toTopUp(result.topUp), balance: toBalance(result.balance) }
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

    getAutoTopUp: (request) =>
      get<Schemas['AutoTopUp']>('/billing/auto-top-up', request).then(toAutoTopUp),

    async updateAutoTopUp(input, request) {
      if (typeof input?.enabled !== 'boolean') invalid('enabled', 'must be true or false')
      const { monthlyCap } = input
      const body: Schemas['AutoTopUpUpdate'] = {
        enabled: input.enabled,
        threshold: wholeDollars('threshold', input.threshold),
        amount: wholeDollars('amount', input.amount),
        monthlyCap: monthlyCap == null ? monthlyCap : wholeDollars('monthlyCap', monthlyCap),
      }
      const [result] = await call<Schemas['AutoTopUpResult']>(
        'PUT',
        '/billing/auto-top-up',
        request,
        body,
        createIdempotencyKey(),
      )
      return toAutoTopUpResult(result)
    },

    async disableAutoTopUp(request) {
      const [result] = await call<Schemas['AutoTopUpResult']>(
        'DELETE',
        '/billing/auto-top-up',
        request,
        undefined,
        createIdempotencyKey(),
      )
      return toAutoTopUpResult(result)
    },

    async estimateCost(body, request) {
      const [result] = await call<Schemas['PricingCalculatorResponse']>(
        'POST',
        '/pricing-calculator',
        request,
        body,
      )
      return money(result.calculateProductionApiServiceCost.cost, request?.unit ?? 'USD')
    },

    async quote(body, request) {
      const [q] = await call<Schemas['Quote']>('POST', '/billing/pricing/quote', request, body)
      return { ...q, cost: normalizeCost(q), listCost: normalizeCost({ cost: q.listCost }) }
    },

    async createGeneration(body, request) {
      const [{ sdGenerationJob: job }] = await call<Schemas['CreateGenerationResponse']>(
        'POST',
        '/generations',
        request,
        body,
      )
      return { generationId: job.generationId, cost: normalizeCost(job) }
    },

    listTransactions,

    async *transactions(query, request) {
      let cursor: string | null | undefined
      do {
        const page = await listTransactions({ ...query, cursor: cursor ?? undefined }, request)
        yield page
        cursor = page.nextCursor
      } while (cursor)
    },

    async getUsage(query, request) {
      const u = await get<Schemas['UsageReport']>('/billing/usage', request, search(query))
      return {
        ...u,
        total: usd(u.total),
        buckets: u.buckets.map((b) => ({
          ...b,
          total: usd(b.total),
          byService: b.byService.map((s) => ({ ...s, amount: usd(s.amount) })),
        })),
      }
    },

    getPaymentMethod: (request) =>
      get<Schemas['PaymentMethodResponse']>('/billing/payment-method', request).then(
        (r) => r.paymentMethod,
      ),

    getSubscription: (request) =>
      get<Schemas['Subscription']>('/billing/subscription', request).then(toSubscription),

    async getMigrationPreview(request) {
      const p = await get<Schemas['MigrationPreview']>(
        '/billing/subscription/migration-preview',
        request,
      )
      return {
        ...p,
        creditsRemaining: credits(p.creditsRemaining),
        convertedAmount: usd(p.convertedAmount),
        balanceAfter: usd(p.balanceAfter),
        planMonthlyPrice: usd(p.planMonthlyPrice),
        last30Days: {
          ...p.last30Days,
          credits: credits(p.last30Days.credits),
          paygCost: usd(p.last30Days.paygCost),
        },
      }
    },

    async migrateToPayg(input, request) {
      const key = idempotencyKey(input?.idempotencyKey)
      const [r] = await call<Schemas['MigrationResult']>(
        'POST',
        '/billing/subscription/migrate',
        request,
        undefined,
        key,
      )
      return {
        subscription: toSubscription(r.subscription),
        balance: toBalance(r.balance),
        transaction: toTransaction(r.transaction),
      }
    },

    getPricing: (request) => get('/billing/pricing', request),
  }
  configs.set(client, config)
  return client
}
