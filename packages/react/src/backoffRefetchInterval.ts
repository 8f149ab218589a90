/** The part of a query's state the backoff reads. */
interface PolledQuery {
  state: { dataUpdateCount: number; errorUpdateCount: number; status: string }
}

// The error count at each query's last success. React Query resets `fetchFailureCount` when a
// fetch starts, so a streak of failed polls is counted from `errorUpdateCount` instead.
const lastSuccess = new WeakMap<object, { dataUpdateCount: number; errorUpdateCount: number }>()

function failureStreak(query: PolledQuery): number {
  const { dataUpdateCount, errorUpdateCount, status } = query.state
  let mark = lastSuccess.get(query)
  if (mark === undefined || mark.dataUpdateCount !== dataUpdateCount) {
    // A new success (or the first look): failures before it do not count.
    mark = { dataUpdateCount, errorUpdateCount: status === 'error' ? 0 : errorUpdateCount }
    lastSuccess.set(query, mark)
  }
  return status === 'error' ? errorUpdateCount - mark.errorUpdateCount : 0
}

/**
 * Internal: a `refetchInterval` that polls every `intervalMs`, doubles the wait after each failed
 * poll in a row up to `maxMs`, and returns to `intervalMs` after a success.
 */
export function backoffRefetchInterval(intervalMs: number, maxMs: number) {
  return (query: PolledQuery): number => {
    const failures = failureStreak(query)
    return failures === 0 ? intervalMs : Math.min(intervalMs * 2 ** failures, maxMs)
  }
}
