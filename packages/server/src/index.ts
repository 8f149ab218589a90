export type { ApiError } from './apiError'
export { toApiError } from './apiError'
export type { PaymentStep, PaymentStepInfo, ResumeResult } from './autoTopUp'
export type { LedgerMismatch } from './checkLedger'
export { checkLedger, LEDGER_INVARIANT_SQL } from './checkLedger'
export type { BillingServer, BillingServerOptions } from './createBillingServer'
export { createBillingServer } from './createBillingServer'
export type { Database, Queryable } from './database'
export { pglite, postgres } from './database'
export type { PricingDeals } from './illustrativePricing'
export { illustrativePricing } from './illustrativePricing'
export type {
  ChargeDetails,
  Ledger,
  LedgerOptions,
  LedgerWrite,
  Transaction,
  TransactionList,
} from './ledger'
export { createLedger, TRANSACTION_TYPES } from './ledger'
export { MIGRATIONS, migrate } from './migrate'
export type {
  FakePayment,
  FakePayments,
  FakePaymentsOptions,
  PaymentEvent,
  PaymentMethod,
  PaymentOutcome,
  PaymentProvider,
} from './payments'
export { createFakePayments, TEST_CARD_EXPIRY, TEST_CARDS } from './payments'
export type { LegacyPlan, LegacyPlans, PlanState } from './plans'
export type { PriceQuote, PricingCatalog, PricingOptions } from './routes/pricing'
export type {
  DeliveryReport,
  WebhookDispatcher,
  WebhookEvent,
  WebhookEventType,
  WebhookOptions,
} from './webhooks'
export { WEBHOOK_EVENT_TYPES } from './webhooks'
