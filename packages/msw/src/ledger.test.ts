import { type PricedRequest, priceCalculatorRequest, priceVariation } from '@payg-kit/core/rules'
import fc from 'fast-check'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_NOW as NOW } from '../../../test/clock'
import { createPaygMock } from './createPaygMock'
import { Ledger } from './ledger'
import { formatMicros, parseMicros } from './money'
import type { Schemas } from './types'

const imageRequest = fc
  .record({
    imageWidth: fc.integer({ min: 4, max: 128 }).map((n) => n * 8),
    imageHeight: fc.integer({ min: 4, max: 96 }).map((n) => n * 8),
    numImages: fc.integer({ min: 1, max: 4 }),
    alchemyMode: fc.boolean(),
    model: fc.constantFrom('isPhoenix', 'isFluxDev', 'isSDXL', 'isSDXLLightning', 'none'),
  })
  .map(({ model, ...params }): PricedRequest => {
    const outcome = priceCalculatorRequest({
      service: 'IMAGE_GENERATION',
      serviceParams: { IMAGE_GENERATION: model === 'none' ? params : { ...params, [model]: true } },
    })
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.fieldErrors))
    return outcome.value
  })

const priced = fc.oneof(
  imageRequest,
  fc.constantFrom(priceVariation('UPSCALE'), priceVariation('NOBG'), priceVariation('UNZOOM')),
)

type Operation =
  | { kind: 'charge'; request: PricedRequest }
  | { kind: 'topUp'; amount: number }
  | {
      kind: 'autoTopUp'
      enabled: boolean
      threshold: number
      amount: number
      monthlyCap: number | null
    }
  | { kind: 'declines'; on: boolean }
  | { kind: 'time'; days: number }

const operation: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 12, arbitrary: priced.map((request) => ({ kind: 'charge' as const, request })) },
  {
    weight: 3,
    arbitrary: fc
      .integer({ min: 0, max: 12_000 })
      .map((amount) => ({ kind: 'topUp' as const, amount })),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('autoTopUp' as const),
      enabled: fc.boolean(),
      threshold: fc.integer({ min: 1, max: 50 }),
      amount: fc.integer({ min: 1, max: 60 }),
      monthlyCap: fc.option(fc.integer({ min: 1, max: 200 }), { nil: null }),
    }),
  },
  { weight: 1, arbitrary: fc.boolean().map((on) => ({ kind: 'declines' as const, on })) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 0, max: 40 }).map((days) => ({ kind: 'time' as const, days })),
  },
)

/**
 * The auto top-up rule after a charge or a save: an enabled auto top-up is not left below its
 * threshold unless the cap or a decline stopped it, and the month's top-ups stay within the cap.
 */
function expectNeverIdle(ledger: Ledger, spentBefore: bigint) {
  const { enabled, threshold, monthlyCap, lastAttempt } = ledger.autoTopUp
  // (A cap lowered below what was already spent is not passed by this step's top-ups.)
  if (monthlyCap !== null && ledger.spentThisMonth() > spentBefore) {
    expect(ledger.spentThisMonth() <= BigInt(monthlyCap) * 1_000_000n).toBe(true)
  }
  if (!enabled || threshold === null || ledger.balance >= BigInt(threshold) * 1_000_000n) return
  // Left below only when the cap, the most one payment may be, or a decline stopped it.
  const unit = BigInt(ledger.autoTopUp.amount ?? 0) * 1_000_000n
  const capLeft =
    monthlyCap === null ? null : BigInt(monthlyCap) * 1_000_000n - ledger.spentThisMonth()
  const stopped =
    lastAttempt?.status === 'CAP_REACHED' ||
    lastAttempt?.status === 'DECLINED' ||
    (capLeft !== null && capLeft < unit) ||
    (lastAttempt?.amount ?? 0n) + unit > BigInt(ledger.topUpLimits.max) * 1_000_000n
  expect(stopped).toBe(true)
}

const RUNS = 120
const OPERATIONS_PER_RUN = 100

describe('the ledger (property)', () => {
  it(`keeps sum(entries) == balance and never goes negative over ${RUNS * OPERATIONS_PER_RUN} random operations`, () => {
    let executed = 0
    let charges = 0
    let topUps = 0
    fc.assert(
      fc.property(
        fc.array(operation, { minLength: OPERATIONS_PER_RUN, maxLength: OPERATIONS_PER_RUN }),
        fc.integer({ min: 0, max: 20 }),
        (operations, freeCredit) => {
          const ledger = new Ledger({ seed: 3, now: () => NOW }, { freeCredit, createdDaysAgo: 0 })
          for (const op of operations) {
            const balanceBefore = ledger.balance
            const spentBefore = ledger.spentThisMonth()
            const entriesBefore = ledger.entries.length
            executed++
            switch (op.kind) {
              case 'charge': {
                charges++
                const result = ledger.charge(op.request, `gen-${executed}`)
                const price = ledger.priceFor(op.request).micros
                if (!result.ok) {
                  // Refused: nothing deducted, nothing written.
                  expect(result.error.code).toBe('INSUFFICIENT_BALANCE')
                  expect(balanceBefore < price).toBe(true)
                  expect(ledger.balance).toBe(balanceBefore)
                  expect(ledger.entries.length).toBe(entriesBefore)
                } else {
                  const added = ledger.entries.slice(entriesBefore)
                  expect(added[0]?.amount).toBe(-price)
                  const automatic = added.filter((entry) => entry.type === 'AUTO_TOP_UP')
                  // At most one payment per step, of only the multiples of `amount` needed.
                  expect(automatic.length).toBeLessThanOrEqual(1)
                  if (automatic.length > 0) expect(result.value.autoTopUp).not.toBeNull()
                  const threshold = BigInt(ledger.autoTopUp.threshold ?? 0) * 1_000_000n
                  const unit = BigInt(ledger.autoTopUp.amount ?? 0) * 1_000_000n
                  for (const entry of automatic) {
                    expect(entry.amount % unit).toBe(0n)
                    expect(entry.balanceAfter - unit < threshold).toBe(true)
                  }
                  expectNeverIdle(ledger, spentBefore)
                }
                break
              }
              case 'topUp': {
                topUps++
                const result = ledger.topUp(op.amount)
                if (!result.ok) expect(ledger.balance).toBe(balanceBefore)
                else {
                  // The amount, plus the automatic top-up it may have run (one at most).
                  const automatic = ledger.entries
                    .slice(entriesBefore)
                    .filter((entry) => entry.type === 'AUTO_TOP_UP')
                  expect(automatic.length).toBeLessThanOrEqual(1)
                  const auto = automatic.reduce((sum, entry) => sum + entry.amount, 0n)
                  expect(ledger.balance - balanceBefore - auto).toBe(BigInt(op.amount) * 1_000_000n)
                  expectNeverIdle(ledger, spentBefore)
                }
                break
              }
              case 'autoTopUp':
                if (ledger.updateAutoTopUp(op).ok) expectNeverIdle(ledger, spentBefore)
                break
              case 'declines':
                ledger.setCardDeclines(op.on)
                break
              case 'time':
                ledger.advanceTime(op.days * 86_400_000)
                expectNeverIdle(ledger, spentBefore)
                break
            }
            expect(ledger.balance >= 0n).toBe(true)
          }
          let running = 0n
          for (const entry of ledger.entries) {
            running += entry.amount
            expect(entry.balanceAfter).toBe(running)
            expect(entry.balanceAfter >= 0n).toBe(true)
          }
          expect(running).toBe(ledger.balance)
          // The same holds for the decimal strings the API shows.
          const shown = ledger.entries.reduce(
            (sum, entry) => sum + parseMicros(formatMicros(entry.amount)),
            0n,
          )
          expect(formatMicros(shown)).toBe(formatMicros(ledger.balance))
        },
      ),
      { numRuns: RUNS, seed: 20250615 },
    )
    expect(executed).toBeGreaterThanOrEqual(10_000)
    expect(charges).toBeGreaterThan(5_000)
    expect(topUps).toBeGreaterThan(1_000)
  })
})

describe('the ledger over HTTP (property)', () => {
  const BASE = 'https://cloud.leonardo.ai/api/rest/v1'
  const mock = createPaygMock({ scenario: 'newAccount', now: () => NOW })
  const server = setupServer(...mock.handlers)
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterAll(() => server.close())

  it('the transactions the API lists add up to the balance it shows', async () => {
    let key = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc
              .record({ numImages: fc.integer({ min: 1, max: 4 }), alchemy: fc.boolean() })
              .map((body) => ({ kind: 'generate' as const, ...body })),
            fc.integer({ min: 1, max: 30 }).map((amount) => ({ kind: 'topUp' as const, amount })),
          ),
          { minLength: 10, maxLength: 20 },
        ),
        async (operations) => {
          mock.reset('newAccount')
          for (const op of operations) {
            if (op.kind === 'generate') {
              await fetch(`${BASE}/generations`, {
                method: 'POST',
                body: JSON.stringify({
                  prompt: 'p',
                  num_images: op.numImages,
                  alchemy: op.alchemy,
                  width: 1024,
                  height: 1024,
                }),
              })
            } else {
              await fetch(`${BASE}/billing/top-ups`, {
                method: 'POST',
                headers: { 'Idempotency-Key': `k${key++}` },
                body: JSON.stringify({ amount: op.amount }),
              })
            }
          }
          const list = (await (
            await fetch(`${BASE}/billing/transactions?limit=100`)
          ).json()) as Schemas['TransactionList']
          const balance = (await (
            await fetch(`${BASE}/billing/balance`)
          ).json()) as Schemas['Balance']
          const sum = list.data.reduce((total, entry) => total + parseMicros(entry.amount), 0n)
          expect(formatMicros(sum)).toBe(balance.balance)
          expect(list.data.every((entry) => !entry.balanceAfter.startsWith('-'))).toBe(true)
        },
      ),
      { numRuns: 25, seed: 7 },
    )
  })
})

describe('the ledger (rules)', () => {
  it('gives a new account free credit as a FREE_CREDIT entry', () => {
    const ledger = new Ledger({ now: () => NOW })
    expect(ledger.entries.map((entry) => [entry.type, formatMicros(entry.amount)])).toEqual([
      ['FREE_CREDIT', '5'],
    ])
  })

  it('refunds a charge once', () => {
    const ledger = new Ledger({ now: () => NOW })
    const request = priceVariation('UPSCALE')
    const charged = ledger.charge(request, 'job-1')
    expect(charged.ok).toBe(true)
    expect(ledger.refund('job-1').ok).toBe(true)
    expect(ledger.refund('job-1').ok).toBe(false)
    expect(formatMicros(ledger.balance)).toBe('5')
    expect(ledger.entries.map((entry) => entry.type)).toEqual(['FREE_CREDIT', 'USAGE', 'REFUND'])
  })

  it('keeps the monthly cap when an update leaves it out, and removes it only for null', () => {
    const ledger = new Ledger({ now: () => NOW })
    expect(
      ledger.updateAutoTopUp({ enabled: true, threshold: 1, amount: 10, monthlyCap: 100 }).ok,
    ).toBe(true)
    expect(ledger.updateAutoTopUp({ enabled: true, threshold: 2, amount: 20 }).ok).toBe(true)
    expect(ledger.autoTopUp).toMatchObject({ threshold: 2, amount: 20, monthlyCap: 100 })
    expect(ledger.updateAutoTopUp({ enabled: false, threshold: 2, amount: 20 }).ok).toBe(true)
    expect(ledger.autoTopUp.monthlyCap).toBe(100)
    expect(
      ledger.updateAutoTopUp({ enabled: true, threshold: 2, amount: 20, monthlyCap: null }).ok,
    ).toBe(true)
    expect(ledger.autoTopUp.monthlyCap).toBeNull()
  })

  it('removing the card turns auto top-up off with NO_PAYMENT_METHOD', () => {
    const ledger = new Ledger({ now: () => NOW })
    ledger.updateAutoTopUp({ enabled: true, threshold: 1, amount: 10 })
    ledger.setPaymentMethod(null)
    expect(ledger.autoTopUp).toMatchObject({ enabled: false, disabledReason: 'NO_PAYMENT_METHOD' })
  })

  it('is deterministic under a seed', () => {
    const setup = { usageDays: 10, topUps: [{ amount: 20, daysAgo: 12 }] }
    const a = new Ledger({ seed: 42, now: () => NOW }, setup)
    const b = new Ledger({ seed: 42, now: () => NOW }, setup)
    const c = new Ledger({ seed: 43, now: () => NOW }, setup)
    expect(a.entries).toEqual(b.entries)
    expect(a.entries).not.toEqual(c.entries)
  })

  it('rejects a top-up policy that is not whole dollars', () => {
    expect(() => new Ledger({ topUpLimits: { min: 0.5, max: 10 } })).toThrow(/whole dollars/)
  })
})
