import { DEFAULT_PAYMENT_METHOD, Ledger as MockLedger } from '@payg-kit/msw'
import { describe, expect, it } from 'vitest'
import { createFakePayments, TEST_CARDS } from './payments'
import { accountId, databases, migratedDatabase } from './test/databases'
import { closeBillingServers, serveBilling } from './test/http'

const START = new Date('2026-03-14T12:00:00.000Z')

/** One thing a user or the platform does; each is done to the mock and to the server. */
type Step =
  | { save: { enabled: boolean; threshold: number; amount: number; monthlyCap?: number | null } }
  | { spend: string }
  | { topUp: number }
  | { card: 'declines' | 'new' }
  | { disable: true }
  | { nextMonth: true }

const SCENARIOS: Record<string, Step[]> = {
  'k multiples, the monthly cap and a new month': [
    { save: { enabled: true, threshold: 100, amount: 30, monthlyCap: 70 } },
    { spend: '1' },
    { nextMonth: true },
    { spend: '50' },
    { topUp: 5 },
    { save: { enabled: true, threshold: 100, amount: 30, monthlyCap: null } },
    { spend: '0.25' },
  ],
  'three declines turn it off until the card changes': [
    { card: 'declines' },
    { save: { enabled: true, threshold: 50, amount: 20 } },
    { spend: '1' },
    { spend: '1' },
    { spend: '1' },
    { save: { enabled: true, threshold: 50, amount: 20 } },
    { card: 'new' },
    { save: { enabled: true, threshold: 50, amount: 20 } },
    { spend: '30' },
  ],
  'turned off, validation and the top-up maximum': [
    { save: { enabled: true, threshold: 10, amount: 50 } },
    { disable: true },
    { spend: '15' },
    { save: { enabled: true, threshold: 10, amount: 4 } },
    { save: { enabled: true, threshold: 10, amount: 50, monthlyCap: 40 } },
    { save: { enabled: true, threshold: 20_000, amount: 5000 } },
    { spend: '100' },
  ],
}

function dollars(micros: bigint): string {
  return String(Number(micros) / 1e6)
}

describe.each(databases)('the server follows the mock’s auto top-up on $name', ({ open }) => {
  const db = migratedDatabase(open, closeBillingServers)

  it.each(Object.entries(SCENARIOS))('%s', async (_name, steps) => {
    const clock = { now: START }
    const mock = new MockLedger({ now: () => clock.now }, { freeCredit: 20, createdDaysAgo: 0 })
    const a = accountId()
    const payments = createFakePayments()
    payments.setCard(a, TEST_CARDS.visa)
    const { billing, call } = await serveBilling(
      { ta: a },
      { database: db(), payments, now: () => clock.now, newAccountCredit: '20' },
    )
    await call('/billing/balance', 'ta')
    let n = 0

    async function onServer(step: Step): Promise<unknown> {
      const json = { 'content-type': 'application/json' }
      if ('save' in step) {
        const answer = await call('/billing/auto-top-up', 'ta', {
          method: 'PUT',
          body: JSON.stringify(step.save),
          headers: json,
        })
        if (answer.status !== 200) return { error: answer.body.code }
        const t = answer.body.triggeredTopUp
        return { triggered: t ? { amount: t.amount, status: t.status } : null }
      }
      if ('spend' in step) return billing.ledger.charge(a, step.spend, `job-${++n}`).then(() => 0)
      if ('topUp' in step) {
        const answer = await call('/billing/top-ups', 'ta', {
          method: 'POST',
          body: JSON.stringify({ amount: step.topUp }),
          headers: { ...json, 'idempotency-key': `top-up-${++n}` },
        })
        return answer.status
      }
      if ('card' in step) {
        payments.setCard(a, step.card === 'declines' ? TEST_CARDS.declined : TEST_CARDS.visa)
        return null
      }
      if ('disable' in step)
        return (await call('/billing/auto-top-up', 'ta', { method: 'DELETE' })).status
      await call('/billing/balance', 'ta') // the account's next request notices the month
      return null
    }

    function onMock(step: Step): unknown {
      if ('save' in step) {
        const result = mock.updateAutoTopUp(step.save)
        if (!result.ok) return { error: result.error.code }
        const t = result.value.triggeredTopUp
        return { triggered: t ? { amount: dollars(t.amount), status: t.status } : null }
      }
      if ('spend' in step) {
        // A charge: the balance goes down by the cost and the rule runs in the same step.
        mock.setBalance(dollars(mock.balance - BigInt(Math.round(Number(step.spend) * 1e6))))
        mock.runAutoTopUp()
        return 0
      }
      if ('topUp' in step) return mock.topUp(step.topUp).ok ? 201 : 402
      if ('card' in step) {
        if (step.card === 'new') mock.setPaymentMethod({ ...DEFAULT_PAYMENT_METHOD, id: 'pm_new' })
        mock.setCardDeclines(step.card === 'declines')
        return null
      }
      if ('disable' in step) {
        mock.disableAutoTopUp()
        return 200
      }
      mock.clockMoved()
      return null
    }

    function mockView() {
      const s = mock.autoTopUp
      return {
        balance: dollars(mock.balance),
        enabled: s.enabled,
        threshold: s.threshold,
        amount: s.amount,
        monthlyCap: s.monthlyCap,
        spentThisMonth: dollars(mock.spentThisMonth()),
        consecutiveFailures: s.consecutiveFailures,
        disabledReason: s.disabledReason,
        topUpLimits: { minimum: 5, maximum: 10_000 },
        lastAttempt: s.lastAttempt && {
          status: s.lastAttempt.status,
          amount: dollars(s.lastAttempt.amount),
          message: s.lastAttempt.message,
        },
      }
    }

    async function serverView() {
      const { lastAttempt, ...view } = (await call('/billing/auto-top-up', 'ta')).body
      return {
        balance: (await billing.ledger.balance(a)).amount,
        ...view,
        lastAttempt: lastAttempt && {
          status: lastAttempt.status,
          amount: lastAttempt.amount,
          message: lastAttempt.message,
        },
      }
    }

    expect(await serverView()).toEqual(mockView())
    for (const step of steps) {
      if ('nextMonth' in step) clock.now = new Date('2026-04-01T01:00:00.000Z')
      const fromServer = await onServer(step)
      expect({ step, answer: fromServer }).toEqual({ step, answer: onMock(step) })
      expect({ step, after: await serverView() }).toEqual({ step, after: mockView() })
    }
  })
})
