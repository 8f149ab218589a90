import { readdir } from 'node:fs/promises'
import {
  IdempotencyConflictError,
  InsufficientBalanceError,
  NotFoundError,
  ValidationError,
} from '@payg-kit/core'
import { describe, expect, it } from 'vitest'
import { checkLedger } from './checkLedger'
import { createLedger, type LedgerOptions } from './ledger'
import { MIGRATIONS_DIR, migrate } from './migrate'
import { accountId, databases, migratedDatabase } from './test/databases'

const START = new Date('2026-03-01T12:00:00.000Z')
const HOUR = 60 * 60 * 1000

describe.each(databases)('ledger on $name', ({ open }) => {
  // One migrated database per suite; after every test each balance equals the sum of its entries.
  const db = migratedDatabase(open)

  function setup(options: Partial<LedgerOptions> = {}) {
    const clock = { now: new Date(START) }
    const ledger = createLedger({ database: db(), now: () => clock.now, ...options })
    return { ledger, clock }
  }

  async function entries(account: string) {
    return (await setup().ledger.transactions(account, { limit: 100 })).data
  }

  it('opens an account once, with its free credit as the first entry', async () => {
    const { ledger } = setup()
    const a = accountId()
    await ledger.openAccount(a, { freeCredit: '5' })
    await ledger.openAccount(a, { freeCredit: '5' })
    expect((await ledger.balance(a)).amount).toBe('5')
    const [entry, ...rest] = await entries(a)
    expect(rest).toEqual([])
    expect(entry).toMatchObject({ type: 'FREE_CREDIT', amount: '5', balanceAfter: '5' })
  })

  it('charges exactly, in decimal, and records each charge with the balance after it', async () => {
    const { ledger } = setup()
    const a = accountId()
    await ledger.openAccount(a, { freeCredit: '1' })
    await ledger.charge(a, '0.1', 'k1')
    const second = await ledger.charge(a, 0.2, 'k2', {
      description: '4 images',
      service: 'IMAGE_GENERATION',
      generationId: 'gen_1',
    })
    expect(second).toEqual({
      transaction: {
        id: expect.stringMatching(/^txn_/),
        type: 'USAGE',
        amount: '-0.2',
        balanceAfter: '0.7',
        description: '4 images',
        service: 'IMAGE_GENERATION',
        generationId: 'gen_1',
        topUpId: null,
        createdAt: START.toISOString(),
      },
      balance: '0.7',
      replayed: false,
    })
    expect((await ledger.balance(a)).amount).toBe('0.7')
    await ledger.charge(a, '0.0000001', 'k3')
    expect((await ledger.balance(a)).amount).toBe('0.6999999')
  })

  it('lets a charge take the balance to exactly zero', async () => {
    const { ledger } = setup()
    const a = accountId()
    await ledger.openAccount(a, { freeCredit: '0.048' })
    expect((await ledger.charge(a, '0.048', 'k')).balance).toBe('0')
  })

  it('refuses a charge it cannot cover with 402 and deducts nothing; the key stays usable', async () => {
    const { ledger } = setup()
    const a = accountId()
    await ledger.openAccount(a, { freeCredit: '0.012' })
    const refusal = await ledger.charge(a, '0.048', 'job-1').catch((error: unknown) => error)
    expect(refusal).toBeInstanceOf(InsufficientBalanceError)
    expect(refusal).toMatchObject({
      code: 'INSUFFICIENT_BALANCE',
      status: 402,
      details: { balance: '0.012', required: '0.048', currency: 'USD' },
    })
    expect((await ledger.balance(a)).amount).toBe('0.012')
    expect(await entries(a)).toHaveLength(1)
    // Nothing was written, so the same job may be retried once credit is added.
    await ledger.grant(a, '1', 'promo-1')
    expect((await ledger.charge(a, '0.048', 'job-1')).balance).toBe('0.964')
  })

  it('replays the same key and body, and answers another body with 409', async () => {
    const { ledger } = setup()
    const a = accountId()
    await ledger.openAccount(a, { freeCredit: '1' })
    const first = await ledger.charge(a, '0.25', 'job-7', { generationId: 'g7' })
    const again = await ledger.charge(a, '0.25', 'job-7', { generationId: 'g7' })
    expect(again).toEqual({ ...first, replayed: true })
    expect((await ledger.balance(a)).amount).toBe('0.75')

    const conflict = await ledger.charge(a, '0.5', 'job-7').catch((error: unknown) => error)
    expect(conflict).toBeInstanceOf(IdempotencyConflictError)
    expect(conflict).toMatchObject({ code: 'IDEMPOTENCY_CONFLICT', status: 409 })
    // The same key on another operation is another body too.
    await expect(ledger.grant(a, '0.25', 'job-7')).rejects.toBeInstanceOf(IdempotencyConflictError)
    expect(await entries(a)).toHaveLength(2)
    expect((await ledger.balance(a)).amount).toBe('0.75')
  })

  it('keeps keys per account: the same key on another account is its own write', async () => {
    const { ledger } = setup()
    const a = accountId()
    const b = accountId()
    await ledger.openAccount(a, { freeCredit: '1' })
    await ledger.openAccount(b, { freeCredit: '1' })
    const onA = await ledger.charge(a, '0.25', 'shared-key')
    const onB = await ledger.charge(b, '0.25', 'shared-key')
    expect(onB.replayed).toBe(false)
    expect(onB.transaction.id).not.toBe(onA.transaction.id)
    expect((await ledger.balance(b)).amount).toBe('0.75')
  })

  it('remembers a key for 24 hours by default, then forgets it', async () => {
    const { ledger, clock } = setup()
    const a = accountId()
    await ledger.openAccount(a, { freeCredit: '1' })
    const first = await ledger.charge(a, '0.1', 'daily')
    clock.now = new Date(START.getTime() + 24 * HOUR - 1)
    expect((await ledger.charge(a, '0.1', 'daily')).transaction.id).toBe(first.transaction.id)
    expect(await ledger.purgeExpiredKeys()).toBe(0)
    clock.now = new Date(START.getTime() + 24 * HOUR)
    const later = await ledger.charge(a, '0.1', 'daily')
    expect(later.replayed).toBe(false)
    expect(later.balance).toBe('0.8')
  })

  it('keeps keys as long as configured, and purges them after', async () => {
    const { ledger, clock } = setup({ idempotencyTtlMs: 72 * HOUR })
    const a = accountId()
    await ledger.openAccount(a, { freeCredit: '1' })
    await ledger.charge(a, '0.1', 'long-lived')
    clock.now = new Date(START.getTime() + 71 * HOUR)
    expect((await ledger.charge(a, '0.1', 'long-lived')).replayed).toBe(true)
    clock.now = new Date(START.getTime() + 72 * HOUR)
    expect(await ledger.purgeExpiredKeys()).toBeGreaterThanOrEqual(1)
    expect((await ledger.charge(a, '0.1', 'long-lived')).replayed).toBe(false)
    expect((await ledger.balance(a)).amount).toBe('0.8')
  })

  it('refunds what a charge took, in parts or whole, never more, never across accounts', async () => {
    const { ledger } = setup()
    const a = accountId()
    const b = accountId()
    await ledger.openAccount(a, { freeCredit: '1' })
    await ledger.openAccount(b, { freeCredit: '1' })
    const charge = await ledger.charge(a, '0.3', 'job', { generationId: 'g1' })
    const transactionId = charge.transaction.id

    await expect(ledger.refund(b, { transactionId }, 'steal')).rejects.toBeInstanceOf(NotFoundError)
    const part = await ledger.refund(a, { transactionId, amount: '0.1' }, 'r1')
    expect(part.transaction).toMatchObject({ type: 'REFUND', amount: '0.1', generationId: 'g1' })
    expect((await ledger.refund(a, { transactionId, amount: '0.1' }, 'r1')).replayed).toBe(true)
    const tooMuch = await ledger
      .refund(a, { transactionId, amount: '0.3' }, 'r2')
      .catch((error: unknown) => error)
    expect(tooMuch).toBeInstanceOf(ValidationError)
    expect(tooMuch).toMatchObject({ status: 422, fieldErrors: [{ field: 'amount' }] })
    const rest = await ledger.refund(a, { transactionId }, 'r3')
    expect(rest.transaction.amount).toBe('0.2')
    expect(rest.balance).toBe('1')
    await expect(ledger.refund(a, { transactionId }, 'r4')).rejects.toBeInstanceOf(ValidationError)
    expect((await ledger.balance(b)).amount).toBe('1')
  })

  it('grants credit and adjusts either way, never below zero', async () => {
    const { ledger } = setup()
    const a = accountId()
    await ledger.openAccount(a)
    expect(
      (await ledger.grant(a, '10', 'promo', { description: 'Launch promo' })).transaction,
    ).toMatchObject({ type: 'FREE_CREDIT', amount: '10', description: 'Launch promo' })
    const down = await ledger.adjust(a, '-2.5', 'adj-1', { description: 'Goodwill reversal' })
    expect(down.transaction).toMatchObject({
      type: 'ADJUSTMENT',
      amount: '-2.5',
      balanceAfter: '7.5',
    })
    await expect(
      ledger.adjust(a, '-7.51', 'adj-2', { description: 'Too much' }),
    ).rejects.toMatchObject({ status: 402, details: { balance: '7.5', required: '7.51' } })
    expect((await ledger.adjust(a, '0.5', 'adj-3', { description: 'Fix' })).balance).toBe('8')
  })

  it('rejects malformed keys, amounts and unknown accounts before writing anything', async () => {
    const { ledger } = setup()
    const a = accountId()
    await ledger.openAccount(a, { freeCredit: '1' })
    for (const key of ['', '.hidden', 'has space', 'x'.repeat(256)]) {
      await expect(ledger.charge(a, '0.1', key)).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        status: 400,
      })
    }
    for (const cost of ['0', '-1', 'abc', Number.NaN]) {
      await expect(ledger.charge(a, cost, 'k')).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        status: 422,
        fieldErrors: [{ field: 'cost' }],
      })
    }
    await expect(ledger.adjust(a, '0', 'k', { description: 'nothing' })).rejects.toBeInstanceOf(
      ValidationError,
    )
    await expect(ledger.charge(accountId(), '0.1', 'k')).rejects.toMatchObject({ status: 404 })
    expect(await entries(a)).toHaveLength(1)
  })

  it('refuses to update, delete or truncate ledger entries', async () => {
    const { ledger } = setup()
    const a = accountId()
    await ledger.openAccount(a, { freeCredit: '1' })
    await ledger.charge(a, '0.5', 'k')
    const before = await entries(a)
    await expect(
      db().query('UPDATE payg_ledger SET amount = 100 WHERE account_id = $1', [a]),
    ).rejects.toThrow(/append-only/)
    await expect(db().query('DELETE FROM payg_ledger WHERE account_id = $1', [a])).rejects.toThrow(
      /append-only/,
    )
    await expect(db().query('TRUNCATE payg_ledger CASCADE')).rejects.toThrow(/append-only/)
    expect(await entries(a)).toEqual(before)
  })

  it('the invariant query finds a balance that does not match its entries', async () => {
    const { ledger } = setup()
    const a = accountId()
    await ledger.openAccount(a, { freeCredit: '1' })
    const rollback = new Error('rollback')
    const found = await db()
      .transaction(async (tx) => {
        await tx.query('UPDATE payg_accounts SET balance = balance + 1 WHERE id = $1', [a])
        expect(await checkLedger(tx)).toEqual([
          { accountId: a, balance: '2', ledgerSum: '1', badEntries: 0 },
        ])
        throw rollback
      })
      .catch((error: unknown) => error)
    expect(found).toBe(rollback)
  })

  it('pages transactions newest first, scoped to the account', async () => {
    const { ledger } = setup()
    const a = accountId()
    const b = accountId()
    await ledger.openAccount(a, { freeCredit: '100' })
    await ledger.openAccount(b, { freeCredit: '100' })
    for (let i = 1; i <= 24; i++) await ledger.charge(a, `0.0${i % 10}1`, `k${i}`)
    await ledger.charge(b, '1', 'k1')
    const seen: string[] = []
    let cursor: string | null = null
    const sizes: number[] = []
    do {
      const page: Awaited<ReturnType<typeof ledger.transactions>> = await ledger.transactions(a, {
        cursor,
        limit: 10,
      })
      sizes.push(page.data.length)
      seen.push(...page.data.map((t) => t.balanceAfter))
      cursor = page.nextCursor
    } while (cursor)
    expect(sizes).toEqual([10, 10, 5])
    const all = await entries(a)
    expect(seen).toEqual(all.map((t) => t.balanceAfter))
    expect(all.at(-1)?.type).toBe('FREE_CREDIT')
    expect(all[0]?.balanceAfter).toBe((await ledger.balance(a)).amount)
    await expect(ledger.transactions(a, { cursor: 'nonsense!' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    })
    await expect(ledger.transactions(a, { limit: 101 })).rejects.toMatchObject({ status: 422 })
  })

  it('applies its migrations once, however often it is asked', async () => {
    await migrate(db())
    expect(await migrate(db())).toEqual([])
    const rows = await db().query<{ name: string }>('SELECT name FROM payg_migrations')
    const shipped = (await readdir(MIGRATIONS_DIR)).filter((name) => name.endsWith('.sql'))
    expect(rows.map((row) => row.name).sort()).toEqual(shipped.sort())
    expect(shipped).toContain('0001_ledger.sql')
  })
})
