/** What stands in for a credential in error messages. */
const REDACTED = '[redacted]'

/**
 * Removes every credential in `secrets` (and its URL- and JSON-escaped forms) from a value built
 * from upstream text: strings, arrays and plain objects, deeply.
 */
export function createRedactor(secrets: readonly string[]): (value: unknown) => unknown {
  const forms = [
    ...new Set(secrets.flatMap((s) => [s, encodeURIComponent(s), JSON.stringify(s).slice(1, -1)])),
  ]
    .filter(Boolean)
    // Longest first, so that a form containing another is removed whole.
    .sort((a, b) => b.length - a.length)
  const redact = (value: unknown, depth = 0): unknown => {
    if (typeof value === 'string') {
      return forms.reduce((text, form) => text.split(form).join(REDACTED), value)
    }
    if (depth > 8 || typeof value !== 'object' || value === null) return value
    if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1))
    if (Object.getPrototypeOf(value) !== Object.prototype) return value
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, redact(item, depth + 1)]),
    )
  }
  return forms.length ? redact : (value) => value
}

/**
 * `error` with the credentials removed from its message, stack, details and field errors, and
 * from those of its causes, in place.
 */
export function redactError<T>(error: T, redact: (value: unknown) => unknown): T {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const target = e as unknown as Record<string, unknown>
    for (const key of ['message', 'stack', 'details', 'fieldErrors']) {
      if (target[key] !== undefined) {
        const clean = redact(target[key])
        if (clean !== target[key]) {
          Object.defineProperty(target, key, { value: clean, writable: true, configurable: true })
        }
      }
    }
  }
  return error
}
