/** Marks an error as a prop the app passed wrong, not a value the server sent. */
const MISUSE = Symbol.for('payg-kit.propError')

/**
 * Internal: the RangeError for a prop the app passed wrong. A widget's error boundary lets it
 * through, so a setup mistake stays loud instead of reading as the server's fault.
 */
export function propError(widget: string, message: string): RangeError {
  return Object.assign(new RangeError(`[payg-kit] ${widget}: ${message}`), { [MISUSE]: true })
}

/** Whether `error` came from `propError`. */
export const isPropError = (error: unknown): boolean =>
  error instanceof RangeError && MISUSE in error

/** Throws a `propError` unless `value` is absent or a whole number of dollars, 1 or more. */
export function checkDollars(widget: string, prop: string, value: unknown): void {
  if (value !== undefined && !(Number.isInteger(value) && (value as number) >= 1)) {
    throw propError(widget, `${prop} must be whole dollars, 1 or more, got ${String(value)}.`)
  }
}
