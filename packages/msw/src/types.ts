// The wire types come from the spec (packages/core/openapi/payg.yaml) via openapi-typescript.
import type { components, operations, paths } from '@payg-kit/core'

/** The spec's schemas, as the mock's handlers answer them. */
export type Schemas = components['schemas']
/** The spec's paths. */
export type Paths = paths
/** The spec's operations, by operationId. */
export type Operations = operations
/** A pricing service of the Production API. */
export type PricingService = Schemas['PricingService']
/** One invalid field in a 422 answer. */
export type FieldError = Schemas['FieldError']
/** A stable error code of the API. */
export type ErrorCode = Schemas['ErrorCode']
/** The body of every error answer. */
export type ApiError = Schemas['ApiError']
/** A ledger entry type. */
export type TransactionType = Schemas['TransactionType']
/** A saved card as the API shows it. */
export type PaymentMethod = Schemas['PaymentMethod']
