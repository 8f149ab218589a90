import type { PricingRequest } from '@payg-kit/core'
import { validatePricingRequest as validateService } from '@payg-kit/core/rules'
import type { PricingProblem } from './types'

/**
 * Checks a pricing request against the calculator's rules without a request (the rules of
 * `@payg-kit/core/rules`, the spec's ranges). An empty array means the request may be sent.
 */
export function validatePricingRequest(request: PricingRequest): PricingProblem[] {
  const service = (request as { service?: unknown } | null)?.service
  const params = (request?.serviceParams as Record<string, unknown> | undefined)?.[String(service)]
  return validateService(service, params)
}
