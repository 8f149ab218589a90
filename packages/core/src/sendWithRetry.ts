import { NetworkError, TimeoutError } from './errors'
import { parseRetryAfter } from './parseRetryAfter'

/** The timeout and retry settings one call runs with. */
export interface Policy {
  /** Per attempt, for the headers and the whole body; 0 for none. */
  timeoutMs: number
  retries: number
  baseDelayMs: number
  maxDelayMs: number
}

/** The longest delay setTimeout keeps: beyond it, Node and browsers fire the timer at once. */
export const MAX_TIMER_MS = 2_147_483_647

// The abort reason of a timed-out attempt, told apart from the caller's own abort.
const TIMED_OUT = /* @__PURE__ */ new Error('payg-kit timeout')

/** The state of one attempt, shared by its timer, the caller's abort and its answer. */
interface Attempt {
  /** Made only when the fetch reads `init.signal`: a fetch that never looks costs no signal. */
  controller: AbortController | undefined
  /** Why the attempt was stopped (`TIMED_OUT` or the caller's abort reason), once it is. */
  reason: unknown
  headersArrived: boolean
  reject: (reason: unknown) => void
}

// Module-level, so that an attempt allocates no closure for its timer.
function stop(attempt: Attempt, reason: unknown): void {
  if (attempt.reason !== undefined) return
  attempt.reason = reason
  attempt.controller?.abort(reason)
  attempt.reject(reason)
}

function onTimeout(attempt: Attempt): void {
  stop(attempt, TIMED_OUT)
}

/**
 * `promise`, or `attempt`'s stop reason as soon as it stops: a custom fetch that ignores the
 * signal still ends on time.
 */
function race<T>(attempt: Attempt, promise: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    attempt.reject = reject
    // Stopped already (a caller's abort between the headers and the body): at once.
    if (attempt.reason !== undefined) reject(attempt.reason)
    promise.then(resolve, reject)
  })
}

/** The abort signal of `attempt`, made on first use and aborted at once if it has stopped. */
function signalOf(attempt: Attempt): AbortSignal {
  if (!attempt.controller) {
    attempt.controller = new AbortController()
    if (attempt.reason !== undefined) attempt.controller.abort(attempt.reason)
  }
  return attempt.controller.signal
}

function ignore(): void {}

function cancelBody(response: Response): void {
  response.body?.cancel().catch(ignore)
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
function sleep(ms: number, signal: AbortSignal | null | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const stop = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', stop)
        resolve()
      },
      Math.min(ms, MAX_TIMER_MS),
    )
    signal?.addEventListener('abort', stop, { once: true })
  })
}

/** What a request is sent with; the pipeline adds the `signal` of each attempt. */
export type SendInit = Pick<RequestInit, 'method' | 'headers' | 'body'>

/**
 * The one request pipeline under the domain API and the raw client: a timeout per attempt (the
 * headers and the whole body), the caller's abort signal, and bounded retries (when `retryable`:
 * reads and keyed writes) on network errors, timeouts and 408/429/500/502/503/504, with
 * exponential backoff, full jitter and `Retry-After`. A `Retry-After` beyond `maxDelayMs` ends the
 * retries at once with that answer. The answer comes back with its body read by `read` within the
 * attempt's deadline. A custom fetch that ignores the signal still ends on time (an answer that
 * comes later is cancelled). An attempt's signal is made only when the fetch reads it.
 */
export async function sendWithRetry<T>(
  fetcher: (input: string | Request, init: RequestInit) => Promise<Response>,
  input: string | Request,
  init: SendInit,
  retryable: boolean,
  policy: Policy,
  signal: AbortSignal | null | undefined,
  read: (response: Response) => Promise<T>,
): Promise<[Response, T]> {
  const retries = retryable ? policy.retries : 0
  const { timeoutMs } = policy
  // No wait beyond what a timer can hold: a longer one would fire at once.
  const cap = Math.min(policy.maxDelayMs, MAX_TIMER_MS)
  for (let attempt = 0; ; attempt++) {
    signal?.throwIfAborted()
    // A body can be sent once: every attempt but the last sends a copy.
    const sent =
      typeof input === 'string' || attempt === retries || !input.body ? input : input.clone()
    let answer: Response | undefined
    let body: T | undefined
    let failure: unknown
    let failed = false
    // The wait a retried answer asks for (null: none given), or false when it is not retried.
    let retry: number | null | false = false
    let fetched: Promise<Response> | undefined
    const a: Attempt = {
      controller: undefined,
      reason: undefined,
      headersArrived: false,
      reject: ignore,
    }
    // Without a timeout or a signal nothing can stop the attempt: no race.
    const racing = timeoutMs > 0 || !!signal
    let forward: (() => void) | undefined
    // Module-level callback, the attempt as its argument: arming allocates no closure.
    const timer = timeoutMs > 0 ? setTimeout(onTimeout, timeoutMs, a) : undefined
    if (signal) {
      forward = () => stop(a, signal.reason)
      signal.addEventListener('abort', forward)
    }
    try {
      // Built field by field: a spread costs more than the rest of the attempt.
      fetched = fetcher(
        sent,
        timeoutMs > 0
          ? {
              method: init.method,
              headers: init.headers,
              body: init.body,
              // An own enumerable getter: a fetch that spreads `init` still reads it.
              get signal() {
                return signalOf(a)
              },
            }
          : signal
            ? { method: init.method, headers: init.headers, body: init.body, signal }
            : init,
      )
      answer = await (racing ? race(a, fetched) : fetched)
      a.headersArrived = true
      retry = retryAfter(answer, attempt < retries, cap)
      if (retry === false) {
        // A fetch that took the signal ends its body when the attempt stops; for one that did
        // not, the pipeline reads the body itself, to be able to cancel it.
        const own = racing && !a.controller && answer.body
        const reading = read(
          own
            ? new Response(own.pipeThrough(new TransformStream(), { signal: signalOf(a) }), answer)
            : answer,
        )
        body = await (racing ? race(a, reading) : reading)
      }
    } catch (error) {
      failure = error
      failed = true
      // An answer that comes after the attempt ended is not read.
      if (a.reason !== undefined && !a.headersArrived) fetched?.then(cancelBody, ignore)
    }
    clearTimeout(timer)
    if (forward) signal?.removeEventListener('abort', forward)
    if (signal?.aborted) throw signal.reason
    let wait: number | null = null
    if (!failed && answer) {
      if (retry === false) return [answer, body as T]
      wait = retry
      cancelBody(answer)
    }

    if (failed) {
      const error =
        a.reason === TIMED_OUT
          ? new TimeoutError({
              message: `No ${a.headersArrived ? 'complete ' : ''}response within ${timeoutMs} ms`,
              cause: failure,
            })
          : new NetworkError({
              message: failure instanceof Error ? failure.message : undefined,
              cause: failure,
            })
      if (attempt >= retries) throw error
    }
    // Full jitter: a random wait up to the capped exponential step, unless the server said when.
    await sleep(
      wait === null ? Math.random() * Math.min(cap, policy.baseDelayMs * 2 ** attempt) : wait,
      signal,
    )
  }
}

/**
 * The wait `response` asks for before a retry (null: none given), or false when it is not
 * retried: not a retryable status, no attempts left, or a `Retry-After` longer than the policy
 * allows (waiting less would be refused again).
 */
function retryAfter(response: Response, attemptsLeft: boolean, cap: number): number | null | false {
  const { status } = response
  if (
    !attemptsLeft ||
    !(status === 408 || status === 429 || (status >= 500 && status <= 504 && status !== 501))
  ) {
    return false
  }
  const wait = parseRetryAfter(response.headers.get('retry-after'))
  return wait === null || wait <= cap ? wait : false
}
