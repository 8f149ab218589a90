import { describe, expect, it } from 'vitest'
import { createAutoTopUpEngine } from './autoTopUp'
import { createLedgerEngine } from './ledger'
import { createFakePayments, type FakePayments, TEST_CARDS } from './payments'
import { accountId, databases, migratedDatabase } from './test/databases'
import { closeBillingServers, serveBilling } from './test/http'

const NOW = new Date('2026-03-14T12:00:00.000Z')

describe.each(databases)('/billing/auto-top-up on $name', ({ open }) => {
  // One migrated database per suite; after every test each balance equals the sum of its entries.
  const db = migratedDatabase(open, closeBillingServers)

  async function setup(
    card: string | null = TEST_CARDS.visa,
    extra: { topUpLimits?: { min: number; max: number } } = {},
  ) {
    const a = accountId()
    const payments = createFakePayments()
    payments.setCard(a, card)
    const clock = { now: NOW }
    const served = await serveBilling(
      { ta: a },
      {
        database: db(),
        payments,
        now: () => clock.now,
        newAccountCredit: '20',
        lowBalanceThreshold: 3,
        ...extra,
      },
    )
    const send = (method: string, body?: unknown, key?: string) =>
      served.call('/billing/auto-top-up', 'ta', {
        method,
        ...(body === undefined
          ? {}
          : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
        headers: {
          'content-type': 'application/json',
          ...(key ? { 'idempotency-key': key } : {}),
        },
      })
    const put = (body: unknown, key?: string) => send('PUT', body, key)
    const get = async () => (await send('GET')).body
    const balance = async () => (await served.call('/billing/balance', 'ta')).body
    let job = 0
    const charge = (cost: string) => served.billing.ledger.charge(a, cost, `job-${++job}`)
    const autoEntries = async () =>
      (await served.billing.ledger.transactions(a, { type: 'AUTO_TOP_UP', limit: 100 })).data
    await balance() // opens the account with $20
    return { ...served, a, clock, payments, put, get, send, balance, charge, autoEntries }
  }

  function succeeded(payments: FakePayments) {
    return payments.payments.filter((p) => p.outcome.status === 'SUCCEEDED')
  }

  it('reads never-set settings, and saves them above the threshold without charging', async () => {
    const { get, put, payments, balance } = await setup()
    expect(await get()).toEqual({
      enabled: false,
      threshold: null,
      amount: null,
      monthlyCap: null,
      spentThisMonth: '0',
      consecutiveFailures: 0,
      disabledReason: null,
      lastAttempt: null,
      topUpLimits: { minimum: 5, maximum: 10_000 },
    })
    const saved = await put({ enabled: true, threshold: 10, amount: 50, monthlyCap: 500 })
    expect(saved.status).toBe(200)
    expect(saved.body).toEqual({
      autoTopUp: {
        enabled: true,
        threshold: 10,
        amount: 50,
        monthlyCap: 500,
        spentThisMonth: '0',
        consecutiveFailures: 0,
        disabledReason: null,
        lastAttempt: null,
        topUpLimits: { minimum: 5, maximum: 10_000 },
      },
      balance: {
        balance: '20',
        currency: 'USD',
        billingModel: 'PAYG',
        credits: null,
        state: 'OK',
        lowBalanceThreshold: 10,
        autoTopUpEnabled: true,
        updatedAt: NOW.toISOString(),
      },
      triggeredTopUp: null,
    })
    expect(payments.payments).toEqual([])
    // The balance reports the auto top-up threshold as its low-balance level while it is on.
    expect(await balance()).toMatchObject({ autoTopUpEnabled: true, lowBalanceThreshold: 10 })
  })

  it('tops up at once when saved below the threshold: one payment of k x amount', async () => {
    const { a, put, payments, autoEntries, billing } = await setup()
    await billing.ledger.charge(a, '9.97', 'job-0') // $10.03 left
    const saved = await put({ enabled: true, threshold: 500, amount: 5 })
    expect(saved.status).toBe(200)
    expect(saved.body.triggeredTopUp).toEqual({
      id: expect.stringMatching(/^tu_/),
      amount: '490',
      kind: 'AUTOMATIC',
      status: 'SUCCEEDED',
      paymentMethodId: 'pm_card_4242',
      createdAt: NOW.toISOString(),
    })
    expect(saved.body.autoTopUp).toMatchObject({
      spentThisMonth: '490',
      lastAttempt: {
        at: NOW.toISOString(),
        status: 'SUCCEEDED',
        amount: '490',
        topUpId: saved.body.triggeredTopUp.id,
        message: null,
      },
    })
    expect(saved.body.balance).toMatchObject({ balance: '500.03', state: 'OK' })
    expect(payments.payments).toMatchObject([{ accountId: a, amount: '490' }])
    expect(await autoEntries()).toMatchObject([
      {
        type: 'AUTO_TOP_UP',
        amount: '490',
        balanceAfter: '500.03',
        topUpId: saved.body.triggeredTopUp.id,
        description: 'Automatic top-up (balance below $500, 98 x $5)',
      },
    ])
  })

  it('runs after a charge takes the balance below the threshold, and not above it', async () => {
    const { put, charge, payments, autoEntries, get } = await setup()
    await put({ enabled: true, threshold: 10, amount: 25 })
    await charge('10') // $10 left: not below
    expect(payments.payments).toEqual([])
    const written = await charge('0.5') // $9.50: below
    expect(written.balance).toBe('9.5')
    expect(await autoEntries()).toMatchObject([{ amount: '25', balanceAfter: '34.5' }])
    expect(await get()).toMatchObject({
      spentThisMonth: '25',
      lastAttempt: { status: 'SUCCEEDED' },
    })
    await charge('1')
    expect(succeeded(payments)).toHaveLength(1)
  })

  it('stays within the monthly cap, then reports CAP_REACHED and charges nothing', async () => {
    const { put, charge, payments, get, autoEntries } = await setup()
    await put({ enabled: true, threshold: 100, amount: 30, monthlyCap: 70 })
    // Saved at $20: k = 3 is needed, the cap allows 2 ($60).
    expect(await get()).toMatchObject({
      spentThisMonth: '60',
      lastAttempt: {
        status: 'SUCCEEDED',
        amount: '60',
        message: 'The monthly cap of $70 allowed only this much; the balance is still below $100.',
      },
    })
    await charge('1')
    expect(await get()).toMatchObject({
      spentThisMonth: '60',
      lastAttempt: {
        status: 'CAP_REACHED',
        amount: '30',
        topUpId: null,
        message: 'The monthly cap of $70 for automatic top-ups is reached.',
      },
    })
    expect(succeeded(payments).map((p) => p.amount)).toEqual(['60'])
    expect((await autoEntries()).map((t) => t.amount)).toEqual(['60'])
  })

  it('starts again when a new month (UTC) brings a fresh cap, on the next request', async () => {
    const { put, charge, get, clock, balance, payments } = await setup()
    await put({ enabled: true, threshold: 100, amount: 50, monthlyCap: 50 })
    await charge('1')
    expect(await get()).toMatchObject({
      spentThisMonth: '50',
      lastAttempt: { status: 'CAP_REACHED' },
    })
    clock.now = new Date('2026-04-01T00:00:00.000Z')
    expect(await balance()).toMatchObject({ balance: '119' })
    expect(await get()).toMatchObject({
      spentThisMonth: '50',
      lastAttempt: { status: 'SUCCEEDED' },
    })
    expect(succeeded(payments).map((p) => p.amount)).toEqual(['50', '50'])
  })

  it('runs after a manual top-up that leaves the balance below the threshold', async () => {
    const { put, call, payments } = await setup()
    await put({ enabled: false, threshold: 100, amount: 50 })
    await put({ enabled: true, threshold: 100, amount: 50, monthlyCap: 50 })
    // $20 + $50 (cap) = $70: still below; next month's cap is needed for more.
    const manual = await call('/billing/top-ups', 'ta', {
      method: 'POST',
      body: '{"amount":5}',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'manual-1' },
    })
    expect(manual.status).toBe(201)
    expect(succeeded(payments).map((p) => p.amount)).toEqual(['50', '5'])
    const raised = await put({ enabled: true, threshold: 100, amount: 50, monthlyCap: 100 })
    expect(raised.body.triggeredTopUp).toMatchObject({ amount: '50', status: 'SUCCEEDED' })
    const again = await call('/billing/top-ups', 'ta', {
      method: 'POST',
      body: '{"amount":5}',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'manual-2' },
    })
    expect(again.status).toBe(201)
    // $125 + $5 is above $100: the manual top-up started nothing.
    expect(succeeded(payments).map((p) => p.amount)).toEqual(['50', '5', '50', '5'])
  })

  it('turns itself off after three declines in a row, until the card is changed', async () => {
    const { a, put, charge, get, payments, balance } = await setup(TEST_CARDS.declined)
    const first = await put({ enabled: true, threshold: 50, amount: 20 })
    expect(first.status).toBe(200)
    expect(first.body.triggeredTopUp).toMatchObject({ amount: '40', status: 'DECLINED' })
    expect(first.body.autoTopUp).toMatchObject({
      enabled: true,
      consecutiveFailures: 1,
      lastAttempt: { status: 'DECLINED', amount: '40', message: 'Your card was declined.' },
    })
    expect(first.body.balance.balance).toBe('20')
    await charge('1')
    expect(await get()).toMatchObject({ enabled: true, consecutiveFailures: 2 })
    await charge('1')
    expect(await get()).toMatchObject({
      enabled: false,
      consecutiveFailures: 3,
      disabledReason: 'PAYMENT_DECLINED',
    })
    await charge('1')
    expect(payments.payments).toHaveLength(3)
    expect(await balance()).toMatchObject({ balance: '17', autoTopUpEnabled: false })
    expect(await put({ enabled: true, threshold: 50, amount: 20 })).toMatchObject({
      status: 402,
      body: { code: 'PAYMENT_DECLINED' },
    })
    payments.setCard(a, TEST_CARDS.visa)
    const fixed = await put({ enabled: true, threshold: 50, amount: 20 })
    expect(fixed.body.triggeredTopUp).toMatchObject({ amount: '40', status: 'SUCCEEDED' })
    expect(fixed.body.autoTopUp).toMatchObject({
      enabled: true,
      consecutiveFailures: 0,
      disabledReason: null,
    })
  })

  it('refuses to turn on without a card, and turns off when the card is gone', async () => {
    const { a, put, charge, get, payments } = await setup(null)
    expect(await put({ enabled: true, threshold: 10, amount: 20 })).toMatchObject({
      status: 402,
      body: {
        code: 'NO_PAYMENT_METHOD',
        message: 'Add a payment method before turning on auto top-up.',
      },
    })
    expect((await put({ enabled: false, threshold: 10, amount: 20 })).status).toBe(200)
    payments.setCard(a, TEST_CARDS.visa)
    expect((await put({ enabled: true, threshold: 10, amount: 20 })).status).toBe(200)
    payments.setCard(a, null)
    await charge('15')
    expect(await get()).toMatchObject({
      enabled: false,
      disabledReason: 'NO_PAYMENT_METHOD',
      lastAttempt: { status: 'DECLINED', amount: '20' },
    })
  })

  it('validates the settings as the spec says, before any payment', async () => {
    const { put, payments } = await setup()
    const cases: [unknown, { field: string; code: string }[]][] = [
      [{ enabled: true, threshold: 10, amount: 4 }, [{ field: 'amount', code: 'TOO_SMALL' }]],
      [{ enabled: true, threshold: 10, amount: 10_001 }, [{ field: 'amount', code: 'TOO_LARGE' }]],
      [
        { enabled: true, threshold: 10, amount: 50, monthlyCap: 40 },
        [{ field: 'monthlyCap', code: 'TOO_SMALL' }],
      ],
      [{ enabled: true, threshold: 0, amount: 50 }, [{ field: 'threshold', code: 'OUT_OF_RANGE' }]],
      [
        { enabled: true, threshold: 2 ** 31, amount: 50 },
        [{ field: 'threshold', code: 'OUT_OF_RANGE' }],
      ],
      [{ enabled: true, threshold: 10, amount: 5.5 }, [{ field: 'amount', code: 'INVALID_TYPE' }]],
      [{ enabled: 'yes', threshold: 10, amount: 50 }, [{ field: 'enabled', code: 'INVALID_TYPE' }]],
      [{ threshold: 10, amount: 50 }, [{ field: 'enabled', code: 'REQUIRED' }]],
      [
        { enabled: true, threshold: 10, amount: 50, accountId: 'x' },
        [{ field: 'accountId', code: 'UNKNOWN_FIELD' }],
      ],
      [
        [1],
        [
          { field: 'enabled', code: 'REQUIRED' },
          { field: 'threshold', code: 'REQUIRED' },
          { field: 'amount', code: 'REQUIRED' },
        ],
      ],
    ]
    for (const [body, fieldErrors] of cases) {
      const answer = await put(body)
      expect(answer.status).toBe(422)
      expect(answer.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        message: 'The auto top-up settings are invalid.',
      })
      expect(answer.body.fieldErrors.map((e: { field: string; code: string }) => e)).toEqual(
        fieldErrors.map((e) => expect.objectContaining(e)),
      )
    }
    expect(await put('{"enabled":')).toMatchObject({ status: 400, body: { code: 'BAD_REQUEST' } })
    expect(payments.payments).toEqual([])
  })

  it('keeps the saved cap when the body omits it, and removes it only for null', async () => {
    const { put, get } = await setup()
    await put({ enabled: false, threshold: 1, amount: 10, monthlyCap: 100 })
    await put({ enabled: false, threshold: 2, amount: 20 })
    expect(await get()).toMatchObject({ threshold: 2, amount: 20, monthlyCap: 100 })
    // The saved cap is checked too: $100 is below an amount of $150.
    expect(await put({ enabled: false, threshold: 2, amount: 150 })).toMatchObject({
      status: 422,
      body: { fieldErrors: [{ field: 'monthlyCap', code: 'TOO_SMALL' }] },
    })
    await put({ enabled: false, threshold: 2, amount: 20, monthlyCap: null })
    expect(await get()).toMatchObject({ monthlyCap: null })
  })

  it('turns off with DELETE, keeping the settings', async () => {
    const { send, put, charge, payments } = await setup()
    await put({ enabled: true, threshold: 10, amount: 50, monthlyCap: 500 })
    const off = await send('DELETE')
    expect(off.status).toBe(200)
    expect(off.body).toMatchObject({
      autoTopUp: {
        enabled: false,
        threshold: 10,
        amount: 50,
        monthlyCap: 500,
        disabledReason: 'USER',
      },
      balance: { autoTopUpEnabled: false, lowBalanceThreshold: 3 },
      triggeredTopUp: null,
    })
    await charge('15')
    expect(payments.payments).toEqual([])
    const { send: sendFresh } = await setup()
    expect((await sendFresh('DELETE')).body.autoTopUp).toMatchObject({
      enabled: false,
      threshold: null,
      disabledReason: 'USER',
    })
  })

  it('replays a save sent again with its Idempotency-Key, and refuses another body with 409', async () => {
    const { put, payments } = await setup()
    const body = { enabled: true, threshold: 30, amount: 20 }
    const first = await put(body, 'save-1')
    expect(first.body.triggeredTopUp).toMatchObject({ amount: '20' })
    const again = await put(body, 'save-1')
    expect(again.status).toBe(200)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(again.body).toEqual(first.body)
    expect(await put({ ...body, amount: 25 }, 'save-1')).toMatchObject({
      status: 409,
      body: { code: 'IDEMPOTENCY_CONFLICT' },
    })
    expect(await put(body, '.bad')).toMatchObject({ status: 400 })
    expect(payments.payments).toHaveLength(1)
  })
})

describe.each(databases)('the auto top-up engine on $name', ({ open }) => {
  const db = migratedDatabase(open)

  it('turns auto top-up off when the saved card is removed, and only an enabled one', async () => {
    const engine = createLedgerEngine({ database: db(), now: () => NOW })
    const autoTopUp = createAutoTopUpEngine({
      database: db(),
      engine,
      topUpLimits: { min: 5, max: 10_000 },
      leaseMs: 60_000,
    })
    const [on, off] = [accountId(), accountId()]
    for (const [id, enabled] of [
      [on, true],
      [off, false],
    ] as const) {
      await engine.ledger.openAccount(id, { freeCredit: '20' })
      await db().query(
        `INSERT INTO payg_auto_top_up (account_id, enabled, threshold, amount, disabled_reason, rule_month, updated_at)
         VALUES ($1, $2, 10, 50, $3, '2026-03', $4)`,
        [id, enabled, enabled ? null : 'USER', NOW.toISOString()],
      )
    }
    await autoTopUp.paymentMethodRemoved(on)
    await autoTopUp.paymentMethodRemoved(off)
    expect(await autoTopUp.view(on)).toMatchObject({
      enabled: false,
      disabledReason: 'NO_PAYMENT_METHOD',
      threshold: 10,
      amount: 50,
    })
    expect(await autoTopUp.view(off)).toMatchObject({ enabled: false, disabledReason: 'USER' })
  })
})
