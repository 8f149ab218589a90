import {
  AUTO_TOP_UP_MAX_DECLINES,
  afterAutoTopUpDecline,
  checkAutoTopUpPolicy,
  checkTopUpAmount,
  creditsToMicros,
  discountedMicros,
  migrationCredit,
  type PricedRequest,
  type PricingKey,
  planAutoTopUp,
  planRenewal,
  priceCalculatorRequest,
  priceVariation,
  DEFAULT_TOP_UP_LIMITS as SPEC_TOP_UP_LIMITS,
  shiftRenewalDate,
  TOP_UP_RANGE_MESSAGE,
  topUpRangeDetails,
  type VariationKey,
} from '@payg-kit/core/rules'
import { createRandom, type Random } from './createRandom'
import { type DailyUsage, EntryStore, type EntryUnit } from './entryStore'
import { dollarsToMicros, formatMicros, MICROS_PER_CREDIT, parseMicros } from './money'
import type { ErrorCode, FieldError, PaymentMethod, PricingService, TransactionType } from './types'

/** Auto top-up turns itself off after this many declined attempts in a row. */
export const MAX_CONSECUTIVE_DECLINES = AUTO_TOP_UP_MAX_DECLINES

/** The mock's default top-up policy in whole dollars: the spec's (`TopUpLimits`, $5 to $10,000). */
export const DEFAULT_TOP_UP_LIMITS: Readonly<{ min: number; max: number }> = {
  min: SPEC_TOP_UP_LIMITS.minimum,
  max: SPEC_TOP_UP_LIMITS.maximum,
}

const DAY_MS = 86_400_000

/**
 * One ledger entry. A dollar entry's amounts are signed micro-dollars and `balanceAfter` is the
 * running balance; a legacy plan's credit entry (`unit: 'CREDITS'`, a charge or its refund) is in
 * whole plan credits, `balanceAfter` the plan credits left.
 */
export interface LedgerEntry {
  id: string
  type: TransactionType
  unit: 'DOLLARS' | 'CREDITS'
  amount: bigint
  balanceAfter: bigint
  description: string
  service: PricingService | null
  generationId: string | null
  topUpId: string | null
  createdAt: Date
}

/** A top-up payment attempt (a declined one moves no money and writes no entry). */
export interface TopUpRecord {
  id: string
  amount: bigint
  kind: 'MANUAL' | 'AUTOMATIC'
  status: 'SUCCEEDED' | 'DECLINED'
  paymentMethodId: string | null
  createdAt: Date
}

/** The last automatic top-up attempt. */
export interface AutoTopUpAttempt {
  at: Date
  status: 'SUCCEEDED' | 'DECLINED' | 'CAP_REACHED'
  amount: bigint
  topUpId: string | null
  message: string | null
}

/** Auto top-up settings (whole dollars) and status. */
export interface AutoTopUpState {
  enabled: boolean
  threshold: number | null
  amount: number | null
  monthlyCap: number | null
  consecutiveFailures: number
  disabledReason: 'USER' | 'PAYMENT_DECLINED' | 'NO_PAYMENT_METHOD' | null
  lastAttempt: AutoTopUpAttempt | null
}

/** A legacy monthly API plan. */
export interface PlanState {
  name: string
  monthlyPrice: bigint
  creditsPerMonth: number
  creditsRemaining: number
  /** When the credits next renew: back to `creditsPerMonth`, and the date a month on. */
  renewalDate: Date
  /** The day of the month (UTC) it renews on; a shorter month's last day stands in for it. */
  renewalDay: number
}

/** The status of a job: `PENDING`, then `COMPLETE` or `FAILED`. */
export type JobStatus = 'PENDING' | 'COMPLETE' | 'FAILED'

/** What a job is, and so which getter reports it. */
export type JobKind = 'GENERATION' | 'VARIATION' | 'MOTION_VARIATION' | 'TRAINING'

/** A job the mock accepted and charged: it is PENDING until it settles. */
export interface JobRecord {
  id: string
  kind: JobKind
  status: JobStatus
  createdAt: Date
  /** Settles FAILED instead of COMPLETE when it settles by itself (`jobs.failNext`). */
  failsOnSettle: boolean
}

/** A generation job (images, or a video) the mock created. */
export interface GenerationRecord extends JobRecord {
  kind: 'GENERATION'
  media: 'IMAGE' | 'VIDEO'
  prompt: string
  modelId: string | null
  presetStyle: string | null
  width: number
  height: number
  imageIds: string[]
}

/** A variation job: an image variation (`GET /variations/{id}`) or a video upscale. */
export interface VariationRecord extends JobRecord {
  kind: 'VARIATION' | 'MOTION_VARIATION'
  transformType: 'UPSCALE' | 'NOBG' | 'UNZOOM'
}

/** How jobs settle: on their first read (default), or only when a test settles them. */
export type JobSettling = 'on-read' | 'manual'

/** A refusal, in the spec's error vocabulary (the handlers map codes to HTTP statuses). */
export interface LedgerError {
  code: ErrorCode
  message: string
  details?: Record<string, unknown>
  fieldErrors?: FieldError[]
}

/** The outcome of a ledger operation. */
export type LedgerResult<T> = { ok: true; value: T } | { ok: false; error: LedgerError }

/** What a successful charge took, and what it triggered. */
export interface ChargeResult {
  unit: 'DOLLARS' | 'CREDITS'
  /** Micro-dollars (`DOLLARS`) or whole credits (`CREDITS`). */
  amount: bigint
  /** The list price in credits (the deprecated `apiCreditCost`). */
  listCredits: bigint
  /** The USAGE entry: in dollars, or in plan credits on a legacy plan. */
  transaction: LedgerEntry
  /** The automatic top-up this charge triggered by crossing the threshold, if any. */
  autoTopUp: AutoTopUpAttempt | null
}

/** An answer kept in the idempotency store. */
export interface StoredResponse {
  status: number
  body: unknown
  headers?: Record<string, string>
}

/** How an account starts: the data of a scenario. Whole dollars unless said otherwise. */
export interface AccountSetup {
  username?: string
  billingModel?: 'PAYG' | 'SUBSCRIPTION'
  /** Free credit on account creation (a FREE_CREDIT entry). Default 5 on PAYG, 0 on a plan. */
  freeCredit?: number
  /** Account age in days (when the free credit was granted). Default 30. */
  createdDaysAgo?: number
  /**
   * Past top-ups, in any order. Each is placed by `daysAgo` (days before the clock's now), or by
   * `monthsAgo` in calendar months (UTC): `0` inside the current month (halfway from its start to
   * now), `1` in the middle of the month before, and so on. A scenario that states what was added
   * "this month" uses `monthsAgo`, so that it reads the same on the 1st as on the 31st.
   */
  topUps?: ReadonlyArray<
    ({ daysAgo: number; monthsAgo?: never } | { monthsAgo: number; daysAgo?: never }) & {
      amount: number
      kind?: 'MANUAL' | 'AUTOMATIC'
      status?: 'SUCCEEDED' | 'DECLINED'
    }
  >
  /** Days of synthetic, seeded usage history ending now. Default 0. */
  usageDays?: number
  /** Requests per day in the usage history. Default [2, 8]. */
  usagePerDay?: readonly [min: number, max: number]
  /** The exact dollar balance the history ends at (decimal string). Default: what usage leaves. */
  balance?: string
  lowBalanceThreshold?: number | null
  paymentMethod?: PaymentMethod | null
  /** Whether the saved card declines every payment. */
  cardDeclines?: boolean
  /** Auto top-up settings after the history; the last attempt is read from the history's top-ups. */
  autoTopUp?: {
    enabled: boolean
    threshold: number
    amount: number
    monthlyCap?: number | null
    disabledReason?: AutoTopUpState['disabledReason']
  }
  /** A legacy monthly plan (with `billingModel: 'SUBSCRIPTION'`). */
  plan?: {
    name: string
    monthlyPrice: string
    creditsPerMonth: number
    creditsRemaining: number
    renewsInDays: number
  }
  customPricing?: boolean
  /** Whole-percent discounts by pricing key (custom deals). */
  discounts?: Partial<Record<PricingKey, number>>
}

/** Options of the ledger. */
export interface LedgerOptions {
  /** Seed of ids and history. Default 1. */
  seed?: number
  /** The clock. Default `() => new Date()`; `advanceTime` adds to it. */
  now?: () => Date
  /** Manual top-up policy in whole dollars. Default $5 to $10,000. */
  topUpLimits?: { min: number; max: number }
  /** How jobs settle. Default `'on-read'`: COMPLETE on the first read of their getter. */
  jobs?: JobSettling
}

/** The default saved card of the scenarios. */
export const DEFAULT_PAYMENT_METHOD: PaymentMethod = {
  id: 'pm_visa_4242',
  brand: 'visa',
  last4: '4242',
  expMonth: 12,
  expYear: 2030,
}

/** Typical requests the synthetic usage history is drawn from. */
const HISTORY_REQUESTS: ReadonlyArray<() => PricedRequest> = [
  () =>
    calculator('IMAGE_GENERATION', {
      imageWidth: 1024,
      imageHeight: 1024,
      numImages: 4,
      alchemyMode: true,
      isSDXLLightning: true,
    }),
  () =>
    calculator('IMAGE_GENERATION', {
      imageWidth: 1024,
      imageHeight: 768,
      numImages: 4,
      alchemyMode: true,
      isPhoenix: true,
    }),
  () =>
    calculator('IMAGE_GENERATION', {
      imageWidth: 1024,
      imageHeight: 1024,
      numImages: 1,
      alchemyMode: false,
      isFluxDev: true,
    }),
  () =>
    calculator('IMAGE_GENERATION', {
      imageWidth: 512,
      imageHeight: 512,
      numImages: 4,
      alchemyMode: false,
    }),
  () =>
    calculator('IMAGE_GENERATION', {
      imageWidth: 1024,
      imageHeight: 1024,
      numImages: 2,
      alchemyMode: true,
      isSDXL: true,
    }),
  () => priceVariation('UPSCALE'),
  () => priceVariation('NOBG'),
  () => calculator('MOTION_SVD_GENERATION', {}),
]

function calculator(service: PricingService, params: Record<string, unknown>): PricedRequest {
  const outcome = priceCalculatorRequest({ service, serviceParams: { [service]: params } })
  if (!outcome.ok) throw new Error(`[@payg-kit/msw] invalid history request: ${service}`)
  return outcome.value
}

/**
 * The mock's whole state: one in-memory ledger in integer micro-dollars that enforces the billing
 * rules of DOMAIN.md. Environment-free and deterministic under a seed and a clock. Every
 * operation commits synchronously, so a charge and the auto top-up it triggers are one step and
 * concurrent requests cannot interleave inside it.
 */
export class Ledger {
  /** Manual top-up policy in whole dollars. */
  readonly topUpLimits: Readonly<{ min: number; max: number }>
  private readonly clock: () => Date
  private readonly random: Random
  private offsetMs = 0
  private frozenAt: Date | null = null

  // The account, for reading: change it through the methods below, which keep the rules.
  userId = ''
  username = ''
  billingModel: 'PAYG' | 'SUBSCRIPTION' = 'PAYG'
  private current = 0n
  updatedAt: Date
  lowBalanceThreshold: number | null = null
  paymentMethod: PaymentMethod | null = null
  private declines = false
  /** Whether the saved card's issuer asks the cardholder to authenticate (3-D Secure). */
  private asksAuthentication = false
  /** Manual top-ups waiting for the cardholder to authenticate, by idempotency key. */
  private readonly authentications = new Map<
    string,
    {
      amount: bigint
      clientSecret: string
      at: number
      result: 'waiting' | 'succeed' | 'fail' | 'expired'
    }
  >()
  customPricing = false
  migratedAt: Date | null = null
  plan: PlanState | null = null
  autoTopUp: AutoTopUpState = emptyAutoTopUp()
  private readonly discountByKey = new Map<string, number>()
  private declinedCardId: string | null = null
  /** Every entry, dollars and plan credits, in a compact store (see entryStore.ts). */
  private readonly store = new EntryStore()
  private readonly topUpList: TopUpRecord[] = []
  /** Automatic top-ups that succeeded, by calendar month (UTC), in micro-dollars. */
  private readonly automaticByMonth = new Map<string, bigint>()
  /** When the last dollar entry was written (epoch ms), or null before the first. */
  private lastDollarTime: number | null = null
  private readonly topUpByKey = new Map<string, TopUpRecord>()
  /** Keys a lookup answered "no top-up" for: a top-up sent with one later is refused. */
  private readonly cancelledKeys = new Set<string>()
  /** The calendar month (UTC) the auto top-up rule last saw, to notice a fresh monthly cap. */
  private seenMonth = ''
  /** What each credit charge would have cost on PAYG at the account's prices, by generation. */
  private readonly paygMicrosById = new Map<string, bigint>()
  private readonly jobById = new Map<string, JobRecord>()
  /** Images the mock knows (generated or variations), with their size. */
  private readonly imageSize = new Map<string, { width: number; height: number }>()
  private readonly settling: JobSettling
  private failNextJob = false
  private readonly refunded = new Set<string>()
  private readonly idempotencyStore = new Map<
    string,
    { fingerprint: string; response: StoredResponse }
  >()

  constructor(options: LedgerOptions = {}, setup: AccountSetup = {}) {
    this.clock = options.now ?? (() => new Date())
    this.settling = options.jobs ?? 'on-read'
    this.random = createRandom(options.seed ?? 1)
    const limits = options.topUpLimits ?? DEFAULT_TOP_UP_LIMITS
    if (
      !Number.isInteger(limits.min) ||
      !Number.isInteger(limits.max) ||
      limits.min < 1 ||
      limits.max < limits.min
    ) {
      throw new RangeError(
        '[@payg-kit/msw] topUpLimits must be whole dollars with 1 <= min <= max.',
      )
    }
    this.topUpLimits = { min: limits.min, max: limits.max }
    this.updatedAt = this.now()
    this.load(setup)
    this.seenMonth = monthOf(this.now())
  }

  // ----- time and reading ---------------------------------------------------------------

  /** The ledger's current time (the clock plus `advanceTime`). */
  now(): Date {
    return this.frozenAt
      ? new Date(this.frozenAt)
      : new Date(this.clock().getTime() + this.offsetMs)
  }

  /** Moves the ledger's clock forward (a new month resets `spentThisMonth`; see `clockMoved`). */
  advanceTime(ms: number): void {
    this.offsetMs += ms
    this.clockMoved()
  }

  /**
   * Tells the ledger its clock may have moved. A legacy plan whose renewal date has passed is
   * renewed (see `renewPlan`). In a calendar month (UTC) other than the one it last saw, the
   * monthly cap starts again, so the auto top-up rule runs (see `runAutoTopUp`). Cheap and
   * idempotent: the mock calls it after every clock move and before every request.
   */
  clockMoved(): AutoTopUpAttempt | null {
    this.renewPlan()
    const month = monthOf(this.now())
    if (month === this.seenMonth) return null
    this.seenMonth = month
    return this.runAutoTopUp()
  }

  /**
   * Renews the legacy plan once its renewal date has passed, by `planRenewal` from
   * `@payg-kit/core/rules` (the server's rule too): a full `creditsPerMonth` again, the unused
   * credits gone, and the date on to the first renewal after now, however many months passed.
   * No entry records it, as in the history (`fillCreditsLeft`).
   */
  private renewPlan(): void {
    const plan = this.plan
    if (!plan) return
    const renewal = planRenewal(plan, this.now())
    if (renewal.renewals === 0) return
    plan.creditsRemaining = renewal.creditsRemaining
    plan.renewalDate = renewal.renewalDate
  }

  /** The dollar balance in micro-dollars: always the sum of the entries. */
  get balance(): bigint {
    return this.current
  }

  /**
   * Dollar ledger entries, oldest first: their amounts add up to the balance. Read back from the
   * compact store on each call (O(n)): for tests and stories, not for paging a long history.
   */
  get entries(): readonly LedgerEntry[] {
    return this.unitEntries('DOLLARS')
  }

  /** A legacy plan's credit entries (charges and refunds in plan credits), oldest first. */
  get creditEntries(): readonly LedgerEntry[] {
    return this.unitEntries('CREDITS')
  }

  /** How many entries there are, dollars and plan credits. */
  get entryCount(): number {
    return this.store.size
  }

  /**
   * Every entry, dollars and plan credits, oldest first: the account's transactions (by time; of
   * one time, plan credits first, then in the order written).
   */
  transactions(): LedgerEntry[] {
    const order = this.store.order()
    return Array.from({ length: order.length }, (_, position) => this.entryAt(order.at(position)))
  }

  /**
   * One page of the account's transactions, newest first: `limit` entries older than the entry
   * numbered `before` (or from the newest), of one type when given. Costs O(log n + limit).
   * `lastSeq` numbers the page's last entry (for the next cursor). Null when `before` is not an
   * entry of this list (`before.id` must be its id).
   */
  transactionPage(options: {
    type?: TransactionType
    limit: number
    before?: { seq: number; id: string }
  }): { entries: LedgerEntry[]; lastSeq: number; more: boolean } | null {
    const order = this.store.order(options.type)
    let end = order.length
    if (options.before) {
      const { seq, id } = options.before
      if (!Number.isInteger(seq) || seq < 0 || seq >= this.store.size) return null
      if (this.store.id(seq) !== id) return null
      end = order.positionOf(seq)
      if (end < 0) return null
    }
    const start = Math.max(0, end - options.limit)
    const entries: LedgerEntry[] = []
    for (let position = end - 1; position >= start; position--) {
      entries.push(this.entryAt(order.at(position)))
    }
    return { entries, lastSeq: start < end ? order.at(start) : -1, more: start > 0 }
  }

  /** Spend on one UTC day (days since 1970-01-01) in a unit: kept up to date on every write. */
  usageOn(unit: EntryUnit, day: number): DailyUsage | undefined {
    return this.store.usageOn(unit, day)
  }

  private unitEntries(unit: EntryUnit): LedgerEntry[] {
    return Array.from({ length: this.store.unitSize(unit) }, (_, index) =>
      this.entryAt(this.store.unitEntry(unit, index)),
    )
  }

  private entryAt(seq: number): LedgerEntry {
    return this.store.fields(seq)
  }

  /** Top-up attempts, oldest first. */
  get topUps(): readonly TopUpRecord[] {
    return this.topUpList
  }

  /** A generation by id, as it stands (reading it does not settle it). */
  generation(id: string): GenerationRecord | undefined {
    const job = this.jobById.get(id)
    return job?.kind === 'GENERATION' ? (job as GenerationRecord) : undefined
  }

  /** A job by id, as it stands. */
  job(id: string): JobRecord | undefined {
    return this.jobById.get(id)
  }

  /** Every job, oldest first. */
  get jobs(): readonly JobRecord[] {
    return [...this.jobById.values()]
  }

  /** The size of a known image, or undefined. */
  image(id: string): { width: number; height: number } | undefined {
    return this.imageSize.get(id)
  }

  /**
   * Reads a job for its getter: a PENDING job settles on its first read when jobs settle
   * `'on-read'` (COMPLETE, or FAILED with a refund after `failNextJob`).
   */
  readJob(id: string): JobRecord | undefined {
    const job = this.jobById.get(id)
    if (job?.status === 'PENDING' && this.settling === 'on-read') {
      this.settleJob(id, job.failsOnSettle ? 'FAILED' : 'COMPLETE')
    }
    return job
  }

  /**
   * Settles a PENDING job: COMPLETE, or FAILED with its charge refunded (a REFUND entry on PAYG,
   * the credits back on a legacy plan). Refused for an unknown or already settled job.
   */
  settleJob(id: string, status: 'COMPLETE' | 'FAILED'): LedgerResult<JobRecord> {
    const job = this.jobById.get(id)
    if (!job) return refuse('NOT_FOUND', `No job with id ${id}.`)
    if (job.status !== 'PENDING') {
      return refuse('IDEMPOTENCY_CONFLICT', `Job ${id} has already settled ${job.status}.`)
    }
    job.status = status
    // A charge refunded by hand already (`state.refund`) is not refunded twice.
    if (status === 'FAILED') this.refund(id, 'Refund of a failed job')
    return { ok: true, value: job }
  }

  /** Makes the next job created fail when it settles by itself. */
  failNextJobOnce(): void {
    this.failNextJob = true
  }

  /** Whether the next job created will fail (`failNextJobOnce` not yet used). */
  get failsNextJob(): boolean {
    return this.failNextJob
  }

  /** Records a charged job as PENDING. */
  private startJob<T extends JobRecord>(job: Omit<T, 'status' | 'createdAt' | 'failsOnSettle'>): T {
    const record = {
      ...job,
      status: 'PENDING',
      createdAt: this.now(),
      failsOnSettle: this.failNextJob,
    } as T
    this.failNextJob = false
    this.jobById.set(record.id, record)
    return record
  }

  /** Charges a job and, when charged, records it as PENDING; `id` is the job's id. */
  chargeJob(
    priced: PricedRequest,
    kind: JobKind,
    id: string = this.random.uuid(),
  ): LedgerResult<{ job: JobRecord; charge: ChargeResult }> {
    const charged = this.charge(priced, id)
    if (!charged.ok) return charged
    return { ok: true, value: { job: this.startJob({ id, kind }), charge: charged.value } }
  }

  /** Charges a request answered at once (no job): realtime canvas and prompt tools. */
  chargeNow(priced: PricedRequest): LedgerResult<{ id: string; charge: ChargeResult }> {
    const id = this.random.uuid()
    const charged = this.charge(priced, id)
    return charged.ok ? { ok: true, value: { id, charge: charged.value } } : charged
  }

  /** A new id from the ledger's seeded random source. */
  newId(): string {
    return this.random.uuid()
  }

  /** The account's discount on a pricing key, in whole percent (0 at list price). */
  discount(key: string): number {
    return this.discountByKey.get(key) ?? 0
  }

  /** Sets (or with 0 clears) a per-model discount. */
  setDiscount(key: PricingKey, percent: number): void {
    if (!Number.isInteger(percent) || percent < 0 || percent > 100) {
      throw new RangeError('[@payg-kit/msw] a discount is a whole percent between 0 and 100.')
    }
    if (percent === 0) this.discountByKey.delete(key)
    else this.discountByKey.set(key, percent)
  }

  /** The low-balance level: the auto top-up threshold when that is on, else the setting. */
  effectiveLowBalanceThreshold(): number | null {
    return this.autoTopUp.enabled ? this.autoTopUp.threshold : this.lowBalanceThreshold
  }

  /** The cheapest request this account can make, in micro-dollars (one credit, discounted). */
  cheapestRequestMicros(): bigint {
    const best = Math.max(0, ...this.discountByKey.values())
    return discountedMicros(MICROS_PER_CREDIT, best)
  }

  /** OK, LOW (below the low-balance level) or PAUSED (the balance cannot cover any request). */
  state(): 'OK' | 'LOW' | 'PAUSED' {
    if (this.billingModel === 'SUBSCRIPTION') {
      return (this.plan?.creditsRemaining ?? 0) > 0 ? 'OK' : 'PAUSED'
    }
    if (this.balance <= 0n || this.balance < this.cheapestRequestMicros()) return 'PAUSED'
    const low = this.effectiveLowBalanceThreshold()
    return low !== null && this.balance < dollarsToMicros(low) ? 'LOW' : 'OK'
  }

  /** Automatic top-ups that succeeded in the current calendar month (UTC), in micro-dollars. */
  spentThisMonth(): bigint {
    return this.automaticByMonth.get(monthOf(this.now())) ?? 0n
  }

  /** The account's price of a request: list and own price in micro-dollars, and the discount. */
  priceFor(priced: PricedRequest): { listMicros: bigint; micros: bigint; discountPercent: number } {
    const listMicros = creditsToMicros(priced.credits)
    const discountPercent = this.discount(priced.modelKey)
    return { listMicros, micros: discountedMicros(listMicros, discountPercent), discountPercent }
  }

  // ----- charging -------------------------------------------------------------------------

  /**
   * Charges a priced request, atomically: a PAYG account pays its price in dollars (refused
   * with INSUFFICIENT_BALANCE and nothing deducted when the balance cannot cover it), a legacy
   * plan pays list credits. A PAYG charge that leaves the balance below an enabled auto top-up's
   * threshold runs auto top-up in the same step (see `runAutoTopUp`).
   */
  charge(priced: PricedRequest, generationId: string): LedgerResult<ChargeResult> {
    const price = this.priceFor(priced)
    if (this.billingModel === 'SUBSCRIPTION') {
      const plan = this.plan
      const credits = Number(priced.credits)
      const remaining = plan?.creditsRemaining ?? 0
      if (!plan || remaining < credits) {
        // The spec's details are in dollars; the plan's credit figures ride along beside them.
        return refuse(
          'INSUFFICIENT_BALANCE',
          'Your plan has too few credits left for this request.',
          {
            balance: formatMicros(this.balance),
            required: formatMicros(price.micros),
            currency: 'USD',
            creditsRemaining: remaining,
            creditsRequired: credits,
          },
        )
      }
      plan.creditsRemaining = remaining - credits
      const transaction = this.writeCredits('USAGE', -credits, priced.description, {
        service: priced.service,
        generationId,
      })
      this.paygMicrosById.set(generationId, price.micros)
      return {
        ok: true,
        value: {
          unit: 'CREDITS',
          amount: priced.credits,
          listCredits: priced.credits,
          transaction,
          autoTopUp: null,
        },
      }
    }
    if (this.balance < price.micros) {
      return refuse(
        'INSUFFICIENT_BALANCE',
        'Your balance is too low for this request. Add credit to resume.',
        {
          balance: formatMicros(this.balance),
          required: formatMicros(price.micros),
          currency: 'USD',
        },
      )
    }
    const transaction = this.write('USAGE', -price.micros, priced.description, {
      service: priced.service,
      generationId,
    })
    const autoTopUp = this.runAutoTopUp()
    return {
      ok: true,
      value: {
        unit: 'DOLLARS',
        amount: price.micros,
        listCredits: priced.credits,
        transaction,
        autoTopUp,
      },
    }
  }

  /** Creates a generation: charges it and records the PENDING job with its images, in one step. */
  createGeneration(
    priced: PricedRequest,
    generation: {
      prompt: string
      modelId: string | null
      presetStyle?: string | null
      width: number
      height: number
      numImages: number
      media?: 'IMAGE' | 'VIDEO'
    },
  ): LedgerResult<{ generation: GenerationRecord; charge: ChargeResult }> {
    const id = this.random.uuid()
    const charged = this.charge(priced, id)
    if (!charged.ok) return charged
    const record = this.startJob<GenerationRecord>({
      id,
      kind: 'GENERATION',
      media: generation.media ?? 'IMAGE',
      prompt: generation.prompt,
      modelId: generation.modelId,
      presetStyle: generation.presetStyle ?? null,
      width: generation.width,
      height: generation.height,
      imageIds: Array.from({ length: generation.numImages }, () => this.random.uuid()),
    })
    if (record.media === 'IMAGE') {
      for (const imageId of record.imageIds) {
        this.imageSize.set(imageId, { width: record.width, height: record.height })
      }
    }
    return { ok: true, value: { generation: record, charge: charged.value } }
  }

  /** Creates a variation job of a known image: NOT_FOUND for an unknown id, else charged. */
  createVariation(
    kind: VariationKey,
    imageId: string,
  ): LedgerResult<{ id: string; charge: ChargeResult }> {
    const size = this.imageSize.get(imageId)
    if (!size) return refuse('NOT_FOUND', `No image with id ${imageId}.`)
    return this.chargeVariation(priceVariation(kind), kind, size)
  }

  /** Charges an image variation of an image of `size`, recorded PENDING for `GET /variations/{id}`. */
  chargeVariation(
    priced: PricedRequest,
    transformType: VariationRecord['transformType'],
    size: { width: number; height: number },
    kind: VariationRecord['kind'] = 'VARIATION',
  ): LedgerResult<{ id: string; charge: ChargeResult }> {
    const id = this.random.uuid()
    const charged = this.charge(priced, id)
    if (!charged.ok) return charged
    this.startJob<VariationRecord>({ id, kind, transformType })
    if (kind === 'VARIATION') this.imageSize.set(id, size)
    return { ok: true, value: { id, charge: charged.value } }
  }

  /**
   * Refunds a charge once, e.g. for a failed job: a REFUND entry in the unit it was charged in
   * (dollars, or for a legacy plan's charge the credits back to the plan).
   */
  refund(generationId: string, description = 'Refund of a failed job'): LedgerResult<LedgerEntry> {
    if (this.refunded.has(generationId)) {
      return refuse('IDEMPOTENCY_CONFLICT', `${generationId} was already refunded.`)
    }
    const creditSeq = this.store.usageOf('CREDITS', generationId)
    const credit = creditSeq === undefined ? undefined : this.entryAt(creditSeq)
    if (credit && this.plan) {
      this.refunded.add(generationId)
      this.plan.creditsRemaining += Number(-credit.amount)
      return {
        ok: true,
        value: this.writeCredits('REFUND', Number(-credit.amount), description, {
          service: credit.service,
          generationId,
        }),
      }
    }
    const usageSeq = this.store.usageOf('DOLLARS', generationId)
    const usage = usageSeq === undefined ? undefined : this.entryAt(usageSeq)
    if (!usage) return refuse('NOT_FOUND', `No charge for ${generationId}.`)
    this.refunded.add(generationId)
    return {
      ok: true,
      value: this.write('REFUND', -usage.amount, description, {
        service: usage.service,
        generationId,
      }),
    }
  }

  // ----- top-ups --------------------------------------------------------------------------

  /**
   * A manual top-up of whole dollars within the policy, charged to the saved card. Declined
   * payments are recorded as DECLINED top-ups and leave the balance as it was. The attempt is
   * kept under `idempotencyKey`, when given, for `lookUpTopUp`; a key `lookUpTopUp` already
   * answered "none" for is refused (IDEMPOTENCY_CONFLICT) and nothing is charged. A top-up that
   * leaves the balance below an enabled auto top-up's threshold runs the rule in the same step.
   */
  topUp(
    amount: number,
    idempotencyKey?: string,
  ): LedgerResult<{ topUp: TopUpRecord; transaction: LedgerEntry }> {
    if (idempotencyKey !== undefined && this.cancelledKeys.has(idempotencyKey)) {
      return refuse(
        'IDEMPOTENCY_CONFLICT',
        'This top-up was looked up and cancelled before it arrived, so nothing was charged. Start a new top-up (with a new Idempotency-Key).',
        { idempotencyKey, reason: 'CANCELLED_BY_LOOKUP' },
      )
    }
    const invalid = this.checkAmount('amount', amount)
    if (invalid) return { ok: false, error: invalid }
    const card = this.paymentMethod
    if (!card) return refuse('NO_PAYMENT_METHOD', 'Add a payment method before topping up.')
    const micros = dollarsToMicros(amount)
    // 3-D Secure: the first try answers the secret the browser authenticates with, nothing
    // charged; the same key sent again waits, credits once authenticated, or is a decline once
    // the authentication failed or a day has passed (as the server does).
    const asked =
      idempotencyKey === undefined ? undefined : this.authentications.get(idempotencyKey)
    if (asked && asked.amount !== micros) {
      return refuse(
        'IDEMPOTENCY_CONFLICT',
        'This Idempotency-Key was already used with a different request body.',
      )
    }
    if (asked?.result === 'waiting' && this.now().getTime() - asked.at >= DAY_MS)
      asked.result = 'expired'
    if (asked?.result === 'waiting' || (!asked && this.asksAuthentication)) {
      const clientSecret =
        asked?.clientSecret ?? `${this.random.id('pi')}_secret_${this.random.id('sc')}`
      if (idempotencyKey !== undefined && !asked) {
        this.authentications.set(idempotencyKey, {
          amount: micros,
          clientSecret,
          at: this.now().getTime(),
          result: 'waiting',
        })
      }
      return refuse(
        'PAYMENT_DECLINED',
        'Your card needs authentication. Confirm the payment with your bank and try again.',
        {
          declineCode: 'authentication_required',
          // Without a key the payment could never be confirmed: a decline without a secret.
          ...(idempotencyKey === undefined ? {} : { clientSecret }),
        },
      )
    }
    if (asked && idempotencyKey !== undefined) this.authentications.delete(idempotencyKey)
    const declined = asked ? asked.result !== 'succeed' : this.declines
    const topUp = this.recordTopUp(micros, 'MANUAL', declined ? 'DECLINED' : 'SUCCEEDED')
    if (idempotencyKey !== undefined) this.topUpByKey.set(idempotencyKey, topUp)
    if (topUp.status === 'DECLINED') {
      return refuse(
        'PAYMENT_DECLINED',
        'Your card was declined. Update your payment method and try again.',
        {
          // Stripe's codes, as the server reports them: the cardholder failed the check, or
          // left it for a day (then, off-session, it still needs authentication); else a decline.
          declineCode: asked
            ? asked.result === 'fail'
              ? 'payment_intent_authentication_failure'
              : 'authentication_required'
            : 'generic_decline',
          topUpId: topUp.id,
        },
      )
    }
    const transaction = this.write('TOP_UP', topUp.amount, 'Manual top-up', { topUpId: topUp.id })
    this.runAutoTopUp()
    return { ok: true, value: { topUp, transaction } }
  }

  /** The manual top-up made with an idempotency key, if one was (succeeded or declined); reads only. */
  topUpByIdempotencyKey(key: string): TopUpRecord | undefined {
    return this.topUpByKey.get(key)
  }

  /**
   * The lookup of `GET /billing/top-ups/{idempotencyKey}`: the top-up made with `key`, or, when
   * there is none, undefined and the key is cancelled for good, so that an original still in
   * flight is refused when it arrives and the "nothing was charged" answer stays true.
   */
  lookUpTopUp(key: string): TopUpRecord | undefined {
    const topUp = this.topUpByKey.get(key)
    if (!topUp) this.cancelledKeys.add(key)
    return topUp
  }

  /**
   * Saves auto top-up settings. Saving it enabled while the balance is below the threshold runs
   * auto top-up at once (see `runAutoTopUp`); the top-up it made is returned. Without
   * `monthlyCap` the saved cap is kept; only null removes it.
   */
  updateAutoTopUp(input: {
    enabled: boolean
    threshold: number
    amount: number
    monthlyCap?: number | null
  }): LedgerResult<{ triggeredTopUp: TopUpRecord | null }> {
    const cap = input.monthlyCap === undefined ? this.autoTopUp.monthlyCap : input.monthlyCap
    const errors = checkAutoTopUpPolicy(input.amount, cap, this.topUpLimits)
    if (errors.length) {
      return refuse('VALIDATION_FAILED', 'The auto top-up settings are invalid.', undefined, errors)
    }
    if (input.enabled && !this.paymentMethod) {
      return refuse('NO_PAYMENT_METHOD', 'Add a payment method before turning on auto top-up.')
    }
    if (
      input.enabled &&
      this.autoTopUp.disabledReason === 'PAYMENT_DECLINED' &&
      this.paymentMethod?.id === this.declinedCardId
    ) {
      return refuse(
        'PAYMENT_DECLINED',
        'Auto top-up was turned off after repeated declines. Update your payment method first.',
      )
    }
    const previous = this.autoTopUp
    this.autoTopUp = {
      ...previous,
      enabled: input.enabled,
      threshold: input.threshold,
      amount: input.amount,
      monthlyCap: cap,
      disabledReason: input.enabled ? null : 'USER',
      consecutiveFailures: input.enabled && !previous.enabled ? 0 : previous.consecutiveFailures,
    }
    const attempt = this.runAutoTopUp()
    // One the cap stopped records no top-up of its own.
    const triggeredTopUp = attempt?.topUpId == null ? null : this.topUpById(attempt.topUpId)
    return { ok: true, value: { triggeredTopUp } }
  }

  /** A top-up by id, looked for from the newest (the one an attempt just made). */
  private topUpById(id: string): TopUpRecord | null {
    for (let i = this.topUpList.length - 1; i >= 0; i--) {
      const topUp = this.topUpList[i] as TopUpRecord
      if (topUp.id === id) return topUp
    }
    return null
  }

  /** Turns auto top-up off (USER); the settings are kept. */
  disableAutoTopUp(): void {
    this.autoTopUp = { ...this.autoTopUp, enabled: false, disabledReason: 'USER' }
  }

  /** Replaces the saved card (null removes it, which turns auto top-up off). */
  setPaymentMethod(card: PaymentMethod | null): void {
    this.paymentMethod = card ? { ...card } : null
    if (!card && this.autoTopUp.enabled) {
      this.autoTopUp = { ...this.autoTopUp, enabled: false, disabledReason: 'NO_PAYMENT_METHOD' }
    }
  }

  /** Whether the saved card declines every payment. */
  get cardDeclines(): boolean {
    return this.declines
  }

  /** Makes the saved card decline (or accept) every payment. */
  setCardDeclines(declines: boolean): void {
    this.declines = declines
  }

  /**
   * Makes the saved card's issuer ask the cardholder to authenticate (3-D Secure) every manual
   * top-up (`authenticatePayment` completes it), and decline every automatic one (off-session,
   * nobody there to authenticate).
   */
  setCardAsksAuthentication(asks: boolean): void {
    this.asksAuthentication = asks
  }

  /**
   * The cardholder's answer to the issuer's check of the top-up answered with `clientSecret`:
   * the same key sent again then credits it once (`succeed`) or is a decline (`fail`). False when
   * no top-up waits for that secret.
   */
  authenticatePayment(clientSecret: string, result: 'succeed' | 'fail'): boolean {
    for (const payment of this.authentications.values()) {
      if (payment.clientSecret === clientSecret && payment.result === 'waiting') {
        payment.result = result
        return true
      }
    }
    return false
  }

  /** Whether the top-up sent with `key` waits for the cardholder to authenticate. */
  awaitsAuthentication(key: string): boolean {
    return this.authentications.has(key)
  }

  // ----- plan migration -------------------------------------------------------------------

  /** What migrating would do; ALREADY_ON_PAYG on a PAYG account. */
  migrationPreview(): LedgerResult<{
    creditsRemaining: number
    convertedMicros: bigint
    balanceAfterMicros: bigint
    planMonthlyPrice: bigint
    last30Days: { credits: number; requests: number; paygMicros: bigint }
  }> {
    const plan = this.plan
    if (this.billingModel !== 'SUBSCRIPTION' || !plan) {
      return refuse('ALREADY_ON_PAYG', 'This account is already on pay-as-you-go billing.')
    }
    // The 30 UTC days ending today: the days of `GET /billing/usage`'s default.
    const since = startOfDay(this.now().getTime()) - 29 * DAY_MS
    // From the newest back to the first day: O(entries in those days), not the whole history.
    const recent: LedgerEntry[] = []
    const order = this.store.order()
    for (let position = order.length - 1; position >= 0; position--) {
      const seq = order.at(position)
      if (this.store.time(seq) < since) break
      if (this.store.unit(seq) === 'CREDITS') recent.push(this.entryAt(seq))
    }
    const usage = recent.filter((entry) => entry.type === 'USAGE')
    const refunded = new Set(
      recent.filter((entry) => entry.type === 'REFUND').map((entry) => entry.generationId),
    )
    const convertedMicros = parseMicros(migrationCredit(plan.creditsRemaining).amount)
    return {
      ok: true,
      value: {
        creditsRemaining: plan.creditsRemaining,
        convertedMicros,
        balanceAfterMicros: this.balance + convertedMicros,
        planMonthlyPrice: plan.monthlyPrice,
        last30Days: {
          credits: Number(recent.reduce((sum, entry) => sum - entry.amount, 0n)),
          requests: usage.length,
          paygMicros: usage
            .filter((entry) => !refunded.has(entry.generationId))
            .reduce(
              (sum, entry) => sum + (this.paygMicrosById.get(entry.generationId ?? '') ?? 0n),
              0n,
            ),
        },
      },
    }
  }

  /**
   * Cancels the legacy plan: its remaining credits become dollars by core's `migrationCredit` (one
   * MIGRATION_CREDIT entry), the account moves to PAYG, and custom pricing is left unchanged.
   */
  migrate(): LedgerResult<{ transaction: LedgerEntry }> {
    const plan = this.plan
    if (this.billingModel !== 'SUBSCRIPTION' || !plan) {
      return refuse('ALREADY_ON_PAYG', 'This account is already on pay-as-you-go billing.')
    }
    const credits = plan.creditsRemaining
    const transaction = this.write(
      'MIGRATION_CREDIT',
      parseMicros(migrationCredit(credits).amount),
      `${credits.toLocaleString('en-US')} plan credits converted from ${plan.name}`,
    )
    this.billingModel = 'PAYG'
    this.plan = null
    this.migratedAt = this.now()
    this.runAutoTopUp()
    return { ok: true, value: { transaction } }
  }

  // ----- test and story controls ----------------------------------------------------------

  /**
   * Appends a long seeded history in one pass, for benchmarks and stories: `count` dollar USAGE
   * entries drawn from typical requests, spread evenly over the `days` days before now, oldest
   * first, with a manual $25 top-up (a TOP_UP entry) whenever the balance cannot cover the next
   * one. Auto top-up does not run. Best on an account whose entries are all older than that.
   */
  appendHistory(count: number, days: number): void {
    if (!Number.isInteger(count) || count < 0 || !(days > 0)) {
      throw new RangeError('[@payg-kit/msw] appendHistory needs a whole count >= 0 and days > 0.')
    }
    if (this.billingModel !== 'PAYG') {
      throw new Error('[@payg-kit/msw] appendHistory writes dollar history on a PAYG account.')
    }
    const requests = HISTORY_REQUESTS.map((request) => {
      const priced = request()
      return { priced, micros: this.priceFor(priced).micros }
    })
    const end = this.now().getTime()
    const start = end - days * DAY_MS
    const step = (days * DAY_MS) / Math.max(1, count)
    const topUp = dollarsToMicros(25)
    try {
      for (let i = 0; i < count; i++) {
        this.frozenAt = new Date(start + Math.floor(i * step))
        const { priced, micros } = requests[this.random.int(0, requests.length - 1)] as {
          priced: PricedRequest
          micros: bigint
        }
        while (this.balance < micros) {
          const record = this.recordTopUp(topUp, 'MANUAL', 'SUCCEEDED')
          this.write('TOP_UP', record.amount, 'Manual top-up', { topUpId: record.id })
        }
        this.write('USAGE', -micros, priced.description, {
          service: priced.service,
          generationId: this.random.uuid(),
        })
      }
    } finally {
      this.frozenAt = null
    }
  }

  /** Sets the dollar balance by writing one ADJUSTMENT entry for the difference. */
  setBalance(dollars: string | number, description = 'Balance adjustment'): void {
    const target = parseMicros(dollars)
    if (target !== this.balance) this.write('ADJUSTMENT', target - this.balance, description)
  }

  /** Sets the legacy plan's remaining credits. */
  setCredits(credits: number): void {
    if (!this.plan) throw new Error('[@payg-kit/msw] setCredits needs an account on a legacy plan.')
    this.plan.creditsRemaining = credits
    this.updatedAt = this.now()
  }

  /** Looks up an idempotency key: replay, conflict, or run `execute` and keep its answer. */
  idempotent(
    key: string,
    fingerprint: string,
    execute: () => StoredResponse & { store: boolean },
  ): { kind: 'replay' | 'fresh'; response: StoredResponse } | { kind: 'conflict' } {
    const stored = this.idempotencyStore.get(key)
    if (stored) {
      return stored.fingerprint === fingerprint
        ? { kind: 'replay', response: stored.response }
        : { kind: 'conflict' }
    }
    const { store, ...response } = execute()
    if (store) this.idempotencyStore.set(key, { fingerprint, response })
    return { kind: 'fresh', response }
  }

  // ----- internals ------------------------------------------------------------------------

  private write(
    type: TransactionType,
    amount: bigint,
    description: string,
    refs: {
      service?: PricingService | null
      generationId?: string | null
      topUpId?: string | null
    } = {},
  ): LedgerEntry {
    const balanceAfter = this.balance + amount
    if (balanceAfter < 0n)
      throw new Error('[@payg-kit/msw] ledger invariant: the balance went negative.')
    const entry: LedgerEntry = {
      id: this.random.id('tx'),
      type,
      unit: 'DOLLARS',
      amount,
      balanceAfter,
      description,
      service: refs.service ?? null,
      generationId: refs.generationId ?? null,
      topUpId: refs.topUpId ?? null,
      createdAt: this.now(),
    }
    this.store.append(entry.id, entry)
    this.lastDollarTime = entry.createdAt.getTime()
    this.current = balanceAfter
    this.updatedAt = entry.createdAt
    return entry
  }

  /** Writes a legacy plan's credit entry; `plan.creditsRemaining` is already what it leaves. */
  private writeCredits(
    type: 'USAGE' | 'REFUND',
    credits: number,
    description: string,
    refs: { service: PricingService | null; generationId: string },
  ): LedgerEntry {
    const entry: LedgerEntry = {
      id: this.random.id('tx'),
      type,
      unit: 'CREDITS',
      amount: BigInt(credits),
      balanceAfter: BigInt(this.plan?.creditsRemaining ?? 0),
      description,
      service: refs.service,
      generationId: refs.generationId,
      topUpId: null,
      createdAt: this.now(),
    }
    this.store.append(entry.id, entry)
    this.updatedAt = entry.createdAt
    return entry
  }

  private recordTopUp(
    amount: bigint,
    kind: TopUpRecord['kind'],
    status: TopUpRecord['status'],
  ): TopUpRecord {
    const topUp: TopUpRecord = {
      id: this.random.id('tu'),
      amount,
      kind,
      status,
      paymentMethodId: this.paymentMethod?.id ?? null,
      createdAt: this.now(),
    }
    this.topUpList.push(topUp)
    if (kind === 'AUTOMATIC' && status === 'SUCCEEDED') {
      const month = monthOf(topUp.createdAt)
      this.automaticByMonth.set(month, (this.automaticByMonth.get(month) ?? 0n) + amount)
    }
    return topUp
  }

  /**
   * The auto top-up rule: while it is enabled and the balance is below its threshold, one
   * payment adds `amount` as many times as it takes to reach the threshold, k = ceil(gap /
   * amount), or fewer when the monthly cap (or the most one top-up may be) allows only fewer
   * whole multiples; none at all is CAP_REACHED. One card charge, one ledger entry, one step:
   * it runs after every charge, manual top-up, save, migration and move into a new month, and
   * concurrent requests never start two runs. Returns the attempt, or null when none was due.
   * The planning itself is `planAutoTopUp` from `@payg-kit/core/rules`, shared with the server.
   */
  runAutoTopUp(): AutoTopUpAttempt | null {
    if (this.billingModel !== 'PAYG') return null
    const settings = this.autoTopUp
    const plan = planAutoTopUp({
      balance: formatMicros(this.balance),
      settings,
      spentThisMonth: formatMicros(this.spentThisMonth()),
      limits: this.topUpLimits,
    })
    if (plan.action === 'NONE') return null
    const at = this.now()
    if (plan.action === 'CAP_REACHED') {
      return this.settle({
        at,
        status: 'CAP_REACHED',
        amount: parseMicros(plan.amount),
        topUpId: null,
        message: plan.message,
      })
    }
    const amount = parseMicros(plan.amount)
    const topUp = this.recordTopUp(
      amount,
      'AUTOMATIC',
      this.declines || this.asksAuthentication ? 'DECLINED' : 'SUCCEEDED',
    )
    if (topUp.status === 'DECLINED') {
      return this.settle({
        at,
        status: 'DECLINED',
        amount,
        topUpId: topUp.id,
        message: 'Your card was declined.',
      })
    }
    this.write('AUTO_TOP_UP', amount, plan.description, { topUpId: topUp.id })
    return this.settle({
      at,
      status: 'SUCCEEDED',
      amount,
      topUpId: topUp.id,
      message: plan.message,
    })
  }

  /** Records an automatic attempt: a decline counts (3 in a row turn it off), a success resets. */
  private settle(attempt: AutoTopUpAttempt): AutoTopUpAttempt {
    const settings = this.autoTopUp
    if (attempt.status === 'CAP_REACHED') {
      this.autoTopUp = { ...settings, lastAttempt: attempt }
    } else if (attempt.status === 'DECLINED') {
      const { consecutiveFailures: failures, turnOff } = afterAutoTopUpDecline(
        settings.consecutiveFailures,
      )
      if (turnOff) this.declinedCardId = this.paymentMethod?.id ?? null
      this.autoTopUp = {
        ...settings,
        consecutiveFailures: failures,
        enabled: turnOff ? false : settings.enabled,
        disabledReason: turnOff ? 'PAYMENT_DECLINED' : settings.disabledReason,
        lastAttempt: attempt,
      }
    } else {
      this.autoTopUp = { ...settings, consecutiveFailures: 0, lastAttempt: attempt }
    }
    return attempt
  }

  /** Why `amount` is outside the top-up policy's bounds (TOO_SMALL, TOO_LARGE), or null. */
  checkAmount(field: string, amount: number): LedgerError | null {
    const problem = checkTopUpAmount(field, amount, this.topUpLimits)
    if (!problem) return null
    return {
      code: 'VALIDATION_FAILED',
      message: TOP_UP_RANGE_MESSAGE,
      details: topUpRangeDetails(this.topUpLimits),
      fieldErrors: [problem],
    }
  }

  private at<T>(date: Date, run: () => T): T {
    this.frozenAt = date
    try {
      return run()
    } finally {
      this.frozenAt = null
    }
  }

  /** Builds the account of a scenario, with a seeded history that ends now. */
  private load(setup: AccountSetup): void {
    const now = this.now().getTime()
    this.userId = this.random.uuid()
    this.username = setup.username ?? 'payg-demo'
    this.billingModel = setup.billingModel ?? 'PAYG'
    this.customPricing = setup.customPricing ?? false
    for (const [key, percent] of Object.entries(setup.discounts ?? {})) {
      this.setDiscount(key as PricingKey, percent ?? 0)
    }
    this.paymentMethod =
      setup.paymentMethod === undefined ? { ...DEFAULT_PAYMENT_METHOD } : setup.paymentMethod
    this.lowBalanceThreshold = setup.lowBalanceThreshold ?? null
    if (setup.plan) {
      const renewalDate = new Date(now + setup.plan.renewsInDays * DAY_MS)
      this.plan = {
        name: setup.plan.name,
        monthlyPrice: parseMicros(setup.plan.monthlyPrice),
        creditsPerMonth: setup.plan.creditsPerMonth,
        creditsRemaining: setup.plan.creditsRemaining,
        renewalDate,
        renewalDay: renewalDate.getUTCDate(),
      }
    }
    const onPlan = this.billingModel === 'SUBSCRIPTION'
    if (setup.autoTopUp) {
      // Set before the history, so that its charges trigger automatic top-ups as live ones do.
      this.autoTopUp = {
        ...emptyAutoTopUp(),
        enabled: setup.autoTopUp.enabled,
        threshold: setup.autoTopUp.threshold,
        amount: setup.autoTopUp.amount,
        monthlyCap: setup.autoTopUp.monthlyCap ?? null,
        disabledReason: setup.autoTopUp.disabledReason ?? (setup.autoTopUp.enabled ? null : 'USER'),
      }
    }

    type Event = { time: number; run: () => void }
    const events: Event[] = []
    const createdAt = now - (setup.createdDaysAgo ?? 30) * DAY_MS
    const freeCredit = setup.freeCredit ?? (onPlan ? 0 : 5)
    if (freeCredit > 0) {
      events.push({
        time: createdAt,
        run: () =>
          this.write(
            'FREE_CREDIT',
            dollarsToMicros(freeCredit),
            'Free credit for new API accounts',
          ),
      })
    }
    for (const past of setup.topUps ?? []) {
      events.push({
        time: placeInPast(now, past),
        run: () => {
          const topUp = this.recordTopUp(
            dollarsToMicros(past.amount),
            past.kind ?? 'MANUAL',
            past.status ?? 'SUCCEEDED',
          )
          if (topUp.status === 'SUCCEEDED') {
            const automatic = topUp.kind === 'AUTOMATIC'
            this.write(
              automatic ? 'AUTO_TOP_UP' : 'TOP_UP',
              topUp.amount,
              automatic ? 'Automatic top-up' : 'Manual top-up',
              {
                topUpId: topUp.id,
              },
            )
          }
        },
      })
    }
    const target = setup.balance === undefined ? null : parseMicros(setup.balance)
    const [fewest, most] = setup.usagePerDay ?? [2, 8]
    const usageDays = setup.usageDays ?? 0
    for (let day = usageDays; day >= 1; day--) {
      const count = this.random.int(fewest, most)
      for (let i = 0; i < count; i++) {
        const time = now - day * DAY_MS + this.random.int(0, DAY_MS - 60_000)
        const pick = HISTORY_REQUESTS[this.random.int(0, HISTORY_REQUESTS.length - 1)]
        if (!pick) continue
        const priced = pick()
        events.push({ time, run: () => this.historyCharge(priced, target) })
      }
    }
    events.sort((a, b) => a.time - b.time)
    for (const event of events) this.at(new Date(event.time), event.run)

    if (target !== null && this.balance !== target) {
      if (this.balance < target) {
        throw new Error(
          `[@payg-kit/msw] scenario balance ${setup.balance} is more than its history adds up to.`,
        )
      }
      // The last of the history: whatever the target leaves, as one charge just after the rest.
      const last = this.lastDollarTime ?? now - 3_600_000
      this.at(new Date(Math.min(last + 1000, now)), () =>
        this.write(
          'USAGE',
          target - this.balance,
          'Image generation, 4 images at 1024x1024 with Alchemy',
          {
            service: 'IMAGE_GENERATION',
            generationId: this.random.uuid(),
          },
        ),
      )
    }

    if (setup.autoTopUp) {
      // The last attempt and the run of declines are read from the history's top-ups.
      const automatic = this.topUpList.filter((topUp) => topUp.kind === 'AUTOMATIC')
      const last = automatic.at(-1)
      let failures = 0
      for (let i = automatic.length - 1; i >= 0 && automatic[i]?.status === 'DECLINED'; i--)
        failures++
      this.autoTopUp = {
        ...this.autoTopUp,
        consecutiveFailures: failures,
        lastAttempt: last
          ? {
              at: last.createdAt,
              status: last.status,
              amount: last.amount,
              topUpId: last.id,
              message: last.status === 'DECLINED' ? 'Your card was declined.' : null,
            }
          : null,
      }
      if (this.autoTopUp.disabledReason === 'PAYMENT_DECLINED') {
        this.declinedCardId = this.paymentMethod?.id ?? null
      }
    }
    if (this.plan) this.fillCreditsLeft(this.plan)
    this.declines = setup.cardDeclines ?? false
    const order = this.store.order()
    this.updatedAt =
      order.length > 0 ? new Date(this.store.time(order.at(order.length - 1))) : new Date(now)
  }

  /**
   * The plan credits left after each history charge: in the plan's current period counted back
   * from the credits left now, in earlier periods down from a full allowance at each renewal.
   * The renewals are the live ones' (`renewPlan`), counted back by the same month arithmetic.
   */
  private fillCreditsLeft(plan: PlanState): void {
    const store = this.store
    const count = store.unitSize('CREDITS')
    const seqOf = (index: number) => store.unitEntry('CREDITS', index)
    const renewedAt = (periodsAgo: number) =>
      shiftRenewalDate(plan.renewalDate, -periodsAgo, plan.renewalDay).getTime()
    const periodStart = renewedAt(1)
    let left = plan.creditsRemaining
    let i = count - 1
    for (; i >= 0; i--) {
      const seq = seqOf(i)
      if (store.time(seq) < periodStart) break
      store.setBalanceAfter(seq, BigInt(left))
      left -= Number(store.amount(seq))
    }
    let periodsAgo = 1
    while (i >= 0 && renewedAt(periodsAgo) > store.time(seqOf(0))) {
      periodsAgo++
    }
    let next = renewedAt(periodsAgo - 1)
    left = plan.creditsPerMonth
    for (let j = 0; j <= i; j++) {
      const seq = seqOf(j)
      while (store.time(seq) >= next) {
        periodsAgo--
        next = renewedAt(periodsAgo - 1)
        left = plan.creditsPerMonth
      }
      left += Number(store.amount(seq))
      store.setBalanceAfter(seq, BigInt(left))
    }
  }

  /** A history request: charged as a live one, skipped when it would go below the target. */
  private historyCharge(priced: PricedRequest, target: bigint | null): void {
    const generationId = this.random.uuid()
    if (this.billingModel === 'SUBSCRIPTION') {
      // The plan's credits left after each are set once the history is written (`creditsLeft`).
      this.writeCredits('USAGE', -Number(priced.credits), priced.description, {
        service: priced.service,
        generationId,
      })
      this.paygMicrosById.set(generationId, this.priceFor(priced).micros)
      return
    }
    const { micros } = this.priceFor(priced)
    if (this.balance - micros < (target ?? 0n)) return
    this.charge(priced, generationId)
  }
}

/** When a scenario's past event happened: `daysAgo` before now, or `monthsAgo` calendar months back (UTC). */
function placeInPast(now: number, past: { daysAgo?: number; monthsAgo?: number }): number {
  if (past.monthsAgo === undefined) return now - (past.daysAgo ?? 0) * DAY_MS
  if (!Number.isInteger(past.monthsAgo) || past.monthsAgo < 0) {
    throw new RangeError("[@payg-kit/msw] a scenario top-up's monthsAgo is a whole number >= 0.")
  }
  const today = new Date(now)
  const monthStart = Date.UTC(today.getUTCFullYear(), today.getUTCMonth())
  if (past.monthsAgo === 0) return monthStart + Math.floor((now - monthStart) / 2)
  return Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - past.monthsAgo, 15, 12)
}

/** The calendar month (UTC) of a date, e.g. `2026-12`. */
function monthOf(date: Date): string {
  return date.toISOString().slice(0, 7)
}

/** Midnight (UTC) of the day of `time`. */
function startOfDay(time: number): number {
  return time - (((time % DAY_MS) + DAY_MS) % DAY_MS)
}

function emptyAutoTopUp(): AutoTopUpState {
  return {
    enabled: false,
    threshold: null,
    amount: null,
    monthlyCap: null,
    consecutiveFailures: 0,
    disabledReason: null,
    lastAttempt: null,
  }
}

function refuse(
  code: ErrorCode,
  message: string,
  details?: Record<string, unknown>,
  fieldErrors?: FieldError[],
): { ok: false; error: LedgerError } {
  return {
    ok: false,
    error: {
      code,
      message,
      ...(details ? { details } : {}),
      ...(fieldErrors ? { fieldErrors } : {}),
    },
  }
}
