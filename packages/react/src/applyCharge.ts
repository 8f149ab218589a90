import { type BalanceInfo, compare, type Money, subtract } from '@payg-kit/core'

/**
 * The cached balance after a charge, unit-aware: dollars come off the dollar balance, credits
 * off the legacy plan credits; a charge in a unit the account does not hold changes nothing.
 */
export function applyCharge(info: BalanceInfo, cost: Money): BalanceInfo {
  if (cost.unit === 'USD') {
    const balance = subtract(info.balance, { ...cost, unit: 'USD' })
    const low = info.lowBalanceThreshold !== null && compare(balance, info.lowBalanceThreshold) < 0
    // The server accepted the request, so the account is not paused; whether it is LOW is
    // recomputed from the threshold until the server is asked again.
    return { ...info, balance, state: low ? 'LOW' : 'OK' }
  }
  if (info.credits === null) return info
  return { ...info, credits: subtract(info.credits, { ...cost, unit: 'CREDITS' }) }
}
