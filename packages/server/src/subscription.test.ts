import { describe, expect, it } from 'vitest'
import { checkLedger } from './checkLedger'
import type { LegacyPlan } from './plans'
import type { PricingOptions } from './routes/pricing'
import { accountId, databases, migratedDatabase } from './test/databases'
import { closeBillingServers, serveBilling } from './test/http'

const NOW = new Date('2026-06-01T12:40:00.000Z')
const STANDARD: LegacyPlan = {
  name: 'API Standard',
  monthlyPrice: '49',
  creditsPerMonth: 25_000,
  creditsRemaining: 24_000,
  renewalDate: '2026-07-01T00:00:00.000Z',
}

describe.each(databases)('legacy plans and the move to PAYG on $name', ({ open }) => {
  const db = migratedDatabase(open, closeBillingServers)

  async function setup(customPricing = false) {
    const a = accountId()
    const b = accountId()
    const clock = { now: NOW }
    const pricing: PricingOptions = {
      catalog: () => ({ models: [], customPricing }),
      quote: () => ({ fieldErrors: [] }),
    }
    const served = await serveBilling(
      { ta: a, tb: b },
      { database: db(), now: () => clock.now, pricing, newAccountCredit: '5' },
    )
    const migrate = (token: string, key?: string) =>
      served.call('/billing/subscription/migrate', token, {
        method: 'POST',
        headers: key === undefined ? {} : { 'idempotency-key': key },
      })
    return { ...served, a, b, clock, migrate }
  }

  it('reports a legacy plan in the subscription and the balance, as the mock does', async () => {
    const { a, billing, call } = await setup(true)
    await billing.ledger.setLegacyPlan(a, STANDARD)
    expect((await call('/billing/subscription', 'ta')).body).toEqual({
      billingModel: 'SUBSCRIPTION',
      customPricing: true,
      plan: {
        name: 'API Standard',
        monthlyPrice: '49',
        creditsPerMonth: 25_000,
        creditsRemaining: 24_000,
        renewalDate: '2026-07-01T00:00:00.000Z',
      },
      migratedAt: null,
    })
    // Opened by the plan, without the new-account credit.
    expect((await call('/billing/balance', 'ta')).body).toEqual({
      balance: '0',
      currency: 'USD',
      billingModel: 'SUBSCRIPTION',
      credits: 24_000,
      state: 'OK',
      lowBalanceThreshold: null,
      autoTopUpEnabled: false,
      updatedAt: NOW.toISOString(),
    })
    await billing.ledger.setLegacyPlan(a, { ...STANDARD, creditsRemaining: 0 })
    expect((await call('/billing/balance', 'ta')).body).toMatchObject({
      credits: 0,
      state: 'PAUSED',
    })
    expect((await call('/billing/subscription', 'tb')).body).toEqual({
      billingModel: 'PAYG',
      customPricing: true,
      plan: null,
      migratedAt: null,
    })
  })

  it('takes plan credits once per key, refusing when too few are left', async () => {
    const { a, billing, clock } = await setup()
    await billing.ledger.setLegacyPlan(a, { ...STANDARD, creditsRemaining: 100 })
    const details = { paygCost: '0.048', service: 'IMAGE_GENERATION' }
    expect(await billing.ledger.chargeCredits(a, 40, 'job-1', details)).toEqual({
      creditsRemaining: 60,
      replayed: false,
    })
    expect(await billing.ledger.chargeCredits(a, 40, 'job-1', details)).toEqual({
      creditsRemaining: 60,
      replayed: true,
    })
    await expect(billing.ledger.chargeCredits(a, 41, 'job-1', details)).rejects.toMatchObject({
      code: 'IDEMPOTENCY_CONFLICT',
      status: 409,
    })
    await expect(billing.ledger.chargeCredits(a, 61, 'job-2', details)).rejects.toMatchObject({
      code: 'INSUFFICIENT_BALANCE',
      status: 402,
      details: { creditsRemaining: 60, creditsRequired: 61 },
    })
    await expect(billing.ledger.chargeCredits(a, 1, '.bad', details)).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      status: 400,
    })
    for (const bad of [0, 1.5, 2 ** 31]) {
      await expect(billing.ledger.chargeCredits(a, bad, 'job-3', details)).rejects.toMatchObject({
        status: 422,
        fieldErrors: [{ field: 'credits' }],
      })
    }
    await expect(
      billing.ledger.setLegacyPlan(a, { ...STANDARD, creditsRemaining: 2 ** 31 }),
    ).rejects.toMatchObject({ status: 422, fieldErrors: [{ field: 'creditsRemaining' }] })
    clock.now = new Date(NOW.getTime() - 31 * 86_400_000)
    await billing.ledger.chargeCredits(a, 10, 'job-old', { paygCost: '0.012' })
    clock.now = NOW
    expect((await billing.ledger.plan(a)).plan?.creditsRemaining).toBe(50)
    const payg = accountId()
    await billing.ledger.openAccount(payg)
    await expect(billing.ledger.chargeCredits(payg, 1, 'k', details)).rejects.toMatchObject({
      code: 'ALREADY_ON_PAYG',
    })
  })

  it('previews the conversion by the shared rule, with the last 30 days of plan usage', async () => {
    const { a, billing, call, clock } = await setup()
    await billing.ledger.setLegacyPlan(a, { ...STANDARD, creditsRemaining: 24_080 })
    await billing.ledger.grant(a, '1.5', 'promo')
    clock.now = new Date(NOW.getTime() - 31 * 86_400_000)
    await billing.ledger.chargeCredits(a, 20, 'old', { paygCost: '0.024' })
    clock.now = new Date(NOW.getTime() - 29 * 86_400_000)
    await billing.ledger.chargeCredits(a, 40, 'j1', { paygCost: '0.048' })
    clock.now = NOW
    await billing.ledger.chargeCredits(a, 20, 'j2', { paygCost: '0.0192' })
    const preview = await call('/billing/subscription/migration-preview', 'ta')
    expect(preview.status).toBe(200)
    expect(preview.body).toEqual({
      creditsRemaining: 24_000,
      dollarsPerCredit: '0.0012',
      convertedAmount: '28.8',
      balanceAfter: '30.3',
      planMonthlyPrice: '49',
      last30Days: { credits: 60, requests: 2, paygCost: '0.0672' },
    })
    expect(await call('/billing/subscription/migration-preview', 'tb')).toMatchObject({
      status: 409,
      body: {
        code: 'ALREADY_ON_PAYG',
        message: 'This account is already on pay-as-you-go billing.',
      },
    })
  })

  it('migrates once: one MIGRATION_CREDIT entry, a PAYG balance, then ALREADY_ON_PAYG', async () => {
    const { a, billing, call, migrate } = await setup()
    await billing.ledger.setLegacyPlan(a, STANDARD)
    const moved = await migrate('ta')
    expect(moved.status).toBe(200)
    expect(moved.headers.get('idempotent-replayed')).toBeNull()
    expect(moved.body).toEqual({
      subscription: {
        billingModel: 'PAYG',
        customPricing: false,
        plan: null,
        migratedAt: NOW.toISOString(),
      },
      balance: {
        balance: '28.8',
        currency: 'USD',
        billingModel: 'PAYG',
        credits: null,
        state: 'OK',
        lowBalanceThreshold: null,
        autoTopUpEnabled: false,
        updatedAt: NOW.toISOString(),
      },
      transaction: {
        id: expect.any(String),
        type: 'MIGRATION_CREDIT',
        amount: '28.8',
        balanceAfter: '28.8',
        description: '24,000 plan credits converted from API Standard',
        service: null,
        generationId: null,
        topUpId: null,
        createdAt: NOW.toISOString(),
      },
    })
    expect((await call('/billing/subscription', 'ta')).body).toEqual({
      billingModel: 'PAYG',
      customPricing: false,
      plan: null,
      migratedAt: NOW.toISOString(),
    })
    expect(await migrate('ta')).toMatchObject({ status: 409, body: { code: 'ALREADY_ON_PAYG' } })
    expect(await migrate('ta', '')).toMatchObject({ status: 409 })
    await expect(billing.ledger.setLegacyPlan(a, STANDARD)).rejects.toMatchObject({
      code: 'ALREADY_ON_PAYG',
    })
    const entries = (await billing.ledger.transactions(a, { type: 'MIGRATION_CREDIT' })).data
    expect(entries).toHaveLength(1)
    expect((await billing.ledger.balance(a)).amount).toBe('28.8')
  })

  it('replays a keyed migration, refuses a malformed key, and migrates once under a race', async () => {
    const { a, b, billing, migrate } = await setup()
    await billing.ledger.setLegacyPlan(a, STANDARD)
    await billing.ledger.setLegacyPlan(b, { ...STANDARD, creditsRemaining: 0 })
    expect(await migrate('ta', '.bad')).toMatchObject({
      status: 400,
      body: { code: 'BAD_REQUEST' },
    })
    const answers = await Promise.all(Array.from({ length: 8 }, () => migrate('ta', 'move-1')))
    expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(200))
    expect(new Set(answers.map((answer) => answer.body.transaction.id)).size).toBe(1)
    expect(answers.filter((answer) => answer.headers.get('idempotent-replayed'))).toHaveLength(7)
    const racing = await Promise.all(Array.from({ length: 8 }, () => migrate('tb')))
    expect(racing.map((answer) => answer.status).sort()).toEqual([200, ...Array(7).fill(409)])
    // A plan with no credits left still moves, as a zero entry.
    expect(racing.find((answer) => answer.status === 200)?.body.transaction).toMatchObject({
      amount: '0',
      description: '0 plan credits converted from API Standard',
    })
    expect((await billing.ledger.transactions(a, { type: 'MIGRATION_CREDIT' })).data).toHaveLength(
      1,
    )
    expect((await billing.ledger.balance(a)).amount).toBe('28.8')
    expect(await checkLedger(db())).toEqual([])
  })

  it("never reads or migrates another account's plan, whatever the request names", async () => {
    const { a, b, billing, call, migrate } = await setup()
    await billing.ledger.setLegacyPlan(a, STANDARD)
    expect(
      await call(`/billing/subscription/migration-preview?accountId=${a}`, 'tb'),
    ).toMatchObject({ status: 409 })
    expect((await call(`/billing/subscription?accountId=${a}`, 'tb')).body.plan).toBeNull()
    // B migrates with A's id in the query and a body: B has no plan, A's is untouched.
    const attempt = await call(`/billing/subscription/migrate?accountId=${a}`, 'tb', {
      method: 'POST',
      body: JSON.stringify({ accountId: a }),
      headers: { 'content-type': 'application/json', 'idempotency-key': 'shared' },
    })
    expect(attempt).toMatchObject({ status: 409, body: { code: 'ALREADY_ON_PAYG' } })
    expect((await migrate('ta', 'shared')).status).toBe(200)
    expect((await billing.ledger.balance(b)).amount).toBe('5')
    expect((await call('/billing/balance', 'tb')).body.billingModel).toBe('PAYG')
  })
})
