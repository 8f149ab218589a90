export { balanceFromAccount } from './accountBilling'
export { createIdempotencyKey } from './createIdempotencyKey'
export { createPaygClient } from './createPaygClient'
export { createPaygTransport } from './createPaygTransport'
export { createRawClient } from './createRawClient'
export { errorFromResponse } from './errorFromResponse'
export type { FieldError, PaygErrorCode, PaygErrorInit } from './errors'
export {
  AuthError,
  ConfigError,
  IdempotencyConflictError,
  InsufficientBalanceError,
  isPaygError,
  MalformedResponseError,
  NetworkError,
  NotFoundError,
  PaygError,
  PaymentDeclinedError,
  RateLimitError,
  ServerError,
  TimeoutError,
  ValidationError,
} from './errors'
export type { FormatMoneyOptions } from './formatMoney'
export { formatMoney } from './formatMoney'
export type { components, operations, paths } from './generated/payg'
export { createJob, getJob } from './jobs'
export { MoneyUnitError } from './MoneyUnitError'
export type { DecimalInput, Rounding } from './money'
export {
  add,
  compare,
  credits,
  divide,
  floorDiv,
  isNegative,
  isZero,
  max,
  min,
  money,
  multiply,
  subtract,
  usd,
} from './money'
export type { CostCarrier } from './normalizeCost'
export { normalizeCost } from './normalizeCost'
export {
  createGeneration,
  disableAutoTopUp,
  estimateCost,
  getAccount,
  getAutoTopUp,
  getBalance,
  getMigrationPreview,
  getPaymentMethod,
  getPricing,
  getSubscription,
  getTopUp,
  getUsage,
  listTransactions,
  migrateToPayg,
  quote,
  topUp,
  transactions,
  updateAutoTopUp,
} from './operations'
export type {
  AccountInfo,
  AccountState,
  AutoTopUpInfo,
  AutoTopUpInput,
  AutoTopUpResult,
  BalanceInfo,
  BillingModel,
  CreatedJob,
  Credits,
  EstimateOptions,
  GenerationJob,
  GenerationRequest,
  JobPath,
  JobRequest,
  JobState,
  JobStatus,
  MigrationPreviewInfo,
  MigrationResultInfo,
  Money,
  MoneyUnit,
  PaygClient,
  PaygClientOptions,
  PaygRawClient,
  PaygTransport,
  PaymentMethodInfo,
  PricingInfo,
  PricingRequest,
  PricingService,
  QuoteInfo,
  RequestOptions,
  RetryPolicy,
  SubscriptionInfo,
  TopUpInfo,
  TopUpLookup,
  TopUpResult,
  TransactionIn,
  TransactionInfo,
  TransactionPage,
  TransactionQuery,
  TransactionType,
  UsageGranularity,
  UsageInfo,
  UsageQuery,
  Usd,
} from './types'
