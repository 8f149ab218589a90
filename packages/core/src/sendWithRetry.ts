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

/** The state of one attempt, shared by the clock, the caller's abort and its answer. */
interface Attempt {
  /** When its timeout ends it (`monotonic()` time). */
  deadline: number
  /** Aborted when the attempt stops; taken from `spare` when it can be. */
  controller: AbortController | undefined
  /** How many attempts `controller` served before this one. */
  uses: number
  /** The body's reader while the pipeline reads it, cancelled if the attempt stops. */
  reader: ReadableStreamDefaultReader<Uint8Array> | undefined
  /** Why the attempt was stopped (`TIMED_OUT` or the caller's abort reason), once it is. */
  reason: unknown
  reject: (reason: unknown) => void
}

// One clock for every attempt in flight, instead of a timer per attempt (which costs about as
// much as a fast request): one timer, armed for the earliest deadline, ends the attempts that are
// due when it fires and re-arms for the next; an attempt that ends first only leaves `live`. A
// clock armed before fake timers were installed (or one starved of its turn) is re-armed when an
// attempt starts past it. It keeps a process alive only while an attempt is in flight.
const live = /* @__PURE__ */ new Set<Attempt>()
let clock: ReturnType<typeof setTimeout> | undefined
let clockAt = Number.POSITIVE_INFINITY
// The setTimeout the clock was armed with, and its clearTimeout.
let armedWith: unknown
let disarm: (timer: ReturnType<typeof setTimeout> | undefined) => void = clearTimeout

type Ref = { ref?: () => void; unref?: () => void } | undefined

/**
 * Milliseconds on a clock that setting the machine's time does not move (NTP, a user, a resumed
 * VM), so a step of the wall clock neither ends a call early nor lets it run on. Fake timers fake
 * it as they fake `Date`.
 */
const monotonic = (): number => (globalThis.performance ?? Date).now()

/** Ends the attempts due by now (at least `armedFor`: a timer may fire early by the clock). */
function tick(armedFor = 0): void {
  const now = Math.max(monotonic(), armedFor)
  clockAt = Number.POSITIVE_INFINITY
  for (const attempt of live) {
    if (attempt.deadline <= now) stop(attempt, TIMED_OUT)
    else clockAt = Math.min(clockAt, attempt.deadline)
  }
  disarm(clock)
  clock = undefined
  if (live.size) {
    armedWith = setTimeout
    disarm = clearTimeout
    clock = setTimeout(tick, clockAt - now, clockAt)
  }
}

function track(attempt: Attempt, timeoutMs: number): void {
  const now = monotonic()
  attempt.deadline = now + timeoutMs
  if (!live.size) (clock as Ref)?.ref?.()
  live.add(attempt)
  if (attempt.deadline < clockAt || now > clockAt || armedWith !== setTimeout) tick()
}

function untrack(attempt: Attempt): void {
  if (live.delete(attempt) && !live.size) (clock as Ref)?.unref?.()
}

// Controllers of attempts that ended without being stopped, for later attempts: a signal costs
// more to make than a fast request. Each serves ten attempts at most, so that the listeners a
// fetch leaves on it (the platform's, until its request is collected) stay within the ten an
// event target takes before Node warns of a leak.
const spare: AbortController[] = []
const spareUses: number[] = []

// Module-level, so that an attempt allocates no closure for its clock or its promise.
function stop(attempt: Attempt, reason: unknown): void {
  if (attempt.reason !== undefined) return
  attempt.reason = reason
  untrack(attempt)
  attempt.controller?.abort(reason)
  // A body the fetch does not end on abort (a fetch that ignores the signal) is closed here.
  attempt.reader?.cancel(reason).catch(ignore)
  attempt.reject(reason)
}

/**
 * `promise`, or `attempt`'s stop reason as soon as it stops: a custom fetch that ignores the
 * signal still ends on time.
 */
function race<T>(attempt: Attempt, promise: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    attempt.reject = reject
    // Stopped already (the caller's abort while the request was being sent): at once.
    if (attempt.reason !== undefined) reject(attempt.reason)
    promise.then(resolve, reject)
  })
}

function signalOf(attempt: Attempt): AbortSignal {
  attempt.uses = spareUses.pop() ?? 0
  attempt.controller = spare.pop() ?? new AbortController()
  return attempt.controller.signal
}

/** Gives back the controller of an attempt that succeeded (never stopped), while it has uses left. */
function release(attempt: Attempt): void {
  const { controller } = attempt
  // A controller stopped late (its deadline passed as the body came in) is never used again.
  if (
    controller &&
    attempt.reason === undefined &&
    !controller.signal.aborted &&
    attempt.uses < 9 &&
    spare.length < 32
  ) {
    spare.push(controller)
    spareUses.push(attempt.uses + 1)
  }
}

function ignore(): void {}

function cancelBody(response: Response): void {
  response.body?.cancel().catch(ignore)
}

/** The whole body as bytes, read by the attempt (so that stopping it closes the body). */
async function readBody(attempt: Attempt, response: Response): Promise<Uint8Array> {
  const { body } = response
  // A Response without a stream (a polyfilled fetch, React Native's) is read whole, still in time.
  if (!body) return new Uint8Array(await race(attempt, response.arrayBuffer()))
  const reader = body.getReader()
  attempt.reader = reader
  const chunks: Uint8Array[] = []
  let length = 0
  for (;;) {
    // Stopped (before the read, or cancelling it): what was read is not the whole body.
    if (attempt.reason !== undefined) {
      reader.cancel(attempt.reason).catch(ignore)
      throw attempt.reason
    }
    const { done, value } = await reader.read()
    if (done) {
      if (attempt.reason === undefined) break
    } else if (ArrayBuffer.isView(value)) {
      chunks.push(value)
      length += value.length
    } else {
      reader.cancel().catch(ignore)
      throw new TypeError('The body is not a stream of bytes')
    }
  }
  attempt.reader = undefined
  if (chunks.length === 1) return chunks[0] as Uint8Array
  const bytes = new Uint8Array(length)
  length = 0
  for (const chunk of chunks) {
    bytes.set(chunk, length)
    length += chunk.length
  }
  return bytes
}

/** What a request is sent with; the pipeline adds the `signal` of each attempt. */
export type SendInit = Pick<RequestInit, 'method' | 'headers' | 'body' | 'redirect'>

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

/**
 * The one request pipeline under the domain API and the raw client: a timeout per attempt (the
 * headers and the whole body), the caller's abort signal, and bounded retries (when `retryable`:
 * reads and keyed writes) on network errors, timeouts and 408/429/500/502/503/504, with
 * exponential backoff, full jitter and `Retry-After`. A `Retry-After` beyond `maxDelayMs` ends the
 * retries at once with that answer. The answer comes back with its whole body, read within the
 * attempt's deadline. A custom fetch that ignores the signal still ends on time (its body is
 * closed, and an answer that comes later is cancelled).
 */
export async function sendWithRetry(
  fetcher: (input: string | Request, init: RequestInit) => Promise<Response>,
  input: string | Request,
  init: SendInit,
  retryable: boolean,
  policy: Policy,
  signal: AbortSignal | null | undefined,
): Promise<[Response, Uint8Array]> {
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
    let body: Uint8Array | undefined
    let arrived = false
    let failure: unknown
    let failed = false
    // The wait a retried answer asks for (null: none given), or false when it is not retried.
    let retry: number | null | false = false
    let fetched: Promise<Response> | undefined
    const a: Attempt = {
      deadline: 0,
      controller: undefined,
      uses: 0,
      reader: undefined,
      reason: undefined,
      reject: ignore,
    }
    let forward: (() => void) | undefined
    if (timeoutMs > 0) track(a, timeoutMs)
    if (signal) {
      forward = () => stop(a, signal.reason)
      signal.addEventListener('abort', forward)
    }
    try {
      // Built field by field: a spread costs more than the rest of the attempt.
      fetched = fetcher(
        sent,
        timeoutMs > 0 || signal
          ? {
              method: init.method,
              headers: init.headers,
              body: init.body,
              // A redirect is never followed: fetch would take the request, a credential header
              // other than Authorization among it, to a URL nobody configured.
              redirect: 'manual',
              signal: timeoutMs > 0 ? signalOf(a) : signal,
            }
          : init,
      )
      // Without a timeout or a signal nothing can stop the attempt: no race.
      answer = await (timeoutMs > 0 || signal ? race(a, fetched) : fetched)
      arrived = true
      // `Response.error()` from a custom fetch is a network failure, not an answer.
      if (answer.type === 'error') throw new TypeError('The fetch gave a network error.')
      retry = retryAfter(answer, attempt < retries, cap)
      if (retry === false) body = await readBody(a, answer)
    } catch (error) {
      failure = error
      failed = true
      // An answer that comes after the attempt ended is not read.
      if (a.reason !== undefined && !arrived) fetched?.then(cancelBody, ignore)
    }
    untrack(a)
    if (forward) signal?.removeEventListener('abort', forward)
    if (signal?.aborted) throw signal.reason
    let wait: number | null = null
    if (!failed && answer) {
      if (retry === false) {
        release(a)
        return [answer, body as Uint8Array]
      }
      wait = retry
      cancelBody(answer)
    }

    if (failed) {
      const error =
        a.reason === TIMED_OUT
          ? new TimeoutError({
              message: `No ${arrived ? 'complete ' : ''}response within ${timeoutMs} ms`,
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
