/** The source of src/generated/pricingLimits.ts for the spec at `spec` (a file URL). */
export function renderPricingLimits(spec: URL): Promise<string>
