import { add, credits, isZero, money, usd } from './money'
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
  if (fields.apiPaidTokens?.amount.includes('.')) return 'PAYG'
  if (fields.apiPlanTokenRenewalDate !== null || !isZero(fields.apiSubscriptionTokens)) {
    return 'SUBSCRIPTION'
  }
  return 'PAYG'
}

/**
 * The balance as far as `GET /me` tells it, for an API without the billing extension: dollars on
 * PAYG; on a legacy plan a zero dollar balance and the credits (plan and bought) as `credits`.
 * PAUSED at zero; never LOW (the threshold is the extension's), auto top-up off.
 */
export function balanceFromAccount(account: AccountInfo, updatedAt: string): BalanceInfo {
  if (account.billingModel === 'SUBSCRIPTION') {
    const left = add(account.subscriptionCredits, credits(account.paidBalance.amount))
    return {
      balance: usd(0),
      credits: left,
      billingModel: 'SUBSCRIPTION',
      state: isPositive(left) ? 'OK' : 'PAUSED',
      lowBalanceThreshold: null,
      autoTopUpEnabled: false,
      updatedAt,
    }
  }
  const balance = usd(account.paidBalance.amount)
  return {
    balance,
    credits: null,
    billingModel: 'PAYG',
    state: isPositive(balance) ? 'OK' : 'PAUSED',
    lowBalanceThreshold: null,
    autoTopUpEnabled: false,
    updatedAt,
  }
}

function isPositive(value: Money): boolean {
  return !isZero(value) && !value.amount.startsWith('-')
}

/** `apiPaidTokens` in the account's unit (absent reads as zero). */
export function paidBalanceOf(fields: PlanFields, model: BillingModel): Money {
  return money(fields.apiPaidTokens?.amount ?? 0, model === 'PAYG' ? 'USD' : 'CREDITS')
}
