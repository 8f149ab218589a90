import { afterEach, describe, expect, it, vi } from 'vitest'
import { createPaygClient } from './createPaygClient'
import { TimeoutError } from './errors'
import { BALANCE, BASE } from './fixtures/balance'

// One clock times every attempt in flight, and an attempt's signal may have served an earlier
// one: each call must still end at its own deadline, with only its own signal aborted.

interface Held {
  signal: AbortSignal
  answer: () => void
}

/** A fetch that holds every request until the test answers it, and rejects it on abort. */
function holdingFetch(): { fetch: typeof fetch; held: Held[] } {
  const held: Held[] = []
  const fetcher = ((_input: RequestInfo | URL, init?: RequestInit) =>
    new Promise<Response>((resolve, reject) => {
      const signal = init?.signal as AbortSignal
      signal.addEventListener('abort', () => reject(signal.reason), { once: true })
      held.push({
        signal,
        answer: () =>
          resolve(
            new Response(JSON.stringify(BALANCE), {
              headers: { 'content-type': 'application/json' },
            }),
          ),
      })
    })) as typeof fetch
  return { fetch: fetcher, held }
}

/** How a promise settled so far: 'pending', 'resolved' or the rejection. */
function watch(promise: Promise<unknown>): { state: unknown } {
  const seen: { state: unknown } = { state: 'pending' }
  promise.then(
    () => {
      seen.state = 'resolved'
    },
    (error: unknown) => {
      seen.state = error
    },
  )
  return seen
}

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('the clock of attempts in flight', () => {
  it('ends each call at its own deadline, whatever else is in flight', async () => {
    vi.useFakeTimers()
    const { fetch, held } = holdingFetch()
    const client = createPaygClient({ baseUrl: BASE, fetch, retry: false })
    const slow = watch(client.getBalance({ timeoutMs: 1000 }))
    const quick = watch(client.getBalance({ timeoutMs: 100 }))
    const answered = watch(client.getBalance({ timeoutMs: 500 }))
    await vi.advanceTimersByTimeAsync(99)
    expect([slow.state, quick.state, answered.state]).toEqual(['pending', 'pending', 'pending'])
    await vi.advanceTimersByTimeAsync(1)
    expect(quick.state).toBeInstanceOf(TimeoutError)
    expect((quick.state as TimeoutError).message).toMatch(/No response within 100 ms/)
    held[2]?.answer()
    await vi.advanceTimersByTimeAsync(0)
    expect(answered.state).toBe('resolved')
    await vi.advanceTimersByTimeAsync(899)
    expect(slow.state).toBe('pending')
    await vi.advanceTimersByTimeAsync(1)
    expect(slow.state).toBeInstanceOf(TimeoutError)
  })

  it('aborts only the signal of the attempt that timed out, a new one for each call in flight', async () => {
    vi.useFakeTimers()
    const { fetch, held } = holdingFetch()
    const client = createPaygClient({ baseUrl: BASE, fetch, retry: false })
    // A call that ends first gives its signal back, for a later call to reuse.
    const first = client.getBalance({ timeoutMs: 1000 })
    held[0]?.answer()
    await expect(first).resolves.toMatchObject({ state: 'OK' })
    const timedOut = watch(client.getBalance({ timeoutMs: 50 }))
    const kept = watch(client.getBalance({ timeoutMs: 5000 }))
    const [, a, b] = held
    expect(a?.signal).not.toBe(b?.signal)
    await vi.advanceTimersByTimeAsync(50)
    expect(timedOut.state).toBeInstanceOf(TimeoutError)
    expect(a?.signal.aborted).toBe(true)
    expect(b?.signal.aborted).toBe(false)
    b?.answer()
    await vi.advanceTimersByTimeAsync(0)
    expect(kept.state).toBe('resolved')
    // The aborted signal is never handed out again.
    const next = client.getBalance({ timeoutMs: 1000 })
    expect(held[3]?.signal.aborted).toBe(false)
    held[3]?.answer()
    await expect(next).resolves.toMatchObject({ state: 'OK' })
  })

  it('hands one signal to ten calls at most, so the listeners a fetch leaves on it stay few', async () => {
    const { fetch, held } = holdingFetch()
    const client = createPaygClient({ baseUrl: BASE, fetch, retry: false })
    for (let i = 0; i < 25; i++) {
      const call = client.getBalance()
      held[i]?.answer()
      await call
    }
    const uses = new Map<AbortSignal, number>()
    for (const { signal } of held) uses.set(signal, (uses.get(signal) ?? 0) + 1)
    expect(Math.max(...uses.values())).toBeLessThanOrEqual(10)
    // Reused all the same: far fewer signals than calls.
    expect(uses.size).toBeLessThanOrEqual(4)
  })

  it('times out on fake timers installed after the clock was armed on real ones', async () => {
    const { fetch, held } = holdingFetch()
    const client = createPaygClient({ baseUrl: BASE, fetch, retry: false })
    // Arms the clock with the real setTimeout; the call ends before it fires.
    const real = client.getBalance({ timeoutMs: 60_000 })
    held[0]?.answer()
    await real
    vi.useFakeTimers()
    const call = watch(client.getBalance({ timeoutMs: 120_000 }))
    await vi.advanceTimersByTimeAsync(120_000)
    expect(call.state).toBeInstanceOf(TimeoutError)
  })

  it('times calls on a clock the wall clock does not move: a step of the time changes no deadline', async () => {
    vi.useFakeTimers()
    const { fetch, held } = holdingFetch()
    const client = createPaygClient({ baseUrl: BASE, fetch, retry: false })
    const first = watch(client.getBalance({ timeoutMs: 1000 }))
    // The machine's time is set an hour ahead (NTP, a user, a resumed VM): a second call in
    // flight makes the clock look at the time again, and the first call's second stands.
    vi.setSystemTime(Date.now() + 3_600_000)
    const second = watch(client.getBalance({ timeoutMs: 1000 }))
    await vi.advanceTimersByTimeAsync(999)
    expect([first.state, second.state]).toEqual(['pending', 'pending'])
    held[0]?.answer()
    await vi.advanceTimersByTimeAsync(0)
    expect(first.state).toBe('resolved')
    // Set back a day: the second call still ends at its own deadline, not a day later.
    vi.setSystemTime(Date.now() - 86_400_000)
    const third = watch(client.getBalance({ timeoutMs: 5000 }))
    await vi.advanceTimersByTimeAsync(1)
    expect(second.state).toBeInstanceOf(TimeoutError)
    expect(third.state).toBe('pending')
    await vi.advanceTimersByTimeAsync(4999)
    expect(third.state).toBeInstanceOf(TimeoutError)
  })

  it('keeps a process alive only while a call is in flight', async () => {
    const timers: Array<ReturnType<typeof setTimeout>> = []
    const realSetTimeout = globalThis.setTimeout
    vi.spyOn(globalThis, 'setTimeout').mockImplementation(((
      callback: (...args: unknown[]) => void,
      ms?: number,
      ...args: unknown[]
    ) => {
      const timer = realSetTimeout(callback, ms, ...args)
      timers.push(timer)
      return timer
    }) as typeof setTimeout)
    const { fetch, held } = holdingFetch()
    const call = createPaygClient({ baseUrl: BASE, fetch, retry: false }).getBalance()
    const clock = timers.at(-1) as NodeJS.Timeout
    expect(clock.hasRef()).toBe(true)
    held[0]?.answer()
    await call
    expect(clock.hasRef()).toBe(false)
  })
})

describe('answers without a body stream', () => {
  /** A Response as a polyfilled fetch makes it: the same bytes, but no `body` stream. */
  const streamless = (text: string, init?: ResponseInit) => {
    const response = new Response(text, init)
    Object.defineProperty(response, 'body', { value: null })
    return response
  }

  it('reads them whole, so a success is not taken for an empty answer', async () => {
    const client = createPaygClient({
      baseUrl: BASE,
      fetch: async () =>
        streamless(JSON.stringify(BALANCE), { headers: { 'content-type': 'application/json' } }),
    })
    const balance = await client.getBalance()
    expect(balance.balance).toEqual({ amount: '10', unit: 'USD' })
  })

  it('still reads an error answer for its code', async () => {
    const client = createPaygClient({
      baseUrl: BASE,
      fetch: async () =>
        streamless(JSON.stringify({ code: 'UNAUTHORIZED', message: 'No key' }), {
          status: 401,
          headers: { 'content-type': 'application/json' },
        }),
    })
    await expect(client.getBalance()).rejects.toMatchObject({ status: 401 })
  })
})
