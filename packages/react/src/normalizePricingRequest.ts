import type { PricingRequest } from '@payg-kit/core'

function sortDefined(value: object): Record<string, unknown> {
  const sorted: Record<string, unknown> = {}
  for (const name of Object.keys(value).sort()) {
    const field = (value as Record<string, unknown>)[name]
    if (field !== undefined) sorted[name] = field
  }
  return sorted
}

/**
 * The canonical form of a pricing request: only the parameters of the chosen service, keys
 * sorted, `undefined` dropped. Equal requests normalise to equal JSON, so they share one
 * cache entry and one debounce.
 */
export function normalizePricingRequest(request: PricingRequest): PricingRequest {
  const params = (request.serviceParams as Record<string, unknown> | undefined)?.[request.service]
  const serviceParams =
    params !== null && typeof params === 'object' ? { [request.service]: sortDefined(params) } : {}
  return { service: request.service, serviceParams } as PricingRequest
}
