/**
 * Reads a `Retry-After` header (delay in seconds, or an HTTP date) as milliseconds from now;
 * null when absent or unreadable. Huge values stay finite (at most 2^53 - 1 ms).
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (value === null) return null
  if (/^\s*\d+(?:\.\d+)?\s*$/.test(value)) {
    return Math.min(Number(value) * 1000, Number.MAX_SAFE_INTEGER)
  }
  // An HTTP date names its day and month; Date.parse would also take "-5" as a year.
  const at = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN
  return Number.isNaN(at) ? null : Math.max(0, at - now)
}
