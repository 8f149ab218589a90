export {
  FIXED_PRICES,
  IMAGE_MODEL_PRICES,
  type ImageModelKey,
  MODEL_IDS,
  PRICING_MODELS,
  type PricingKey,
  priceCalculatorRequest,
  priceGenerationRequest,
  type VideoModelKey,
} from '@payg-kit/core/rules'
export type { ClockStart, Duration, MockClock } from './createClock'
export {
  createPaygMock,
  DEFAULT_BASE_URL,
  DEFAULT_REQUEST_LOG_SIZE,
  type FaultMode,
  type PaygMock,
  type PaygMockJobs,
  type PaygMockOptions,
  type PaygMockState,
  type RecordedRequest,
} from './createPaygMock'
export type { DailyUsage, ServiceSpend } from './entryStore'
export { OPERATIONS, type OperationId } from './handlers'
export {
  type AccountSetup,
  DEFAULT_PAYMENT_METHOD,
  DEFAULT_TOP_UP_LIMITS,
  type JobKind,
  type JobRecord,
  type JobSettling,
  type JobStatus,
  Ledger,
  type LedgerEntry,
  type LedgerOptions,
  MAX_CONSECUTIVE_DECLINES,
} from './ledger'
export { DOLLARS_PER_CREDIT, MICROS_PER_CREDIT } from './money'
export {
  SCENARIO_NAMES,
  type Scenario,
  type ScenarioName,
  scenarios,
  type TransportSetup,
} from './scenarios'
