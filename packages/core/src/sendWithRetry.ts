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
  /** Why the attempt was stopped (its timeout or the caller's abort), once it is. */
  reason: unknown
  stopped: boolean
  timedOut: boolean
  headersArrived: boolean
  reject: (reason: unknown) => void
}

// Module-level, so that an attempt allocates no closure for its timer or its promise.
function stop(attempt: Attempt, reason: unknown): void {
  if (attempt.stopped) return
  attempt.stopped = true
  attempt.reason = reason
  attempt.controller?.abort(reason)
  attempt.reject(reason)
}

function onTimeout(attempt: Attempt): void {
  attempt.timedOut = true
  stop(attempt, TIMED_OUT)
}

let captured: [(value: never) => void, (reason: unknown) => void] | undefined
function capture(resolve: (value: never) => void, reject: (reason: unknown) => void): void {
  captured = [resolve, reject]
}

/** The abort signal of `attempt`, made on first use and aborted at once if it has stopped. */
function signalOf(attempt: Attempt): AbortSignal {
  if (!attempt.controller) {
    attempt.controller = new AbortController()
    if (attempt.stopped) attempt.controller.abort(attempt.reason)
  }
  return attempt.controller.signal
}

function ignore(): void {}

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
    let wait: number | null = null
    let state: Attempt | undefined
    let timer: ReturnType<typeof setTimeout> | undefined
    let forward: (() => void) | undefined
    try {
      if (timeoutMs > 0 || signal) {
        const a: Attempt = {
          controller: undefined,
          reason: undefined,
          stopped: false,
          timedOut: false,
          headersArrived: false,
          reject: ignore,
        }
        state = a
        const outcome = new Promise<[Response, T | undefined]>(capture)
        const [resolve, reject] = captured as [
          (value: [Response, T | undefined]) => void,
          (reason: unknown) => void,
        ]
        a.reject = reject
        if (timeoutMs > 0) timer = setTimeout(onTimeout, timeoutMs, a)
        if (signal) {
          forward = () => stop(a, signal.reason)
          signal.addEventListener('abort', forward)
        }
        fetcher(
          sent,
          timeoutMs > 0
            ? {
                ...init,
                // An own enumerable getter: a fetch that spreads `init` still reads it.
                get signal() {
                  return signalOf(a)
                },
              }
            : { ...init, signal },
        ).then((response) => {
          if (a.stopped) {
            // Too late: the attempt has ended.
            response.body?.cancel().catch(ignore)
            return
          }
          a.headersArrived = true
          if (retryAfter(response, attempt < retries, cap)) {
            resolve([response, undefined])
          } else {
            read(response).then((value) => resolve([response, value]), reject)
          }
        }, reject)
        ;[answer, body] = await outcome
      } else {
        const response = await fetcher(sent, init)
        answer = response
        if (!retryAfter(response, attempt < retries, cap)) body = await read(response)
      }
    } catch (error) {
      failure = error
      failed = true
    }
    clearTimeout(timer)
    if (forward) signal?.removeEventListener('abort', forward)
    if (signal?.aborted) throw signal.reason
    if (!failed && answer) {
      if (body !== undefined || !retryAfter(answer, attempt < retries, cap)) {
        return [answer, body as T]
      }
      wait = parseRetryAfter(answer.headers.get('retry-after'))
      answer.body?.cancel().catch(ignore)
    }

    if (failed) {
      const error = state?.timedOut
        ? new TimeoutError({
            message: `No ${state.headersArrived ? 'complete ' : ''}response within ${timeoutMs} ms`,
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
 * Whether `response` is to be retried: a retryable status while attempts remain, unless its
 * `Retry-After` is longer than the policy allows (waiting less would be refused again).
 */
function retryAfter(response: Response, attemptsLeft: boolean, cap: number): boolean {
  const { status } = response
  if (
    !attemptsLeft ||
    !(status === 408 || status === 429 || (status >= 500 && status <= 504 && status !== 501))
  ) {
    return false
  }
  const wait = parseRetryAfter(response.headers.get('retry-after'))
  return wait === null || wait <= cap
}
