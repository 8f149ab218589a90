import type { AutoTopUpAttempt, Ledger, LedgerEntry, TopUpRecord } from './ledger'
import { DOLLARS_PER_CREDIT, formatMicros, microsToNumber } from './money'
import type { Schemas } from './types'

// The edge of the mock: ledger state (BigInt micro-dollars, Dates) -> the spec's JSON shapes.

/** `Balance`. */
export function toBalance(ledger: Ledger): Schemas['Balance'] {
  return {
    balance: formatMicros(ledger.balance),
    currency: 'USD',
    billingModel: ledger.billingModel,
    credits: ledger.plan ? ledger.plan.creditsRemaining : null,
    state: ledger.state(),
    lowBalanceThreshold: ledger.effectiveLowBalanceThreshold(),
    autoTopUpEnabled: ledger.autoTopUp.enabled,
    updatedAt: ledger.updatedAt.toISOString(),
  }
}

/** `Transaction`: a dollar entry as before, a plan's credit entry in whole credits with `unit: CREDITS`. */
export function toTransaction(entry: LedgerEntry): Schemas['Transaction'] {
  const credits = entry.unit === 'CREDITS'
  const format = credits ? String : formatMicros
  return {
    id: entry.id,
    type: entry.type,
    ...(credits ? { unit: 'CREDITS' as const } : {}),
    amount: format(entry.amount),
    balanceAfter: format(entry.balanceAfter),
    description: entry.description,
    service: entry.service,
    generationId: entry.generationId,
    topUpId: entry.topUpId,
    createdAt: entry.createdAt.toISOString(),
  }
}

/** `TopUp`. */
export function toTopUp(topUp: TopUpRecord): Schemas['TopUp'] {
  return {
    id: topUp.id,
    amount: formatMicros(topUp.amount),
    kind: topUp.kind,
    status: topUp.status,
    paymentMethodId: topUp.paymentMethodId,
    createdAt: topUp.createdAt.toISOString(),
  }
}

function toAttempt(attempt: AutoTopUpAttempt | null): Schemas['AutoTopUpAttempt'] | null {
  return attempt
    ? {
        at: attempt.at.toISOString(),
        status: attempt.status,
        amount: formatMicros(attempt.amount),
        topUpId: attempt.topUpId,
        message: attempt.message,
      }
    : null
}

/** `AutoTopUp`. */
export function toAutoTopUp(ledger: Ledger): Schemas['AutoTopUp'] {
  const settings = ledger.autoTopUp
  return {
    enabled: settings.enabled,
    threshold: settings.threshold,
    amount: settings.amount,
    monthlyCap: settings.monthlyCap,
    spentThisMonth: formatMicros(ledger.spentThisMonth()),
    consecutiveFailures: settings.consecutiveFailures,
    disabledReason: settings.disabledReason,
    lastAttempt: toAttempt(settings.lastAttempt),
    topUpLimits: { minimum: ledger.topUpLimits.min, maximum: ledger.topUpLimits.max },
  }
}

/** `Subscription`. */
export function toSubscription(ledger: Ledger): Schemas['Subscription'] {
  const plan = ledger.plan
  return {
    billingModel: ledger.billingModel,
    customPricing: ledger.customPricing,
    plan: plan
      ? {
          name: plan.name,
          monthlyPrice: formatMicros(plan.monthlyPrice),
          creditsPerMonth: plan.creditsPerMonth,
          creditsRemaining: plan.creditsRemaining,
          renewalDate: plan.renewalDate.toISOString(),
        }
      : null,
    migratedAt: ledger.migratedAt ? ledger.migratedAt.toISOString() : null,
  }
}

/** `UserDetails` of `GET /me`: `apiPaidTokens` is the dollar balance as a number. */
export function toUserDetails(ledger: Ledger): Schemas['UserDetails'] {
  const renewal = ledger.plan ? ledger.plan.renewalDate.toISOString() : null
  return {
    user: { id: ledger.userId, username: ledger.username },
    tokenRenewalDate: null,
    paidTokens: 0,
    subscriptionTokens: 0,
    subscriptionGptTokens: 0,
    subscriptionModelTokens: 0,
    apiConcurrencySlots: 10,
    apiSubscriptionTokens: ledger.plan ? ledger.plan.creditsRemaining : 0,
    apiPaidTokens: microsToNumber(ledger.balance),
    apiPlanTokenRenewalDate: renewal,
  }
}

/** `MigrationPreview`, or null on PAYG. */
export function toMigrationPreview(ledger: Ledger): Schemas['MigrationPreview'] | null {
  const preview = ledger.migrationPreview()
  if (!preview.ok) return null
  const value = preview.value
  return {
    creditsRemaining: value.creditsRemaining,
    dollarsPerCredit: DOLLARS_PER_CREDIT,
    convertedAmount: formatMicros(value.convertedMicros),
    balanceAfter: formatMicros(value.balanceAfterMicros),
    planMonthlyPrice: formatMicros(value.planMonthlyPrice),
    last30Days: {
      credits: value.last30Days.credits,
      requests: value.last30Days.requests,
      paygCost: formatMicros(value.last30Days.paygMicros),
    },
  }
}

/** A placeholder image (an inline SVG, so stories and the playground work offline). */
export function imageUrl(generationId: string, index: number): string {
  const hue = Number.parseInt(generationId.slice(0, 6), 16) % 360
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"><rect width="256" height="256" fill="hsl(${hue} 60% 55%)"/><text x="128" y="136" font-family="sans-serif" font-size="20" text-anchor="middle" fill="white">mock image ${index + 1}</text></svg>`
  return `data:image/svg+xml,${encodeURIComponent(svg)}`
}

/** A placeholder video URL for a finished motion or video generation (or video upscale). */
export function videoUrl(id: string): string {
  return `https://cdn.leonardo.ai/mock/videos/${id}.mp4`
}

/** A placeholder image for a finished variation (upscale, remove background, unzoom). */
export function variationUrl(id: string): string {
  return imageUrl(id, 0)
}

/** A tiny image as a data URL, for the realtime canvas answers. */
export const PLACEHOLDER_DATA_URL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='
