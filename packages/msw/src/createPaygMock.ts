import {
  bodyTooLargeMessage,
  isJsonBody,
  JSON_BODY_MESSAGE,
  MAX_BODY_BYTES,
  type PricingKey,
  parseJsonBody,
} from '@payg-kit/core/rules'
import { delay, HttpResponse, type RequestHandler } from 'msw'
import { checkMswSupport } from './checkMswSupport'
import { type ClockStart, createClock, type MockClock } from './createClock'
import { createRandom, type Random } from './createRandom'
import {
  createHandlers,
  errorReply,
  type HandlerRuntime,
  type OperationId,
  type PendingCall,
  type Reply,
  toResponse,
} from './handlers'
import { type JobSettling, type JobStatus, Ledger, type LedgerOptions } from './ledger'
import { formatMicros } from './money'
import { type Scenario, type ScenarioName, scenarios, type TransportSetup } from './scenarios'
import type { PaymentMethod, Schemas } from './types'
import { toAutoTopUp, toBalance, toTopUp, toTransaction } from './views'

/** Leonardo's Production API base URL, the mock's default. */
export const DEFAULT_BASE_URL = 'https://cloud.leonardo.ai/api/rest/v1'

/**
 * How an injected fault behaves: `before-commit` answers an error and changes nothing;
 * `after-commit` applies the operation, then answers an error (the client sees a failure but the
 * server charged); `hang` never answers until the request is aborted (a timeout).
 */
export type FaultMode = 'before-commit' | 'after-commit' | 'hang'

/** Options of `createPaygMock`. */
export interface PaygMockOptions {
  /** A scenario name or a custom scenario. Default `'healthy'`. */
  scenario?: ScenarioName | Scenario
  /** Seed of ids, history, latency and random faults. Default 1. */
  seed?: number
  /** Base URL the handlers answer under. Default Leonardo's. */
  baseUrl?: string
  /** When set, requests need `Authorization: Bearer <apiKey>` (else 401). By default any is accepted. */
  apiKey?: string
  /** Latency in ms, fixed or a seeded `[min, max]` range (msw's `delay`). Overrides the scenario's. */
  latency?: number | readonly [min: number, max: number]
  /** Seeded random faults: `errorRate` is the share of requests answered 500/503 before commit. */
  faults?: { errorRate?: number }
  /** Answer the first `requests` requests with 429 and `Retry-After`. Overrides the scenario's. */
  rateLimit?: { requests: number; retryAfterSeconds?: number }
  /**
   * Where the mock's clock starts: a fixed instant (a Date, an ISO 8601 string or epoch ms), where
   * it stands still until `clock.set` or `clock.advance` moves it, or a function it follows.
   * Scenarios are laid out relative to it. Default: the wall clock.
   */
  now?: ClockStart
  /** Manual top-up policy in whole dollars. Default `{ min: 5, max: 10000 }`. */
  topUpLimits?: { min: number; max: number }
  /**
   * How jobs settle. `'on-read'` (default): a job is PENDING until its getter first reads it, which
   * answers COMPLETE. `'manual'`: it stays PENDING until `mock.jobs.settle(id, status)`.
   */
  jobs?: JobSettling
  /**
   * How many requests `requests` keeps: the latest ones, oldest dropped first, so a long session
   * holds a bounded log. Default 1,000; `Infinity` keeps every request, 0 none.
   */
  requestLogSize?: number
}

/** The default of `requestLogSize`: the latest 1,000 requests are kept. */
export const DEFAULT_REQUEST_LOG_SIZE = 1000

/** The lifecycle of the mock's jobs: PENDING, then COMPLETE or FAILED (refunded). */
export interface PaygMockJobs {
  /** A job's status (without settling it), or undefined for an unknown id. */
  status(id: string): JobStatus | undefined
  /** The ids of the jobs still PENDING, oldest first. */
  pending(): string[]
  /** Settles a PENDING job; FAILED refunds its charge. Throws for an unknown or settled job. */
  settle(id: string, status: 'COMPLETE' | 'FAILED'): void
  /** Makes the next job created end FAILED (and refunded) when it settles by itself. */
  failNext(): void
}

/** A request the mock received. */
export interface RecordedRequest {
  method: string
  /** The path below the base URL, e.g. `/billing/balance`. */
  path: string
  operationId: OperationId
  /** The parsed JSON body, or undefined. */
  body: unknown
  headers: Record<string, string>
  /** When it arrived (ISO 8601, the mock's clock). */
  time: string
  /** The status answered; null while pending (or when the request hung). */
  status: number | null
}

/** Readers and controls over the mock's ledger for tests and stories. Money is decimal strings. */
export interface PaygMockState {
  /** The dollar balance, e.g. `"12.4567"`. */
  balance(): string
  /** Legacy plan credits left, or null on PAYG. */
  credits(): number | null
  /** `GET /billing/balance` as the API would answer it now. */
  balanceInfo(): Schemas['Balance']
  /** Ledger entries, newest first. */
  transactions(): Schemas['Transaction'][]
  /** Top-up attempts, newest first. */
  topUps(): Schemas['TopUp'][]
  /** Auto top-up settings and status. */
  autoTopUp(): Schemas['AutoTopUp']
  /** Sets the dollar balance (writes one ADJUSTMENT entry for the difference). */
  setBalance(dollars: string | number): void
  /** Sets the legacy plan's remaining credits. */
  setCredits(credits: number): void
  /**
   * Saves auto top-up settings as `PUT /billing/auto-top-up` would (may top up at once); without
   * `monthlyCap` the saved cap is kept, null removes it.
   */
  setAutoTopUp(settings: {
    enabled: boolean
    threshold: number
    amount: number
    monthlyCap?: number | null
  }): void
  /** Replaces (or with null removes) the saved card. */
  setPaymentMethod(card: PaymentMethod | null): void
  /** Makes the saved card decline (or accept) every payment. */
  setCardDeclines(declines: boolean): void
  /**
   * Makes the saved card's issuer ask for 3-D Secure on every manual top-up (a 402 with
   * `details.clientSecret`; automatic ones decline). `authenticatePayment` answers the check.
   */
  setCardAsksAuthentication(asks: boolean): void
  /**
   * The cardholder authenticates (`succeed`) or fails to (`fail`) the top-up answered with
   * `clientSecret`: the same key sent again credits it once, or is a decline. Throws for a secret
   * no top-up waits for.
   */
  authenticatePayment(clientSecret: string, result: 'succeed' | 'fail'): void
  /** Sets a per-model discount in whole percent (custom deals). */
  setDiscount(key: PricingKey, percent: number): void
  /** Refunds a charged generation or job once. */
  refund(generationId: string): void
  /** The mock's current time (`clock.now()`). */
  now(): Date
  /** Moves the mock's clock forward by `ms` milliseconds. @deprecated Use `mock.clock.advance`. */
  advanceTime(ms: number): void
}

/** The mock: msw handlers plus a handle on its state, its request log and fault injection. */
export interface PaygMock {
  /** The msw handlers: pass them to `setupServer(...)`, `setupWorker(...)` or Storybook's msw addon. */
  readonly handlers: RequestHandler[]
  /** The current ledger (replaced by `reset` and `use`). */
  readonly ledger: Ledger
  /** Readers and controls over the ledger. */
  readonly state: PaygMockState
  /**
   * The mock's clock: every date it writes comes from it, and scenarios are laid out relative to
   * it. `clock.set(date)`, `clock.advance({ days: 31 })`; `reset` sets it back to its start.
   * Moving into a new month starts the monthly cap again, and an enabled auto top-up left below
   * its threshold runs at once (also noticed before the next request or `state` read).
   */
  readonly clock: MockClock
  /** The jobs' lifecycle: read and settle jobs, or make the next one fail. */
  readonly jobs: PaygMockJobs
  /** The current scenario's name (`'custom'` for a custom one). */
  readonly scenario: ScenarioName | 'custom'
  /** The latest requests received since the last reset (at most `requestLogSize`), oldest first. */
  readonly requests: readonly RecordedRequest[]
  /**
   * Counts requests received since the last reset: by operationId every one, by predicate those
   * still in `requests`.
   */
  requestCount(match: OperationId | ((request: RecordedRequest) => boolean)): number
  /**
   * Rebuilds the ledger from a scenario (default: the current one), laid out relative to the
   * clock set back to its start (or to `options.now`), and clears the log, faults and rate limit.
   */
  reset(scenario?: ScenarioName | Scenario, options?: { now?: ClockStart }): void
  /** Switches to a scenario's ledger, keeping the request log and pending faults. */
  use(scenario: ScenarioName | Scenario): void
  /** Makes the next request to `operationId` fail once (default: 500, before commit). */
  failNext(operationId: OperationId, options?: { status?: number; mode?: FaultMode }): void
  /**
   * Holds every request to `operationId`, before anything is committed, until the returned
   * function is called (or the mock is reset): a pending state that lasts exactly as long as a
   * test needs it. Held requests then go on in the order they arrived.
   */
  hold(operationId: OperationId): () => void
}

function resolveScenario(scenario: ScenarioName | Scenario): {
  name: ScenarioName | 'custom'
  value: Scenario
} {
  if (typeof scenario !== 'string') return { name: 'custom', value: scenario }
  const value = scenarios[scenario]
  if (!value) {
    throw new TypeError(
      `[@payg-kit/msw] unknown scenario "${String(scenario)}". Use one of: ${Object.keys(scenarios).join(', ')}.`,
    )
  }
  return { name: scenario, value }
}

function checkBaseUrl(baseUrl: string): string {
  if (typeof baseUrl !== 'string' || baseUrl === '') {
    throw new TypeError(
      '[@payg-kit/msw] baseUrl must be a non-empty string such as "https://api.example.com/v1".',
    )
  }
  return baseUrl.replace(/\/+$/, '')
}

/**
 * Creates a stateful mock of the payg-kit API (Leonardo subset + billing extension) for msw, in
 * node (`msw/node`) or the browser (`msw/browser`). One in-memory ledger enforces the billing
 * rules; prices come from an illustrative table.
 *
 * @example
 * const mock = createPaygMock({ scenario: 'lowBalance' })
 * const server = setupServer(...mock.handlers)
 * // afterEach: server.resetHandlers(); mock.reset()
 */
export function createPaygMock(options: PaygMockOptions = {}): PaygMock {
  checkMswSupport()
  const logSize = options.requestLogSize ?? DEFAULT_REQUEST_LOG_SIZE
  if (!(logSize === Number.POSITIVE_INFINITY || (Number.isInteger(logSize) && logSize >= 0))) {
    throw new RangeError('[@payg-kit/msw] requestLogSize must be a whole number >= 0 or Infinity.')
  }
  const seed = options.seed ?? 1
  const baseUrl = checkBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL)
  const basePath = baseUrl.startsWith('/') ? baseUrl : new URL(baseUrl).pathname.replace(/\/+$/, '')
  const clock = createClock(options.now)
  const ledgerOptions: LedgerOptions = {
    seed,
    now: () => clock.now(),
    topUpLimits: options.topUpLimits,
    jobs: options.jobs,
  }

  let current = resolveScenario(options.scenario ?? 'healthy')
  let ledger = new Ledger(ledgerOptions, current.value.account)
  let transportRandom: Random = createRandom(seed ^ 0x5bd1e995)
  let rateLimitLeft = 0
  let requests: RecordedRequest[] = []
  let received = new Map<OperationId, number>()
  let faults = new Map<OperationId, Array<{ status: number; mode: FaultMode }>>()
  let hanging = new Set<() => void>()
  let holds = new Map<OperationId, { held: Promise<void>; release: () => void }>()

  const transport = (): TransportSetup => {
    const fromScenario = current.value.transport ?? {}
    return {
      latency: options.latency ?? fromScenario.latency,
      errorRate: options.faults?.errorRate ?? fromScenario.errorRate,
      rateLimit: options.rateLimit ?? fromScenario.rateLimit,
    }
  }
  const armRateLimit = () => {
    rateLimitLeft = transport().rateLimit?.requests ?? 0
  }
  armRateLimit()

  const load = (scenario: ScenarioName | Scenario) => {
    current = resolveScenario(scenario)
    ledger = new Ledger(ledgerOptions, current.value.account)
  }

  const release = () => {
    for (const resolve of hanging) resolve()
    hanging = new Set()
    for (const hold of holds.values()) hold.release()
    holds = new Map()
  }

  const runtime: HandlerRuntime = {
    baseUrl,
    basePath,
    get ledger() {
      return ledger
    },
    async begin(operationId, request, url): Promise<PendingCall> {
      const text =
        request.method === 'GET' || request.method === 'HEAD' ? '' : await request.clone().text()
      const path = url.pathname.startsWith(basePath)
        ? url.pathname.slice(basePath.length) || '/'
        : url.pathname
      // A billing operation reads at most MAX_BODY_BYTES, as the server does: more is a 413 when
      // the operation reads its body, after its Idempotency-Key (a write that takes no body never
      // reads it, nor finds it too large).
      const tooLarge =
        path.startsWith('/billing/') && new TextEncoder().encode(text).length > MAX_BODY_BYTES
      // No body at all is `undefined`; a blank, unreadable or oversized one is kept as the problem it is.
      const parsed = text === '' || tooLarge ? undefined : parseJsonBody(text)
      const body = parsed?.ok ? parsed.value : undefined
      const bodyProblem = tooLarge
        ? { status: 413 as const, message: bodyTooLargeMessage() }
        : parsed && !parsed.ok
          ? parsed
          : undefined
      const record: RecordedRequest = {
        method: request.method,
        path,
        operationId,
        body: bodyProblem ? text : body,
        headers: Object.fromEntries(request.headers),
        time: ledger.now().toISOString(),
        status: null,
      }
      received.set(operationId, (received.get(operationId) ?? 0) + 1)
      if (logSize > 0) {
        requests.push(record)
        if (requests.length > logSize) requests.shift()
      }
      const answer = (reply: Reply): Response => {
        record.status = reply.status
        return toResponse(reply)
      }
      const input = { request, query: url.searchParams, body, bodyProblem }
      const settle = (response: Response): PendingCall => ({
        response,
        input,
        finish: () => response,
      })

      const { latency, errorRate, rateLimit } = transport()
      if (latency !== undefined) {
        const ms =
          typeof latency === 'number' ? latency : transportRandom.int(latency[0], latency[1])
        if (ms > 0) await delay(ms)
      }
      const hold = holds.get(operationId)
      if (hold) await hold.held
      // A billing write takes JSON only, as the server, and says so before anything else it
      // checks (a form's body is never read as JSON).
      const write = request.method !== 'GET' && request.method !== 'HEAD'
      if (
        write &&
        record.path.startsWith('/billing/') &&
        !isJsonBody(request.headers.get('content-type'), text !== '')
      ) {
        const message = JSON_BODY_MESSAGE
        return settle(answer({ status: 415, body: { code: 'BAD_REQUEST', message } }))
      }
      if (
        options.apiKey !== undefined &&
        request.headers.get('Authorization') !== `Bearer ${options.apiKey}`
      ) {
        return settle(answer(errorReply('UNAUTHORIZED', 'Invalid or missing API key.')))
      }
      if (rateLimitLeft > 0) {
        rateLimitLeft--
        const seconds = rateLimit?.retryAfterSeconds ?? 1
        return settle(
          answer(
            errorReply(
              'RATE_LIMITED',
              `Too many requests. Retry after ${seconds} second${seconds === 1 ? '' : 's'}.`,
              {
                details: { retryAfterSeconds: seconds },
                headers: { 'Retry-After': String(seconds) },
              },
            ),
          ),
        )
      }
      if (errorRate && transportRandom.next() < errorRate) {
        const unavailable = transportRandom.next() < 0.5
        return settle(
          answer(
            unavailable
              ? errorReply(
                  'SERVICE_UNAVAILABLE',
                  'The service is temporarily unavailable. Please retry shortly.',
                  {
                    headers: { 'Retry-After': '1' },
                  },
                )
              : errorReply('INTERNAL_ERROR', 'Something went wrong. Please try again.'),
          ),
        )
      }
      const fault = faults.get(operationId)?.shift()
      if (fault?.mode === 'before-commit') {
        return settle(answer(faultReply(fault.status)))
      }
      if (fault?.mode === 'hang') {
        await new Promise<void>((resolve) => {
          const done = () => {
            hanging.delete(done)
            resolve()
          }
          hanging.add(done)
          if (request.signal.aborted) done()
          request.signal.addEventListener('abort', done, { once: true })
        })
        return settle(HttpResponse.error())
      }
      return {
        input,
        finish: (reply) =>
          answer(fault?.mode === 'after-commit' ? faultReply(fault.status) : reply),
      }
    },
  }

  const handlers = createHandlers(runtime)

  // The ledger is told whenever the clock moves, and before every read, so that a clock that
  // follows a function into a new month is noticed too (see `Ledger.clockMoved`).
  const live = (): Ledger => {
    ledger.clockMoved()
    return ledger
  }
  const moved = (move: () => void) => {
    move()
    ledger.clockMoved()
  }

  const state: PaygMockState = {
    balance: () => formatMicros(live().balance),
    credits: () => live().plan?.creditsRemaining ?? null,
    balanceInfo: () => toBalance(live()),
    transactions: () => live().transactions().reverse().map(toTransaction),
    topUps: () => [...live().topUps].reverse().map(toTopUp),
    autoTopUp: () => toAutoTopUp(live()),
    setBalance: (dollars) => ledger.setBalance(dollars),
    setCredits: (credits) => ledger.setCredits(credits),
    setAutoTopUp: (settings) => {
      const result = ledger.updateAutoTopUp(settings)
      if (!result.ok)
        throw new Error(
          `[@payg-kit/msw] setAutoTopUp: ${result.error.code}: ${result.error.message}`,
        )
    },
    setPaymentMethod: (card) => ledger.setPaymentMethod(card),
    setCardDeclines: (declines) => ledger.setCardDeclines(declines),
    setCardAsksAuthentication: (asks) => ledger.setCardAsksAuthentication(asks),
    authenticatePayment: (clientSecret, result) => {
      if (!ledger.authenticatePayment(clientSecret, result)) {
        throw new Error(
          `[@payg-kit/msw] authenticatePayment: no top-up waits for the secret ${JSON.stringify(clientSecret)}.`,
        )
      }
    },
    setDiscount: (key, percent) => ledger.setDiscount(key, percent),
    refund: (generationId) => {
      const result = ledger.refund(generationId)
      if (!result.ok) throw new Error(`[@payg-kit/msw] refund: ${result.error.message}`)
    },
    now: () => clock.now(),
    advanceTime: (ms) => moved(() => clock.advance(ms)),
  }

  const jobs: PaygMockJobs = {
    status: (id) => ledger.job(id)?.status,
    pending: () => ledger.jobs.filter((job) => job.status === 'PENDING').map((job) => job.id),
    settle: (id, status) => {
      const result = ledger.settleJob(id, status)
      if (!result.ok) throw new Error(`[@payg-kit/msw] jobs.settle: ${result.error.message}`)
    },
    failNext: () => ledger.failNextJobOnce(),
  }

  return {
    handlers,
    get ledger() {
      return ledger
    },
    state,
    jobs,
    clock: {
      now: clock.now,
      set: (date) => moved(() => clock.set(date)),
      advance: (by) => moved(() => clock.advance(by)),
    },
    get scenario() {
      return current.name
    },
    get requests() {
      return requests
    },
    requestCount(match) {
      return typeof match === 'function'
        ? requests.filter(match).length
        : (received.get(match) ?? 0)
    },
    reset(scenario, resetOptions) {
      release()
      clock.restart(resetOptions?.now)
      load(scenario ?? (current.name === 'custom' ? current.value : current.name))
      transportRandom = createRandom(seed ^ 0x5bd1e995)
      requests = []
      received = new Map()
      faults = new Map()
      armRateLimit()
    },
    use(scenario) {
      const failNextJob = ledger.failsNextJob
      load(scenario)
      if (failNextJob) ledger.failNextJobOnce()
      armRateLimit()
    },
    hold(operationId) {
      const existing = holds.get(operationId)
      if (existing) return existing.release
      let resolve = () => {}
      const held = new Promise<void>((done) => {
        resolve = done
      })
      const entry = {
        held,
        release: () => {
          if (holds.get(operationId) === entry) holds.delete(operationId)
          resolve()
        },
      }
      holds.set(operationId, entry)
      return entry.release
    },
    failNext(operationId, fault = {}) {
      const queue = faults.get(operationId) ?? []
      queue.push({ status: fault.status ?? 500, mode: fault.mode ?? 'before-commit' })
      faults.set(operationId, queue)
    },
  }
}

function faultReply(status: number): Reply {
  if (status === 503) {
    return errorReply(
      'SERVICE_UNAVAILABLE',
      'The service is temporarily unavailable. Please retry shortly.',
      {
        headers: { 'Retry-After': '1' },
      },
    )
  }
  if (status === 429) {
    return errorReply('RATE_LIMITED', 'Too many requests. Retry after 1 second.', {
      details: { retryAfterSeconds: 1 },
      headers: { 'Retry-After': '1' },
    })
  }
  const reply = errorReply('INTERNAL_ERROR', 'Something went wrong. Please try again.')
  return { ...reply, status }
}
