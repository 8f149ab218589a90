import { isPaygError, type PaygError } from '@payg-kit/core'

/** The spec's `ApiError`: the body of every error response. */
export interface ApiError {
  code: string
  message: string
  details?: Record<string, unknown>
  fieldErrors?: { field: string; message: string; code: string }[]
}

const SAID = Symbol('payg-kit.server.message')

/** Marks `error` with the message its response body shows a user. */
export function withMessage<E extends PaygError>(error: E, message: string): E {
  Object.defineProperty(error, SAID, { value: message })
  return error
}

/**
 * The HTTP status and `ApiError` body for an error a billing operation threw; anything that is
 * not one of the kit's errors is a 500 `INTERNAL_ERROR` that reveals nothing.
 */
export function toApiError(error: unknown): { status: number; body: ApiError } {
  if (!isPaygError(error) || error.status === undefined) {
    return {
      status: 500,
      body: { code: 'INTERNAL_ERROR', message: 'Something went wrong. Try again later.' },
    }
  }
  const said = (error as unknown as Record<symbol, unknown>)[SAID]
  const body: ApiError = {
    code: error.code,
    message: typeof said === 'string' ? said : error.message.replace(/^\[payg-kit\] /, ''),
  }
  if (error.details && typeof error.details === 'object') {
    body.details = error.details as Record<string, unknown>
  }
  const fieldErrors = (error as { fieldErrors?: ApiError['fieldErrors'] }).fieldErrors
  if (fieldErrors && fieldErrors.length > 0) body.fieldErrors = fieldErrors
  return { status: error.status, body }
}
