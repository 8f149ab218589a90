import { IDEMPOTENCY_KEY_PATTERN } from '../generated/pricingLimits'

/** What a malformed `Idempotency-Key` header is answered with (a 400 naming the header). */
export const IDEMPOTENCY_KEY_MESSAGE =
  'The Idempotency-Key header is 1 to 255 URL-safe characters (letters, digits, -, _, . and ~) not beginning with a dot, such as a UUID.'

/** Whether `value` is a key the spec's `Idempotency-Key` takes (and a lookup can find). */
export const isIdempotencyKey = (value: unknown): value is string =>
  typeof value === 'string' && IDEMPOTENCY_KEY_PATTERN.test(value)

/** What a top-up without an `Idempotency-Key` is answered with: the one write whose key the spec requires. */
export const IDEMPOTENCY_KEY_REQUIRED_MESSAGE =
  'The Idempotency-Key header is required for top-ups.'

/**
 * A write's `Idempotency-Key` header, read before its body: absent (or empty) is `null`, or a
 * problem when the write is `required` to carry one (a top-up); a malformed one is a problem.
 * The mock and the server answer a problem with a 400 `BAD_REQUEST` whose details name the
 * header, and write nothing.
 */
export function readIdempotencyKey(
  header: string | null,
  required = false,
): { ok: true; key: string | null } | { ok: false; message: string } {
  if (header === null || header === '') {
    return required
      ? { ok: false, message: IDEMPOTENCY_KEY_REQUIRED_MESSAGE }
      : { ok: true, key: null }
  }
  return isIdempotencyKey(header)
    ? { ok: true, key: header }
    : { ok: false, message: IDEMPOTENCY_KEY_MESSAGE }
}
