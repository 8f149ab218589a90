import {
  amount,
  cost,
  creditAmount,
  type Decoder,
  decimal,
  fail,
  flag,
  jobCost,
  list,
  name,
  nonNegative,
  nullable,
  number,
  optional,
  shape,
  text,
  usdAmount,
} from './decode'
import type {
  AccountState,
  AutoTopUpInfo,
  BillingModel,
  MoneyUnit,
  PricingService,
  TopUpInfo,
  TransactionInfo,
  TransactionType,
  UsageGranularity,
} from './types'

// Decoders: server shapes in, checked, exact money out. Other fields pass through as is.
export const balance = /* @__PURE__ */ shape({
  balance: usdAmount,
  currency: text,
  billingModel: name<BillingModel>,
  credits: /* @__PURE__ */ nullable(creditAmount),
  state: name<AccountState>,
  lowBalanceThreshold: /* @__PURE__ */ nullable(usdAmount),
  autoTopUpEnabled: flag,
  updatedAt: text,
})

export const topUp = /* @__PURE__ */ shape({
  id: text,
  amount: usdAmount,
  kind: name<TopUpInfo['kind']>,
  status: name<TopUpInfo['status']>,
  paymentMethodId: /* @__PURE__ */ nullable(text),
  createdAt: text,
})

export const autoTopUp = /* @__PURE__ */ shape({
  enabled: flag,
  threshold: /* @__PURE__ */ nullable(usdAmount),
  amount: /* @__PURE__ */ nullable(usdAmount),
  monthlyCap: /* @__PURE__ */ nullable(usdAmount),
  spentThisMonth: usdAmount,
  consecutiveFailures: number,
  disabledReason: /* @__PURE__ */ nullable(name<NonNullable<AutoTopUpInfo['disabledReason']>>),
  lastAttempt: /* @__PURE__ */ nullable(
    /* @__PURE__ */ shape({
      at: text,
      status: name<NonNullable<AutoTopUpInfo['lastAttempt']>['status']>,
      amount: usdAmount,
      topUpId: /* @__PURE__ */ nullable(text),
      message: /* @__PURE__ */ nullable(text),
    }),
  ),
  topUpLimits: /* @__PURE__ */ optional(
    /* @__PURE__ */ nullable(/* @__PURE__ */ shape({ minimum: number, maximum: number })),
    null,
  ),
})

export const autoTopUpResult = /* @__PURE__ */ shape({
  autoTopUp,
  balance,
  triggeredTopUp: /* @__PURE__ */ nullable(topUp),
})

/** An object's `unit` (`DOLLARS` when absent) as the money unit its amounts are read in. */
export const unitOf = (v: unknown, at: string): MoneyUnit => {
  const { unit } = /* @__PURE__ */ shape({})(v, at) as { unit?: unknown }
  if (unit === undefined || unit === 'DOLLARS') return 'USD'
  if (unit === 'CREDITS') return 'CREDITS'
  return fail(at ? `${at}.unit` : 'unit', '"DOLLARS" or "CREDITS"', unit)
}

export const transaction: Decoder<TransactionInfo> = (v, at) => {
  const unit = unitOf(v, at)
  const inUnit = /* @__PURE__ */ amount(unit)
  return /* @__PURE__ */ shape({
    id: text,
    type: name<TransactionType>,
    unit: () => unit,
    amount: inUnit,
    balanceAfter: inUnit,
    description: text,
    service: /* @__PURE__ */ nullable(name<PricingService>),
    generationId: /* @__PURE__ */ nullable(text),
    topUpId: /* @__PURE__ */ nullable(text),
    createdAt: text,
  })(v, at) as TransactionInfo
}

export const subscription = /* @__PURE__ */ shape({
  billingModel: name<BillingModel>,
  customPricing: flag,
  plan: /* @__PURE__ */ nullable(
    /* @__PURE__ */ shape({
      name: text,
      monthlyPrice: usdAmount,
      creditsPerMonth: creditAmount,
      creditsRemaining: creditAmount,
      renewalDate: /* @__PURE__ */ nullable(text),
    }),
  ),
  migratedAt: /* @__PURE__ */ nullable(text),
})

export const transactionPage = /* @__PURE__ */ shape({
  data: /* @__PURE__ */ list(transaction),
  nextCursor: /* @__PURE__ */ nullable(text),
})

export const usage = (v: unknown, at: string) => {
  const unit = unitOf(v, at)
  const inUnit = /* @__PURE__ */ amount(unit)
  return /* @__PURE__ */ shape({
    from: text,
    to: text,
    // A server from before week and month buckets sends none: its buckets are days.
    granularity: (g: unknown, at: string) =>
      g === undefined ? 'DAY' : name<UsageGranularity>(g, at),
    unit: () => unit,
    total: inUnit,
    buckets: /* @__PURE__ */ list(
      /* @__PURE__ */ shape({
        date: text,
        total: inUnit,
        requests: number,
        byService: /* @__PURE__ */ list(
          /* @__PURE__ */ shape({
            service: name<PricingService>,
            amount: inUnit,
            requests: number,
          }),
        ),
      }),
    ),
  })(v, at)
}

export const paymentMethod = /* @__PURE__ */ shape({
  paymentMethod: /* @__PURE__ */ nullable(
    /* @__PURE__ */ shape({
      id: text,
      brand: text,
      last4: text,
      expMonth: number,
      expYear: number,
    }),
  ),
})

export const migrationPreview = /* @__PURE__ */ shape({
  creditsRemaining: creditAmount,
  dollarsPerCredit: decimal,
  convertedAmount: usdAmount,
  balanceAfter: usdAmount,
  planMonthlyPrice: usdAmount,
  last30Days: /* @__PURE__ */ shape({
    credits: creditAmount,
    requests: number,
    paygCost: usdAmount,
  }),
})

export const migrationResult = /* @__PURE__ */ shape({ subscription, balance, transaction })

export const pricing = /* @__PURE__ */ shape({
  currency: text,
  illustrative: flag,
  customPricing: flag,
  models: /* @__PURE__ */ list(
    /* @__PURE__ */ shape({
      key: text,
      name: text,
      service: name<PricingService>,
      discountPercent: number,
    }),
  ),
})

// Leonardo's answers: every field optional, and some nullable, as in its official SDK. A field
// the SDK lets be absent or null is read as null (or none), never refused.
export const account = /* @__PURE__ */ shape({
  user_details: /* @__PURE__ */ optional(
    /* @__PURE__ */ list(
      /* @__PURE__ */ shape({
        user: /* @__PURE__ */ nullable(
          /* @__PURE__ */ shape({
            id: /* @__PURE__ */ nullable(text),
            username: /* @__PURE__ */ nullable(text),
          }),
        ),
        apiPaidTokens: /* @__PURE__ */ nullable(usdAmount),
        apiSubscriptionTokens: /* @__PURE__ */ optional(creditAmount, null),
        apiConcurrencySlots: /* @__PURE__ */ optional(number, null),
        apiPlanTokenRenewalDate: /* @__PURE__ */ nullable(text),
      }),
    ),
    [],
  ),
})

export const quote = /* @__PURE__ */ shape({
  cost,
  listCost: cost,
  discountPercent: number,
  modelKey: text,
})

export const generation = /* @__PURE__ */ shape({
  sdGenerationJob: (v, at) => {
    const { generationId } = /* @__PURE__ */ shape({ generationId: text })(v, at)
    return {
      generationId,
      cost:
        jobCost(v, at) ?? fail(`${at}.cost`, 'a cost (or the deprecated apiCreditCost)', undefined),
    }
  },
})

export const estimateIn = (unit: MoneyUnit) =>
  shape({ calculateProductionApiServiceCost: shape({ cost: nonNegative(amount(unit)) }) })

/** The pricing calculator's answer, its cost read in dollars or in credits (made once each). */
export const estimate = {
  USD: /* @__PURE__ */ estimateIn('USD'),
  CREDITS: /* @__PURE__ */ estimateIn('CREDITS'),
}
