// Provider

export { accountQueryOptions } from './accountQueryOptions'
export { autoTopUpQueryOptions } from './autoTopUpQueryOptions'
export { BillingExtensionGate } from './BillingExtensionGate'
export { balanceQueryOptions } from './balanceQueryOptions'
export { type BillingMode, billingExtensionQueryOptions } from './billingExtensionQueryOptions'
export { costEstimateQueryOptions } from './costEstimateQueryOptions'
export { type JobPolling, jobQueryOptions } from './jobQueryOptions'
export { migrationPreviewQueryOptions } from './migrationPreviewQueryOptions'
// Pricing parameters
export { normalizePricingRequest } from './normalizePricingRequest'
// Query keys and queryOptions factories (usable with useQuery, useSuspenseQuery, prefetchQuery, setQueryData)
export { OfflineError } from './OfflineError'
export { PaygProvider, type PaygProviderProps } from './PaygProvider'
export { paygKeys } from './paygKeys'
export { paymentMethodQueryOptions } from './paymentMethodQueryOptions'
export { pricingQueryOptions } from './pricingQueryOptions'
export { quoteQueryOptions } from './quoteQueryOptions'
export { subscriptionQueryOptions } from './subscriptionQueryOptions'
export { transactionsQueryOptions } from './transactionsQueryOptions'
export type { PaygMessages, PaygPause, PaygStatus, PricingProblem } from './types'
export { usageQueryOptions } from './usageQueryOptions'
export { useAccount } from './useAccount'
export { useAutoTopUp } from './useAutoTopUp'
// Queries
export { type UseBalanceOptions, useBalance } from './useBalance'
export { type UseBillingExtensionResult, useBillingExtension } from './useBillingExtension'
export { type UseCanAffordResult, useCanAfford } from './useCanAfford'
export {
  type UseCostEstimateOptions,
  type UseCostEstimateResult,
  useCostEstimate,
} from './useCostEstimate'
export { useCreateGeneration } from './useCreateGeneration'
export { useCreateJob } from './useCreateJob'
export { useDisableAutoTopUp } from './useDisableAutoTopUp'
export { type UseJobOptions, useJob } from './useJob'
export { type UseMigrateToPaygResult, useMigrateToPayg } from './useMigrateToPayg'
export { useMigrationPreview } from './useMigrationPreview'
export { usePaygClient } from './usePaygClient'
export { usePaygMessages } from './usePaygMessages'
export { usePaygStatus } from './usePaygStatus'
export { usePaymentMethod } from './usePaymentMethod'
export { usePricing } from './usePricing'
export type { UsePricingOptions, UsePricingResult } from './usePricingQuery'
export { useQuote } from './useQuote'
export { useSubscription } from './useSubscription'
// Mutations
export {
  type TopUpOutcome,
  type TopUpVariables,
  type UseTopUpResult,
  useTopUp,
} from './useTopUp'
export { useTransactions } from './useTransactions'
export { useUpdateAutoTopUp } from './useUpdateAutoTopUp'
export { useUsage } from './useUsage'
export { validatePricingRequest } from './validatePricingRequest'
