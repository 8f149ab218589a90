import { add, credits, isNegative, isZero, money, usd } from './money'
import type { AccountInfo, BalanceInfo, BillingModel, Money } from './types'

/** What `GET /me` says about how the account pays (the fields the rule reads). */
interface PlanFields {
  apiPaidTokens: Money | null
  apiSubscriptionTokens: Money
  apiPlanTokenRenewalDate: string | null
}

/**
 * How an account pays, from `GET /me` alone (see the core README, "Units"): a fractional
 * `apiPaidTokens` is dollars (credits are whole), so PAYG; otherwise a plan that renews
 * (`apiPlanTokenRenewalDate`) or has plan credits left (`apiSubscriptionTokens` > 0) is a legacy
 * subscription, in credits; anything else is PAYG.
 */
export function billingModelOf(fields: PlanFields): BillingModel {
  return !fields.apiPaidTokens?.amount.includes('.') &&
    (fields.apiPlanTokenRenewalDate !== null || !isZero(fields.apiSubscriptionTokens))
    ? 'SUBSCRIPTION'
    : 'PAYG'
}

/** `apiPaidTokens` in the unit of `model` (absent reads as zero). */
export function paidBalanceOf(fields: PlanFields, model: BillingModel): Money {
  return money(fields.apiPaidTokens?.amount ?? 0, model === 'PAYG' ? 'USD' : 'CREDITS')
}

/**
 * The balance as far as `GET /me` tells it, for an API without the billing extension: dollars on
 * PAYG; on a legacy plan a zero dollar balance and the credits (plan and bought) as `credits`.
 * PAUSED at zero; never LOW (the threshold is the extension's), auto top-up off.
 */
export function balanceFromAccount(account: AccountInfo, updatedAt: string): BalanceInfo {
  const legacy = account.billingModel === 'SUBSCRIPTION'
  const left = legacy
    ? add(account.subscriptionCredits, credits(account.paidBalance.amount))
    : usd(account.paidBalance.amount)
  return {
    balance: legacy ? usd(0) : (left as Money<'USD'>),
    credits: legacy ? (left as Money<'CREDITS'>) : null,
    billingModel: account.billingModel,
    state: isZero(left) || isNegative(left) ? 'PAUSED' : 'OK',
    lowBalanceThreshold: null,
    autoTopUpEnabled: false,
    updatedAt,
  }
}
