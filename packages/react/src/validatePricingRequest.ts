import type { PricingRequest } from '@payg-kit/core'
import { validatePricingRequest as validateService } from '@payg-kit/core/rules'
import type { PricingProblem } from './types'

/**
 * Checks a pricing request against the calculator's rules without a request (the rules of
 * `@payg-kit/core/rules`, the spec's ranges). An empty array means the request may be sent.
 */
export function validatePricingRequest(request: PricingRequest): PricingProblem[] {
  const service = (request as { service?: unknown } | null)?.service
  // A service that is not a string names no parameters (and is never turned into one).
  const params =
    typeof service === 'string'
      ? (request?.serviceParams as Record<string, unknown> | undefined)?.[service]
      : undefined
  return validateService(service, params)
}
