import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { checkLedger } from './checkLedger'
import { type BillingServer, createBillingServer } from './createBillingServer'
import type { Database } from './database'
import { migrate } from './migrate'
import { createFakePayments, type FakePayments, TEST_CARDS } from './payments'
import { accountId, databases, type Fleet } from './test/databases'

const PROCESSES = 50
const NOW = new Date('2026-03-14T12:00:00.000Z')

describe.each(databases)(
  'auto top-up under concurrent charges on $name',
  ({ name, fleet: openFleet }) => {
    let fleet: Fleet
    /** One billing server per simulated process, each on its own connection (on PostgreSQL). */
    let servers: BillingServer[]
    /** The payment provider every process talks to. */
    let payments: FakePayments

    beforeAll(async () => {
      fleet = await openFleet(PROCESSES, 1)
      await migrate(first())
      payments = createFakePayments()
      servers = fleet.members.map((database) =>
        createBillingServer({
          database,
          payments,
          now: () => NOW,
          authenticate: (request) => request.headers.get('x-account'),
        }),
      )
    })
    afterAll(async () => {
      await fleet?.close()
    })
    afterEach(async () => {
      expect(await checkLedger(first())).toEqual([])
    })

    function first(): Database {
      const database = fleet.members[0]
      if (!database) throw new Error('no database')
      return database
    }

    function server(i: number): BillingServer {
      return servers[i % servers.length] as BillingServer
    }

    async function enable(account: string, settings: Record<string, unknown>) {
      const response = await server(0)(
        new Request('http://billing.test/billing/auto-top-up', {
          method: 'PUT',
          headers: { 'x-account': account, 'content-type': 'application/json' },
          body: JSON.stringify({ enabled: true, ...settings }),
        }),
      )
      expect(response.status).toBe(200)
      return response.json()
    }

    function paymentId(payment: FakePayments['payments'][number] | undefined): string | undefined {
      return payment?.outcome.status === 'SUCCEEDED' ? payment.outcome.paymentId : undefined
    }

    /** What the database and the provider hold for the account, to compare with each other. */
    async function books(account: string) {
      const entries = await first().query<{ payment_id: string; amount: string }>(
        `SELECT payment_id, amount::text AS amount FROM payg_ledger
       WHERE account_id = $1 AND type = 'AUTO_TOP_UP' ORDER BY seq`,
        [account],
      )
      const attempts = await first().query<{ status: string; provider_key: string }>(
        'SELECT status, provider_key FROM payg_top_up_attempts WHERE account_id = $1',
        [account],
      )
      const paid = payments.payments.filter(
        (p) => p.accountId === account && p.outcome.status === 'SUCCEEDED',
      )
      return { entries, attempts, paid }
    }

    it('one crossing by 50 racing charges makes exactly one payment, credited once', async () => {
      const a = accountId()
      payments.setCard(a, TEST_CARDS.visa)
      await server(0).ledger.openAccount(a, { freeCredit: '100' })
      await enable(a, { threshold: 50, amount: 100 })
      await Promise.all(fleet.members.map((database) => database.query('SELECT 1')))
      expect(await fleet.connections()).toBeGreaterThanOrEqual(
        name === 'PostgreSQL' ? PROCESSES : 1,
      )
      // 50 charges of $1.50 from 50 processes at once: the 34th crosses below $50.
      const charged = await Promise.all(
        Array.from({ length: PROCESSES }, (_, i) => server(i).ledger.charge(a, '1.5', `job-${i}`)),
      )
      expect(charged.filter((c) => !c.replayed)).toHaveLength(PROCESSES)
      const { entries, attempts, paid } = await books(a)
      expect(paid.map((p) => p.amount)).toEqual(['100'])
      expect(entries).toEqual([{ payment_id: paymentId(paid[0]), amount: '100' }])
      expect(attempts).toMatchObject([{ status: 'SUCCEEDED' }])
      // Every provider call for it carried the attempt's one key.
      expect(
        new Set(payments.payments.filter((p) => p.accountId === a).map((p) => p.idempotencyKey))
          .size,
      ).toBe(1)
      expect((await server(0).ledger.balance(a)).amount).toBe('125')
    })

    it('many crossings under 100 racing charges: one payment each, never past the cap', async () => {
      const a = accountId()
      payments.setCard(a, TEST_CARDS.visa)
      await server(0).ledger.openAccount(a, { freeCredit: '60' })
      await enable(a, { threshold: 50, amount: 20, monthlyCap: 60 })
      const results = await Promise.allSettled(
        Array.from({ length: 2 * PROCESSES }, (_, i) => server(i).ledger.charge(a, '1', `c-${i}`)),
      )
      const done = results.filter((r) => r.status === 'fulfilled').length
      const refused = results.filter((r) => r.status === 'rejected')
      for (const r of refused) expect(r.reason).toMatchObject({ code: 'INSUFFICIENT_BALANCE' })
      const { entries, attempts, paid } = await books(a)
      const spent = paid.reduce((sum, p) => sum + Number(p.amount), 0)
      expect(paid.length).toBeGreaterThanOrEqual(1)
      expect(spent).toBeLessThanOrEqual(60)
      // One ledger entry per payment, one payment per attempt: nothing doubled, nothing lost.
      expect(entries.map((e) => e.payment_id).sort()).toEqual(paid.map(paymentId).sort())
      expect(attempts.filter((x) => x.status === 'SUCCEEDED')).toHaveLength(paid.length)
      expect(attempts.filter((x) => x.status === 'PENDING')).toEqual([])
      expect(new Set(attempts.map((x) => x.provider_key)).size).toBe(attempts.length)
      expect(Number((await server(0).ledger.balance(a)).amount)).toBe(60 + spent - done)
      const view = await (
        await server(7)(
          new Request('http://billing.test/billing/auto-top-up', { headers: { 'x-account': a } }),
        )
      ).json()
      expect(Number(view.spentThisMonth)).toBe(spent)
    })
  },
)
