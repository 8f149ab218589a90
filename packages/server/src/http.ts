import { ValidationError } from '@payg-kit/core'
import { withMessage } from './apiError'
import { badRequest } from './ledger'

/** Headers of every JSON answer: billing data is never cached. */
export const JSON_HEADERS = { 'content-type': 'application/json', 'cache-control': 'no-store' }

/** A JSON response with the given status. */
export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } })
}

/** A 422 `ValidationError` for one field, with the message the response shows. */
export function invalid(field: string, code: string, message: string): ValidationError {
  return withMessage(
    new ValidationError({ status: 422, message, fieldErrors: [{ field, code, message }] }),
    message,
  )
}

/** The request body as a JSON object; 400 when it is not JSON, 422 when it is not an object. */
export async function readObject(
  request: Request,
  field: string,
): Promise<Record<string, unknown>> {
  let body: unknown
  try {
    body = JSON.parse(await request.text())
  } catch {
    throw badRequest('The request body is not valid JSON.')
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw invalid(field, 'REQUIRED', 'The body must be a JSON object.')
  }
  return body as Record<string, unknown>
}

/** Refuses any field of `body` outside `allowed` with 422 `UNKNOWN_FIELD` (as the mock). */
export function onlyFields(
  body: Record<string, unknown>,
  allowed: readonly string[],
  what: string,
) {
  const extra = Object.keys(body).find((name) => !allowed.includes(name))
  if (extra !== undefined)
    throw invalid(extra, 'UNKNOWN_FIELD', `${extra} is not a field of ${what}.`)
}

/** The `Idempotency-Key` header; 400 without one. */
export function idempotencyKey(request: Request, what: string): string {
  const key = request.headers.get('idempotency-key')
  if (key === null) throw badRequest(`The Idempotency-Key header is required for ${what}.`)
  return key
}
