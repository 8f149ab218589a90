import { describe, expect, it } from 'vitest'
import { createPaygClient } from './createPaygClient'
import { MalformedResponseError, PaygError } from './errors'
import type { PaygClient } from './types'

// Every domain method against success answers that do not match the API: each must end with a
// MalformedResponseError that names the operation, the field and what was expected.

const BALANCE = {
  balance: '12.4567',
  currency: 'USD',
  billingModel: 'PAYG',
  credits: null,
  state: 'OK',
  lowBalanceThreshold: 50,
  autoTopUpEnabled: true,
  updatedAt: '2025-06-01T12:00:00.000Z',
}
const TOP_UP = {
  id: 'tu_1',
  amount: '25',
  kind: 'MANUAL',
  status: 'SUCCEEDED',
  paymentMethodId: 'pm_1',
  createdAt: '2025-06-01T12:00:00.000Z',
}
const AUTO_TOP_UP = {
  enabled: true,
  threshold: 50,
  amount: 100,
  monthlyCap: 500,
  spentThisMonth: '100',
  consecutiveFailures: 0,
  disabledReason: null,
  lastAttempt: null,
}
const TRANSACTION = {
  id: 'tx_1',
  type: 'USAGE',
  amount: '-0.024',
  balanceAfter: '12.4327',
  description: 'Image generation',
  service: 'IMAGE_GENERATION',
  generationId: 'g_1',
  topUpId: null,
  createdAt: '2025-06-01T12:00:00.000Z',
}
const SUBSCRIPTION = {
  billingModel: 'SUBSCRIPTION',
  customPricing: false,
  plan: {
    name: 'API Standard',
    monthlyPrice: '49.00',
    creditsPerMonth: 25000,
    creditsRemaining: 24000,
    renewalDate: '2025-07-01T00:00:00.000Z',
  },
  migratedAt: null,
}
const pricingRequest = {
  service: 'IMAGE_GENERATION' as const,
  serviceParams: { IMAGE_GENERATION: {} },
}

interface Case {
  operation: string
  run: (client: PaygClient) => Promise<unknown>
  body: unknown
  /** Each: the path of a field to break, the value to put there, the field the error names. */
  breaks: Array<[path: string, value: unknown]>
}

const cases: Record<string, Case> = {
  getBalance: {
    operation: 'GET /billing/balance',
    run: (c) => c.getBalance(),
    body: BALANCE,
    breaks: [
      ['balance', 'twelve'],
      ['balance', null],
      ['lowBalanceThreshold', 'NaN'],
      ['autoTopUpEnabled', 'yes'],
    ],
  },
  getAccount: {
    operation: 'GET /me',
    run: (c) => c.getAccount(),
    body: {
      user_details: [
        {
          user: { id: 'u_1', username: null },
          apiConcurrencySlots: 10,
          apiSubscriptionTokens: 1500,
          apiPaidTokens: 12.4567,
          apiPlanTokenRenewalDate: null,
        },
      ],
    },
    // The SDK lets `user` and most numbers be null or absent (read as none), not of another type.
    breaks: [
      ['user_details', null],
      ['user_details.0.user', 'u_1'],
      ['user_details.0.user.id', 42],
      ['user_details.0.apiPaidTokens', '1e5'],
      ['user_details.0.apiSubscriptionTokens', null],
      ['user_details.0.apiConcurrencySlots', 'ten'],
    ],
  },
  topUp: {
    operation: 'POST /billing/top-ups',
    run: (c) => c.topUp({ amount: 25 }),
    body: { topUp: TOP_UP, balance: BALANCE },
    breaks: [
      ['topUp', null],
      ['topUp.amount', '$25'],
      ['balance.balance', '1.2e3'],
    ],
  },
  getAutoTopUp: {
    operation: 'GET /billing/auto-top-up',
    run: (c) => c.getAutoTopUp(),
    body: AUTO_TOP_UP,
    breaks: [
      ['spentThisMonth', undefined],
      ['monthlyCap', '500 USD'],
      ['lastAttempt', 'yesterday'],
    ],
  },
  updateAutoTopUp: {
    operation: 'PUT /billing/auto-top-up',
    run: (c) => c.updateAutoTopUp({ enabled: true, threshold: 50, amount: 100 }),
    body: { autoTopUp: AUTO_TOP_UP, balance: BALANCE, triggeredTopUp: null },
    breaks: [
      ['autoTopUp', null],
      ['triggeredTopUp', 'none'],
      ['balance.credits', '-'],
    ],
  },
  disableAutoTopUp: {
    operation: 'DELETE /billing/auto-top-up',
    run: (c) => c.disableAutoTopUp(),
    body: { autoTopUp: AUTO_TOP_UP, balance: BALANCE, triggeredTopUp: null },
    breaks: [
      ['balance', null],
      ['autoTopUp.threshold', [50]],
    ],
  },
  estimateCost: {
    operation: 'POST /pricing-calculator',
    run: (c) => c.estimateCost(pricingRequest),
    body: { calculateProductionApiServiceCost: { cost: 0.048 } },
    breaks: [
      ['calculateProductionApiServiceCost', null],
      ['calculateProductionApiServiceCost.cost', 'free'],
    ],
  },
  quote: {
    operation: 'POST /billing/pricing/quote',
    run: (c) => c.quote(pricingRequest),
    body: {
      cost: { amount: '0.0365', unit: 'DOLLARS' },
      listCost: { amount: '0.048', unit: 'DOLLARS' },
      discountPercent: 24,
      modelKey: 'PHOENIX',
    },
    breaks: [
      ['cost.unit', undefined],
      ['listCost.unit', 'EUROS'],
      ['cost.amount', 'abc'],
      ['listCost', null],
    ],
  },
  createGeneration: {
    operation: 'POST /generations',
    run: (c) => c.createGeneration({ prompt: 'a fox', num_images: 1, width: 512, height: 512 }),
    body: { sdGenerationJob: { generationId: 'g_1', cost: { amount: '0.024', unit: 'DOLLARS' } } },
    breaks: [
      ['sdGenerationJob', null],
      ['sdGenerationJob.cost.unit', undefined],
      ['sdGenerationJob.cost', undefined],
      ['sdGenerationJob.generationId', 42],
    ],
  },
  listTransactions: {
    operation: 'GET /billing/transactions',
    run: (c) => c.listTransactions(),
    body: { data: [TRANSACTION], nextCursor: null },
    breaks: [
      ['data', null],
      ['data.0.amount', '0,024'],
      ['data.0', null],
      ['nextCursor', 7],
    ],
  },
  transactions: {
    operation: 'GET /billing/transactions',
    run: async (c) => {
      for await (const _ of c.transactions()) {
        // Reading every page is the test.
      }
    },
    body: { data: [TRANSACTION], nextCursor: null },
    breaks: [
      ['data.0.balanceAfter', undefined],
      ['data', {}],
    ],
  },
  getUsage: {
    operation: 'GET /billing/usage',
    run: (c) => c.getUsage({ from: '2025-06-01', to: '2025-06-01' }),
    body: {
      from: '2025-06-01',
      to: '2025-06-01',
      currency: 'USD',
      total: '0.072',
      buckets: [
        {
          date: '2025-06-01',
          total: '0.072',
          requests: 2,
          byService: [{ service: 'IMAGE_GENERATION', amount: '0.072', requests: 2 }],
        },
      ],
    },
    breaks: [
      ['buckets', null],
      ['buckets.0.byService.0.amount', null],
      ['total', '0.07.2'],
    ],
  },
  getPaymentMethod: {
    operation: 'GET /billing/payment-method',
    run: (c) => c.getPaymentMethod(),
    body: {
      paymentMethod: { id: 'pm_1', brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030 },
    },
    breaks: [
      ['paymentMethod', 'visa'],
      ['paymentMethod.last4', 4242],
    ],
  },
  getSubscription: {
    operation: 'GET /billing/subscription',
    run: (c) => c.getSubscription(),
    body: SUBSCRIPTION,
    breaks: [
      ['plan.monthlyPrice', 'forty-nine'],
      ['plan.creditsRemaining', null],
      ['customPricing', 'no'],
    ],
  },
  getMigrationPreview: {
    operation: 'GET /billing/subscription/migration-preview',
    run: (c) => c.getMigrationPreview(),
    body: {
      creditsRemaining: 24000,
      dollarsPerCredit: '0.00076',
      convertedAmount: '18.24',
      balanceAfter: '18.24',
      planMonthlyPrice: '49',
      last30Days: { credits: 1000, requests: 40, paygCost: '0.76' },
    },
    breaks: [
      ['last30Days', null],
      ['dollarsPerCredit', 0.00076],
      ['convertedAmount', 'Infinity'],
    ],
  },
  migrateToPayg: {
    operation: 'POST /billing/subscription/migrate',
    run: (c) => c.migrateToPayg(),
    body: {
      subscription: { ...SUBSCRIPTION, billingModel: 'PAYG', plan: null },
      balance: BALANCE,
      transaction: { ...TRANSACTION, type: 'MIGRATION_CREDIT' },
    },
    breaks: [
      ['transaction', null],
      ['transaction.amount', '18,24'],
      ['subscription.plan', 'none'],
    ],
  },
  getPricing: {
    operation: 'GET /billing/pricing',
    run: (c) => c.getPricing(),
    body: {
      currency: 'USD',
      illustrative: true,
      customPricing: false,
      models: [
        { key: 'PHOENIX', name: 'Phoenix', service: 'IMAGE_GENERATION', discountPercent: 0 },
      ],
    },
    breaks: [
      ['models', null],
      ['models.0.discountPercent', '10%'],
    ],
  },
}

/** A client whose every request is answered 200 with `body` as `contentType`. */
function answering(body: string, contentType: string | null = 'application/json') {
  return createPaygClient({
    baseUrl: 'https://api.test/v1',
    retry: false,
    fetch: async () =>
      new Response(body, {
        status: 200,
        headers: contentType ? { 'content-type': contentType, 'x-request-id': 'req_9' } : {},
      }),
  })
}

/** `body` with the value at the dotted `path` replaced (or removed, for undefined). */
function broken(body: unknown, path: string, value: unknown): unknown {
  const copy = structuredClone(body) as Record<string, unknown>
  const keys = path.split('.')
  const last = keys.pop() as string
  let target = copy
  for (const key of keys) target = target[key] as Record<string, unknown>
  if (value === undefined) delete target[last]
  else target[last] = value
  return copy
}

const whole: Array<[string, string, string | null, RegExp]> = [
  ['null', 'null', 'application/json', /the body should be an object, not null/],
  ['an array', '[]', 'application/json', /the body should be an object, not an array/],
  ['a number', '42', 'application/json', /the body should be an object, not 42/],
  ['an empty body', '', 'application/json', /the body should be an object, not nothing/],
  ['truncated JSON', '{"balance":"12.', 'application/json', /JSON cut short or invalid/],
  ['an HTML page', '<!doctype html><p>Sign in</p>', 'text/html', /with HTML \(text\/html\)/],
  ['JSON labelled as text', '{}', 'text/plain', /\(text\/plain\), something other than JSON/],
  ['JSON labelled as HTML', '{}', 'text/html; charset=utf-8', /\(text\/html\)/],
]

describe.each(Object.entries(cases))('%s with a malformed success body', (_, c) => {
  it('reads the well-formed body', async () => {
    // Throws, and fails the test, if the client cannot read it.
    await c.run(answering(JSON.stringify(c.body)))
  })

  it.each(whole)('answers %s with a MalformedResponseError', async (_, body, type, message) => {
    const error = await c.run(answering(body, type)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MalformedResponseError)
    expect(error).toBeInstanceOf(PaygError)
    const malformed = error as MalformedResponseError
    expect(malformed.code).toBe('MALFORMED_RESPONSE')
    expect(malformed.status).toBe(200)
    expect(malformed.requestId).toBe('req_9')
    expect(malformed.message).toContain(`${c.operation} answered 200`)
    expect(malformed.message).toMatch(message)
    expect(malformed.details.operation).toBe(c.operation)
  })

  it.each(c.breaks)('names %s when it is %j', async (path, value) => {
    const error = await c
      .run(answering(JSON.stringify(broken(c.body, path, value))))
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MalformedResponseError)
    const malformed = error as MalformedResponseError
    const field = path.replace(/\.(\d+)(?=\.|$)/g, '[$1]')
    expect(malformed.details).toMatchObject({ operation: c.operation, field })
    expect(malformed.message).toContain(`\`${field}\` should be ${malformed.details.expected}, not`)
  })
})
