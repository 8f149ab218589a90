// Every scenario reads as one account across the billing endpoints: what the usage report counts
// is what the transactions list holds, in the same unit (plan credits on a legacy plan), and a
// legacy plan's migration preview reports the same requests and spend.
import {
  add,
  createPaygClient,
  type Money,
  money,
  multiply,
  type TransactionInfo,
  type UsageInfo,
} from '@payg-kit/core'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { TEST_NOW } from '../../../test/clock'
import { createPaygMock } from './createPaygMock'
import { SCENARIO_NAMES, type ScenarioName, scenarios } from './scenarios'
import { lightning4 } from './test/generations'

const mock = createPaygMock({ scenario: 'newAccount', seed: 5, now: TEST_NOW })
const server = setupServer(...mock.handlers)
const payg = createPaygClient({ apiKey: 'test-key', retry: { baseDelayMs: 1, maxDelayMs: 5 } })

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

/** The scenario's account without its network faults (rate limit, errors), which are not data. */
function load(name: ScenarioName) {
  mock.reset({ description: scenarios[name].description, account: scenarios[name].account })
}

async function allTransactions(): Promise<TransactionInfo[]> {
  const all: TransactionInfo[] = []
  for await (const page of payg.transactions({ limit: 100 })) all.push(...page.data)
  return all
}

/** The usage the transactions list holds for the report's days, in the report's unit. */
function usageOf(transactions: readonly TransactionInfo[], report: UsageInfo) {
  const days = new Map<string, { total: Money; requests: number }>()
  for (const bucket of report.buckets) {
    days.set(bucket.date, { total: money(0, report.unit), requests: 0 })
  }
  let total = money(0, report.unit)
  let requests = 0
  for (const entry of transactions) {
    if (entry.type !== 'USAGE' && entry.type !== 'REFUND') continue
    if (entry.unit !== report.unit) continue
    const day = days.get(entry.createdAt.slice(0, 10))
    if (!day) continue
    const spent = multiply(entry.amount as Money, -1)
    const counted = entry.type === 'USAGE' ? 1 : 0
    day.total = add(day.total, spent)
    day.requests += counted
    total = add(total, spent)
    requests += counted
  }
  return { days, total, requests }
}

async function expectConsistent(name: string) {
  const [report, transactions, balance] = await Promise.all([
    payg.getUsage({ days: 30 }),
    allTransactions(),
    payg.getBalance(),
  ])
  const billingUnit = balance.billingModel === 'SUBSCRIPTION' ? 'CREDITS' : 'USD'
  expect(report.unit, name).toBe(billingUnit)

  const held = usageOf(transactions, report)
  expect(report.total, name).toEqual(held.total)
  expect(
    report.buckets.reduce((sum, bucket) => sum + bucket.requests, 0),
    name,
  ).toBe(held.requests)
  for (const bucket of report.buckets) {
    const day = held.days.get(bucket.date)
    expect({ date: bucket.date, total: bucket.total, requests: bucket.requests }, name).toEqual({
      date: bucket.date,
      ...day,
    })
  }

  // The newest entry of the account's unit ends at what the balance says.
  const newest = transactions.find((entry) => entry.unit === billingUnit)
  if (billingUnit === 'CREDITS') {
    expect(newest?.balanceAfter ?? null, name).toEqual(balance.credits)
  } else if (newest) {
    expect(newest.balanceAfter, name).toEqual(balance.balance)
  }

  if (balance.billingModel === 'SUBSCRIPTION') {
    const preview = await payg.getMigrationPreview()
    expect(preview.last30Days.requests, name).toBe(held.requests)
    expect(preview.last30Days.credits, name).toEqual(held.total)
    expect(Number(preview.last30Days.paygCost.amount) > 0, name).toBe(held.requests > 0)
  } else {
    await expect(payg.getMigrationPreview(), name).rejects.toMatchObject({
      code: 'ALREADY_ON_PAYG',
    })
  }
  return { report, transactions, held }
}

describe('every scenario agrees with itself across usage, transactions and migration preview', () => {
  it.each(SCENARIO_NAMES)('%s', async (name) => {
    load(name)
    await expectConsistent(name)
  })

  it('a legacy plan has its usage in credits, in its history and its report', async () => {
    load('legacySubscription')
    const { report, transactions, held } = await expectConsistent('legacySubscription')
    expect(held.requests).toBeGreaterThan(50)
    expect(report.total.unit).toBe('CREDITS')
    const usage = transactions.filter((entry) => entry.type === 'USAGE')
    const inReport = usage.filter((entry) => entry.createdAt.slice(0, 10) >= report.from)
    expect(inReport.length).toBe(held.requests)
    expect(usage.every((entry) => entry.unit === 'CREDITS')).toBe(true)
    // The plan's credits left never exceed its monthly allowance.
    const plan = scenarios.legacySubscription.account.plan
    for (const entry of usage) {
      expect(Number(entry.balanceAfter.amount)).toBeLessThanOrEqual(plan?.creditsPerMonth ?? 0)
      expect(Number(entry.balanceAfter.amount)).toBeGreaterThanOrEqual(0)
    }
  })

  it('stays consistent after live charges and a refund on a legacy plan', async () => {
    load('legacySubscription')
    const before = await payg.getMigrationPreview()
    const job = await payg.createGeneration(lightning4)
    expect(job.cost).toEqual(money(40, 'CREDITS'))
    const refunded = await payg.createGeneration({
      prompt: 'a second lighthouse',
      modelId: 'b24e16ff-06e3-43eb-8d33-4416c2d75876',
      width: 1024,
      height: 1024,
      num_images: 4,
      alchemy: true,
    })
    mock.state.refund(refunded.generationId)
    const { transactions } = await expectConsistent('legacySubscription after charges')
    expect(transactions.slice(0, 3).map((entry) => [entry.type, entry.amount])).toEqual([
      ['REFUND', money(40, 'CREDITS')],
      ['USAGE', money(-40, 'CREDITS')],
      ['USAGE', money(-40, 'CREDITS')],
    ])
    expect(transactions[0]?.balanceAfter).toEqual(money(23_960, 'CREDITS'))
    const after = await payg.getMigrationPreview()
    expect(after.last30Days.requests).toBe(before.last30Days.requests + 2)
    expect(after.last30Days.credits).toEqual(add(before.last30Days.credits, money(40, 'CREDITS')))
  })

  it('after migrating, the old credit entries stay and new usage is in dollars', async () => {
    load('legacySubscription')
    await payg.migrateToPayg()
    await payg.createGeneration(lightning4)
    const { transactions, held } = await expectConsistent('legacySubscription migrated')
    expect(held.requests).toBe(1)
    expect(transactions[0]).toMatchObject({ type: 'USAGE', unit: 'USD' })
    expect(transactions[1]).toMatchObject({ type: 'MIGRATION_CREDIT', unit: 'USD' })
    expect(transactions.filter((entry) => entry.unit === 'CREDITS').length).toBeGreaterThan(50)
  })
})
