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

// Module-level so that arming a timer allocates no closure (setTimeout passes the controller).
function onTimeout(controller: AbortController): void {
  controller.abort(TIMED_OUT)
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

/**
 * `promise`, or the signal's reason as soon as it aborts: a custom fetch that ignores the signal
 * still ends on time (its answer, if one comes later, is cancelled).
 */
function abortable(
  promise: Promise<Response>,
  signal: AbortSignal | null | undefined,
): Promise<Response> {
  if (!signal) return promise
  return new Promise((resolve, reject) => {
    const stop = () => reject(signal.reason)
    if (signal.aborted) stop()
    signal.addEventListener('abort', stop, { once: true })
    promise.then(
      (response) => {
        signal.removeEventListener('abort', stop)
        if (signal.aborted) response.body?.cancel().catch(ignore)
        resolve(response)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', stop)
        reject(error)
      },
    )
  })
}

/**
 * `response` with its body read to the end while `signal` lives, so that a body which stalls
 * after the headers ends with the attempt's timeout or the caller's abort, never hangs.
 */
async function readWhole(response: Response, signal: AbortSignal | null | undefined) {
  const { body, status } = response
  if (!body) return response
  const reader = body.getReader()
  if (signal?.aborted) {
    reader.cancel().catch(ignore)
    throw signal.reason
  }
  // Cancelling settles a pending read, even when a custom fetch ignores the signal.
  const cancel = () => reader.cancel(signal?.reason).catch(ignore)
  signal?.addEventListener('abort', cancel, { once: true })
  const chunks: Uint8Array[] = []
  try {
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      chunks.push(read.value)
    }
  } finally {
    signal?.removeEventListener('abort', cancel)
  }
  signal?.throwIfAborted()
  // Bytes, not a Blob: a page's Blob (jsdom's, say) may not be one the runtime's Response reads.
  const whole = new Uint8Array(chunks.reduce((size, chunk) => size + chunk.length, 0))
  let offset = 0
  for (const chunk of chunks) {
    whole.set(chunk, offset)
    offset += chunk.length
  }
  return new Response(status === 204 || status === 205 || status === 304 ? null : whole, {
    status,
    statusText: response.statusText,
    headers: response.headers,
  })
}

/**
 * The one request pipeline under the domain API and the raw client: a timeout per attempt (the
 * headers and the whole body), the caller's abort signal, and bounded retries (when `retryable`:
 * reads and keyed writes) on network errors, timeouts and 408/429/500/502/503/504, with
 * exponential backoff, full jitter and `Retry-After`. A `Retry-After` beyond `maxDelayMs` ends the
 * retries at once with that answer. `init` belongs to the pipeline: its `signal` is set on every
 * attempt. The response comes back with its body already read.
 */
export async function sendWithRetry(
  fetcher: (input: string | Request, init: RequestInit) => Promise<Response>,
  input: string | Request,
  init: RequestInit,
  retryable: boolean,
  policy: Policy,
  signal: AbortSignal | null | undefined,
): Promise<Response> {
  const retries = retryable ? policy.retries : 0
  // No wait beyond what a timer can hold: a longer one would fire at once.
  const cap = Math.min(policy.maxDelayMs, MAX_TIMER_MS)
  for (let attempt = 0; ; attempt++) {
    signal?.throwIfAborted()
    let controller: AbortController | undefined
    let timer: ReturnType<typeof setTimeout> | undefined
    let forward: (() => void) | undefined
    if (policy.timeoutMs > 0) {
      const attemptController = new AbortController()
      controller = attemptController
      timer = setTimeout(onTimeout, policy.timeoutMs, attemptController)
      if (signal) {
        forward = () => attemptController.abort(signal.reason)
        signal.addEventListener('abort', forward)
      }
      init.signal = attemptController.signal
    } else {
      init.signal = signal
    }

    let response: Response | undefined
    let failure: unknown
    let failed = false
    let wait: number | null = null
    let headersArrived = false
    try {
      // A body can be sent once: every attempt but the last sends a copy.
      const answer = await abortable(
        fetcher(
          typeof input === 'string' || attempt === retries || !input.body ? input : input.clone(),
          init,
        ),
        init.signal,
      )
      headersArrived = true
      const { status } = answer
      let retry =
        attempt < retries &&
        (status === 408 || status === 429 || (status >= 500 && status <= 504 && status !== 501))
      if (retry) {
        wait = parseRetryAfter(answer.headers.get('retry-after'))
        // Longer than the policy allows: waiting less would be refused again, so end here.
        retry = wait === null || wait <= cap
      }
      if (retry) {
        answer.body?.cancel().catch(ignore)
      } else {
        wait = null
        response = await readWhole(answer, init.signal)
      }
    } catch (error) {
      failure = error
      failed = true
    }
    clearTimeout(timer)
    if (forward) signal?.removeEventListener('abort', forward)
    if (signal?.aborted) throw signal.reason
    if (response) return response

    if (failed) {
      const error =
        controller?.signal.reason === TIMED_OUT
          ? new TimeoutError({
              message: `No ${headersArrived ? 'complete ' : ''}response within ${policy.timeoutMs} ms`,
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
