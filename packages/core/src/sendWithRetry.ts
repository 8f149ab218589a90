import { NetworkError, TimeoutError } from './errors'
import { parseRetryAfter } from './parseRetryAfter'

/** The timeout and retry settings one call runs with. */
export interface Policy {
  /** Per attempt; 0 for none. */
  timeoutMs: number
  retries: number
  baseDelayMs: number
  maxDelayMs: number
}

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
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', stop)
      resolve()
    }, ms)
    signal?.addEventListener('abort', stop, { once: true })
  })
}

/**
 * The one request pipeline under the domain API and the raw client: a timeout per attempt, the
 * caller's abort signal, and bounded retries (when `retryable`: reads and keyed writes) on
 * network errors, timeouts and 408/429/500/502/503/504, with exponential backoff, full jitter
 * and `Retry-After`. `init` belongs to the pipeline: its `signal` is set on every attempt.
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
    try {
      // A body can be sent once: every attempt but the last sends a copy.
      response = await fetcher(
        typeof input === 'string' || attempt === retries || !input.body ? input : input.clone(),
        init,
      )
    } catch (error) {
      failure = error
    }
    clearTimeout(timer)
    if (forward) signal?.removeEventListener('abort', forward)
    if (signal?.aborted) throw signal.reason

    let wait: number | null = null
    if (response) {
      const { status } = response
      if (
        attempt >= retries ||
        !(status === 408 || status === 429 || (status >= 500 && status <= 504 && status !== 501))
      ) {
        return response
      }
      wait = parseRetryAfter(response.headers.get('retry-after'))
      response.body?.cancel().catch(ignore)
    } else {
      const error =
        controller?.signal.reason === TIMED_OUT
          ? new TimeoutError({
              message: `No response within ${policy.timeoutMs} ms`,
              cause: failure,
            })
          : new NetworkError({
              message: failure instanceof Error ? failure.message : undefined,
              cause: failure,
            })
      if (attempt >= retries) throw error
    }
    // Full jitter: a random wait up to the capped exponential step, unless the server said when.
    const cap = policy.maxDelayMs
    await sleep(
      wait === null
        ? Math.random() * Math.min(cap, policy.baseDelayMs * 2 ** attempt)
        : Math.min(cap, wait),
      signal,
    )
  }
}
