import { ValidationError } from '@payg-kit/core'
import {
  bodyTooLargeMessage,
  type FieldError,
  MAX_BODY_BYTES,
  parseJsonBody,
  readIdempotencyKey,
} from '@payg-kit/core/rules'
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

/** A 422 `ValidationError` for every invalid parameter of a request, as the mock words it. */
export function invalidParameters(
  fieldErrors: FieldError[],
  message = 'Some parameters are invalid.',
  details?: Record<string, unknown>,
): ValidationError {
  return withMessage(new ValidationError({ status: 422, message, fieldErrors, details }), message)
}

/** A 422 `ValidationError` for one field, with the message the response shows. */
export function invalid(field: string, code: string, message: string): ValidationError {
  return withMessage(
    new ValidationError({ status: 422, message, fieldErrors: [{ field, code, message }] }),
    message,
  )
}

/** The largest request body a billing operation reads, in bytes (the spec's 413, 64 KiB). */
export { MAX_BODY_BYTES }

/**
 * The request body as text (UTF-8), read as a stream and never past `limit` bytes: a larger
 * body, declared or sent, is a 413 before it fills memory; a body that breaks off is a 400.
 */
export async function readText(request: Request, limit = MAX_BODY_BYTES): Promise<string> {
  const tooLarge = () => {
    const message = bodyTooLargeMessage(limit)
    return withMessage(new ValidationError({ code: 'BAD_REQUEST', status: 413, message }), message)
  }
  const declared = request.headers.get('content-length')
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > limit) throw tooLarge()
  if (!request.body) return ''
  // Read already (a body parser mounted before the handler): a setup fault, not the client's.
  if (request.bodyUsed || request.body.locked) {
    throw new Error(
      '[payg-kit] The request body was read before the billing handler: mount it before any body parser.',
    )
  }
  let reader: ReadableStreamDefaultReader<Uint8Array>
  try {
    reader = request.body.getReader()
  } catch {
    throw badRequest('The request body could not be read.')
  }
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>
    try {
      next = await reader.read()
    } catch {
      throw badRequest('The request body could not be read.')
    }
    if (next.done) break
    // A Fetch adapter that streams anything but bytes is a setup fault too (and has no size).
    if (!(next.value instanceof Uint8Array)) {
      reader.cancel().catch(() => {})
      throw new Error('[payg-kit] The request body stream gave something other than bytes.')
    }
    size += next.value.byteLength
    if (size > limit) {
      reader.cancel().catch(() => {})
      throw tooLarge()
    }
    chunks.push(next.value)
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  // As `request.text()`: UTF-8, a leading byte order mark dropped.
  return new TextDecoder().decode(bytes)
}

/** The request body parsed as JSON (any value); 400 when it is empty or not JSON. */
export async function readJson(request: Request): Promise<unknown> {
  // The mock's words for a blank body and for text that is not JSON (core/rules).
  const read = parseJsonBody(await readText(request))
  if (!read.ok) throw badRequest(read.message, read.details)
  return read.value
}

/**
 * A write's `Idempotency-Key` header, read before its body by the spec's rule (core/rules):
 * a 400 naming the header when it is malformed, or missing from a write that requires one
 * (`required`: a top-up).
 */
export function idempotencyKey(request: Request, required: true): string
export function idempotencyKey(request: Request): string | null
export function idempotencyKey(request: Request, required = false): string | null {
  const read = readIdempotencyKey(request.headers.get('idempotency-key'), required)
  if (!read.ok) throw badRequest(read.message, { header: 'Idempotency-Key' })
  return read.key
}
