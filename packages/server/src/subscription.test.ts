import { describe, expect, it } from 'vitest'
import { checkLedger } from './checkLedger'
import type { Database } from './database'
import { createLedger } from './ledger'
import { MIGRATIONS, migrate } from './migrate'
import type { PricingOptions } from './routes/pricing'
import { accountId, databases, migratedDatabase } from './test/databases'
import { closeBillingServers, serveBilling } from './test/http'
import { STANDARD_PLAN } from './test/plans'

const NOW = new Date('2026-06-01T12:40:00.000Z')

/**
 * `database`, where a transaction that reads a plan without locking the account first (a read
 * that renews it) pauses `ms` after that read: the window in which a renewal made without the
 * plan row's lock would overwrite the charges made meanwhile.
 */
function pauseRenewingReads(database: Database, ms: number): Database {
  return {
    ...database,
    transaction: (work) =>
      database.transaction((tx) => {
        let charging = false
        return work({
          exec: (text) => tx.exec(text),
          async query<Row>(text: string, params?: readonly unknown[]) {
            const rows = await tx.query<Row>(text, params)
            if (/FROM payg_accounts .*FOR UPDATE/s.test(text)) charging = true
            else if (!charging && /^SELECT .* FROM payg_plans /s.test(text)) {
              await new Promise((resolve) => setTimeout(resolve, ms))
            }
            return rows
          },
        })
      }),
  }
}
const STANDARD = STANDARD_PLAN

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

  it('renews the credits once the renewal date passes: a full month, no roll-over, the next date', async () => {
    const { a, billing, call, clock } = await setup()
    await billing.ledger.setLegacyPlan(a, { ...STANDARD, creditsRemaining: 100 })
    const details = { paygCost: '0.048' }
    expect((await billing.ledger.chargeCredits(a, 40, 'june', details)).creditsRemaining).toBe(60)
    clock.now = new Date('2026-06-30T23:59:59.999Z')
    expect((await call('/billing/subscription', 'ta')).body.plan).toMatchObject({
      creditsRemaining: 60,
      renewalDate: '2026-07-01T00:00:00.000Z',
    })
    // At the date itself: the 60 left do not roll over.
    clock.now = new Date('2026-07-01T00:00:00.000Z')
    expect((await call('/billing/subscription', 'ta')).body.plan).toEqual({
      name: 'API Standard',
      monthlyPrice: '49',
      creditsPerMonth: 25_000,
      creditsRemaining: 25_000,
      renewalDate: '2026-08-01T00:00:00.000Z',
    })
    expect((await call('/billing/balance', 'ta')).body).toMatchObject({
      billingModel: 'SUBSCRIPTION',
      credits: 25_000,
      state: 'OK',
    })
    expect((await billing.ledger.chargeCredits(a, 40, 'july', details)).creditsRemaining).toBe(
      24_960,
    )
    // Months without a read pass at once, and the renewal is stored, not only answered.
    await billing.ledger.setLegacyPlan(a, { ...STANDARD, creditsRemaining: 3 })
    clock.now = new Date('2026-12-15T08:00:00.000Z')
    const stored = () =>
      db().query<{ credits_remaining: number; renewal_date: Date }>(
        'SELECT credits_remaining, renewal_date FROM payg_plans WHERE account_id = $1',
        [a],
      )
    expect((await stored())[0]?.credits_remaining).toBe(3)
    expect((await billing.ledger.plan(a)).plan).toMatchObject({
      creditsRemaining: 25_000,
      renewalDate: '2027-01-01T00:00:00.000Z',
    })
    expect((await stored())[0]).toEqual({
      credits_remaining: 25_000,
      renewal_date: new Date('2027-01-01T00:00:00.000Z'),
    })
    // The preview and the migration convert the renewed credits.
    await billing.ledger.setLegacyPlan(a, { ...STANDARD, creditsRemaining: 3 })
    clock.now = new Date('2026-07-02T00:00:00.000Z')
    expect((await call('/billing/subscription/migration-preview', 'ta')).body).toMatchObject({
      creditsRemaining: 25_000,
      convertedAmount: '30',
    })
    await billing.ledger.setLegacyPlan(a, { ...STANDARD, creditsRemaining: 3 })
    const moved = await billing.ledger.migrateToPayg(a)
    expect(moved.transaction).toMatchObject({
      amount: '30',
      description: '25,000 plan credits converted from API Standard',
    })
  })

  it('keeps a plan of the 31st on the 31st, through shorter months', async () => {
    const { a, billing, clock } = await setup()
    const read = async (at: string) => {
      clock.now = new Date(at)
      return (await billing.ledger.plan(a)).plan?.renewalDate
    }
    await billing.ledger.setLegacyPlan(a, { ...STANDARD, renewalDate: '2027-01-31T00:00:00Z' })
    expect(await read('2027-02-01T00:00:00Z')).toBe('2027-02-28T00:00:00.000Z')
    expect(await read('2027-03-01T00:00:00Z')).toBe('2027-03-31T00:00:00.000Z')
    expect(await read('2027-04-30T00:00:00Z')).toBe('2027-05-31T00:00:00.000Z')
    // A plan of the 31st put on it on a short month's last day names its day.
    await billing.ledger.setLegacyPlan(a, {
      ...STANDARD,
      renewalDate: '2027-06-30T00:00:00Z',
      renewalDay: 31,
    })
    expect(await read('2027-07-01T00:00:00Z')).toBe('2027-07-31T00:00:00.000Z')
    for (const renewalDay of [0, 32, 1.5, 15, 29]) {
      await expect(
        billing.ledger.setLegacyPlan(a, {
          ...STANDARD,
          renewalDate: '2027-06-30T00:00:00Z',
          renewalDay,
        }),
      ).rejects.toMatchObject({ status: 422, fieldErrors: [{ field: 'renewalDay' }] })
    }
  })

  it('renews once under racing reads and charges, each charge counted in its period', async () => {
    const a = accountId()
    const clock = { now: NOW }
    const { billing, call } = await serveBilling(
      { ta: a },
      { database: pauseRenewingReads(db(), 50), now: () => clock.now },
    )
    await billing.ledger.setLegacyPlan(a, { ...STANDARD, creditsRemaining: 1_000 })
    const details = { paygCost: '0.012' }
    await billing.ledger.chargeCredits(a, 10, 'before', details)
    clock.now = new Date('2026-07-01T00:01:00.000Z')
    // Reads that renew, charges and requests at once. On PostgreSQL they hold fewer connections
    // than the pool's 10, so that none waits for a connection rather than for a lock.
    const [reads, charges, subscription, balance] = await Promise.all([
      Promise.all(Array.from({ length: 3 }, () => billing.ledger.plan(a))),
      Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          billing.ledger.chargeCredits(a, 10, `after-${i}`, details),
        ),
      ),
      call('/billing/subscription', 'ta'),
      call('/billing/balance', 'ta'),
    ])
    for (const plan of [...reads.map((read) => read.plan), subscription.body.plan]) {
      expect(plan?.renewalDate).toBe('2026-08-01T00:00:00.000Z')
      expect(plan?.creditsRemaining).toBeGreaterThanOrEqual(24_950)
    }
    expect(balance.body.credits).toBeGreaterThanOrEqual(24_950)
    // Every charge took its credits from the renewed month, each from what the last one left:
    // a second renewal after one of them would have given its credits back.
    expect(charges.map((charge) => charge.creditsRemaining).sort((x, y) => x - y)).toEqual([
      24_950, 24_960, 24_970, 24_980, 24_990,
    ])
    expect((await billing.ledger.plan(a)).plan).toMatchObject({
      creditsRemaining: 24_950,
      renewalDate: '2026-08-01T00:00:00.000Z',
    })
    const usage = await db().query<{ idempotency_key: string; created_at: Date }>(
      'SELECT idempotency_key, created_at FROM payg_plan_usage WHERE account_id = $1 ORDER BY seq',
      [a],
    )
    expect(usage[0]).toEqual({ idempotency_key: 'before', created_at: NOW })
    expect(usage.slice(1).map((row) => row.created_at.toISOString())).toEqual(
      Array(5).fill('2026-07-01T00:01:00.000Z'),
    )
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

describe.each(databases)('the plans of an existing database on $name', ({ open }) => {
  it('renew on the day of their renewal date once migration 0008 adds the renewal day', async () => {
    const database = await open()
    try {
      await database.exec(
        'CREATE TABLE payg_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
      )
      for (const { name, sql } of MIGRATIONS.filter((migration) => migration.name < '0008')) {
        await database.exec(sql)
        await database.query('INSERT INTO payg_migrations (name) VALUES ($1)', [name])
      }
      const plans = { [accountId()]: '2027-01-31T00:00:00Z', [accountId()]: '2027-03-15T23:30:00Z' }
      for (const [id, renewalDate] of Object.entries(plans)) {
        await database.query(
          `INSERT INTO payg_accounts (id, balance, created_at) VALUES ($1, 0, $2::timestamptz)`,
          [id, NOW.toISOString()],
        )
        await database.query(
          `INSERT INTO payg_plans (account_id, name, monthly_price, credits_per_month, credits_remaining, renewal_date)
           VALUES ($1, 'API Standard', 49, 25000, 10, $2::timestamptz)`,
          [id, renewalDate],
        )
      }
      expect(await migrate(database)).toEqual(
        MIGRATIONS.filter((migration) => migration.name >= '0008').map(({ name }) => name),
      )
      const [first, second] = Object.keys(plans)
      const ledger = createLedger({ database, now: () => new Date('2027-04-01T00:00:00Z') })
      expect((await ledger.plan(first ?? '')).plan).toMatchObject({
        creditsRemaining: 25_000,
        renewalDate: '2027-04-30T00:00:00.000Z',
      })
      expect((await ledger.plan(second ?? '')).plan).toMatchObject({
        creditsRemaining: 25_000,
        renewalDate: '2027-04-15T23:30:00.000Z',
      })
      const days = await database.query<{ renewal_day: number }>(
        'SELECT renewal_day FROM payg_plans ORDER BY renewal_day',
      )
      expect(days).toEqual([{ renewal_day: 15 }, { renewal_day: 31 }])
    } finally {
      await database.close()
    }
  })
})
