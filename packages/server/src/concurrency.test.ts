import { InsufficientBalanceError } from '@payg-kit/core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { checkLedger } from './checkLedger'
import { createLedger, type Ledger } from './ledger'
import { migrate } from './migrate'
import { accountId, databases, type Fleet } from './test/databases'

const PROCESSES = 50

describe.each(databases)('concurrent writes on $name', ({ name, fleet: openFleet }) => {
  let fleet: Fleet
  /** One ledger per simulated server process, each on its own connection (on PostgreSQL). */
  let ledgers: Ledger[]

  beforeAll(async () => {
    fleet = await openFleet(PROCESSES, 1)
    const [first] = fleet.members
    if (first) await migrate(first)
    ledgers = fleet.members.map((database) => createLedger({ database }))
  })
  afterAll(async () => {
    await fleet?.close()
  })
  afterEach(async () => {
    expect(await checkLedger(fleet.members[0] ?? never())).toEqual([])
  })

  function never(): never {
    throw new Error('no database')
  }

  function ledger(i: number): Ledger {
    return ledgers[i % ledgers.length] ?? never()
  }

  it('never overdraws: 100 racing charges of $0.25 on $10 make exactly 40 succeed', async () => {
    const a = accountId()
    await ledger(0).openAccount(a, { freeCredit: '10' })
    await Promise.all(fleet.members.map((database) => database.query('SELECT 1')))
    // On PostgreSQL, 50 processes each hold their own connection: the race is real.
    expect(await fleet.connections()).toBeGreaterThanOrEqual(name === 'PostgreSQL' ? PROCESSES : 1)
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) => ledger(i).charge(a, '0.25', `job-${i}`)),
    )
    const done = results.filter((r) => r.status === 'fulfilled')
    const refused = results.filter((r) => r.status === 'rejected')
    expect(done).toHaveLength(40)
    expect(refused).toHaveLength(60)
    for (const r of refused) expect(r.reason).toBeInstanceOf(InsufficientBalanceError)
    expect((await ledger(0).balance(a)).amount).toBe('0')
    const balances = done.map((r) => r.value.balance).sort((x, y) => Number(x) - Number(y))
    // Each success saw its own balance: 0, 0.25, ..., 9.75, every one once.
    expect(balances).toEqual(Array.from({ length: 40 }, (_, i) => String(i * 0.25)))
  })

  it('never doubles: one key sent from every process at once is charged once', async () => {
    const a = accountId()
    await ledger(0).openAccount(a, { freeCredit: '1' })
    const results = await Promise.all(
      Array.from({ length: PROCESSES }, (_, i) =>
        ledger(i).charge(a, '0.048', 'one-job', { generationId: 'g1' }),
      ),
    )
    expect(new Set(results.map((r) => r.transaction.id)).size).toBe(1)
    expect(results.filter((r) => !r.replayed)).toHaveLength(1)
    expect((await ledger(0).balance(a)).amount).toBe('0.952')
    expect((await ledger(0).transactions(a)).data).toHaveLength(2)
  })

  it('keeps every balance equal to its ledger under mixed writes on many accounts', async () => {
    const accounts = Array.from({ length: 5 }, accountId)
    await Promise.all(accounts.map((a, i) => ledger(i).openAccount(a, { freeCredit: '2' })))
    const charges = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) =>
        ledger(i).charge(accounts[i % 5] ?? never(), '0.1', `c-${i}`),
      ),
    )
    const grants = Array.from({ length: 25 }, (_, i) =>
      ledger(i + 7).grant(accounts[i % 5] ?? never(), '0.05', `g-${i}`),
    )
    const refunds = charges.flatMap((r, i) =>
      r.status === 'fulfilled' && i % 3 === 0
        ? [
            ledger(i + 3).refund(
              accounts[i % 5] ?? never(),
              { transactionId: r.value.transaction.id },
              `r-${i}`,
            ),
          ]
        : [],
    )
    const settled = await Promise.allSettled([...grants, ...refunds])
    expect(settled.filter((r) => r.status === 'rejected')).toEqual([])
    for (const a of accounts) {
      const balance = await ledger(0).balance(a)
      const sum = (await ledger(0).transactions(a, { limit: 100 })).data.reduce(
        (total, t) => total + Math.round(Number(t.amount) * 1000),
        0,
      )
      expect(Math.round(Number(balance.amount) * 1000)).toBe(sum)
    }
  })
})
