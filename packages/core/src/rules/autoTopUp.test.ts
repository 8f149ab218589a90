import { describe, expect, it } from 'vitest'
import { usd } from '../money'
import {
  AUTO_TOP_UP_MAX_DECLINES,
  type AutoTopUpSettings,
  afterAutoTopUpDecline,
  planAutoTopUp,
} from './autoTopUp'

const on: AutoTopUpSettings = { enabled: true, threshold: 10, amount: 50, monthlyCap: null }
const limits = { max: 10_000 }

describe('planAutoTopUp', () => {
  it('charges nothing when off, never set, or at or above the threshold', () => {
    const plan = (settings: typeof on, balance: string) =>
      planAutoTopUp({ balance, settings, spentThisMonth: '0', limits })
    expect(plan({ ...on, enabled: false }, '1')).toEqual({ action: 'NONE', reason: 'DISABLED' })
    expect(plan({ ...on, threshold: null }, '1')).toEqual({ action: 'NONE', reason: 'NOT_SET' })
    expect(plan(on, '10')).toEqual({ action: 'NONE', reason: 'NOT_BELOW_THRESHOLD' })
    expect(plan(on, '10.0001')).toMatchObject({ action: 'NONE' })
  })

  it('adds the amount once when one is enough to reach the threshold', () => {
    expect(planAutoTopUp({ balance: '9.99', settings: on, spentThisMonth: '0', limits })).toEqual({
      action: 'CHARGE',
      amount: '50',
      times: 1,
      description: 'Automatic top-up (balance below $10)',
      shortBy: null,
      message: null,
    })
  })

  it('charges the smallest k x amount that reaches the threshold as one payment', () => {
    const settings = { ...on, threshold: 500, amount: 5 }
    const plan = planAutoTopUp({ balance: usd('10.03'), settings, spentThisMonth: '0', limits })
    expect(plan).toMatchObject({ action: 'CHARGE', amount: '490', times: 98, shortBy: null })
    expect(plan).toMatchObject({ description: 'Automatic top-up (balance below $500, 98 x $5)' })
    // An exact multiple needs no extra one: 10 + 98 x 5 = 500.
    expect(planAutoTopUp({ balance: '10', settings, spentThisMonth: '0', limits })).toMatchObject({
      amount: '490',
      times: 98,
    })
    expect(planAutoTopUp({ balance: '0', settings, spentThisMonth: '0', limits })).toMatchObject({
      amount: '500',
      times: 100,
    })
  })

  it('stays within what the monthly cap still allows, in whole multiples', () => {
    const settings = { ...on, threshold: 100, amount: 20, monthlyCap: 70 }
    expect(planAutoTopUp({ balance: '0', settings, spentThisMonth: '20', limits })).toEqual({
      action: 'CHARGE',
      amount: '40',
      times: 2,
      description: 'Automatic top-up (balance below $100, 2 x $20)',
      shortBy: 'MONTHLY_CAP',
      message: 'The monthly cap of $70 allowed only this much; the balance is still below $100.',
    })
    expect(planAutoTopUp({ balance: '90', settings, spentThisMonth: '20', limits })).toMatchObject({
      action: 'CHARGE',
      amount: '20',
      shortBy: null,
    })
  })

  it('is CAP_REACHED when the cap allows no whole multiple, even when spent passed the cap', () => {
    const settings = { ...on, monthlyCap: 120 }
    for (const spent of ['100', '120', '150']) {
      expect(planAutoTopUp({ balance: '1', settings, spentThisMonth: spent, limits })).toEqual({
        action: 'CAP_REACHED',
        amount: '50',
        message: 'The monthly cap of $120 for automatic top-ups is reached.',
      })
    }
  })

  it('charges at most the top-up policy maximum in one payment', () => {
    const settings = { ...on, threshold: 1000, amount: 300 }
    expect(
      planAutoTopUp({ balance: '0', settings, spentThisMonth: '0', limits: { max: 700 } }),
    ).toMatchObject({
      action: 'CHARGE',
      amount: '600',
      times: 2,
      shortBy: 'TOP_UP_MAX',
      message: 'One top-up adds at most $700; the balance is still below $1000.',
    })
  })

  it('keeps money exact with fractional balances', () => {
    const settings = { ...on, threshold: 1, amount: 1 }
    expect(
      planAutoTopUp({ balance: '0.999999', settings, spentThisMonth: '0', limits }),
    ).toMatchObject({ amount: '1', times: 1 })
    expect(
      planAutoTopUp({
        balance: '0.1',
        settings: { ...settings, threshold: 3 },
        spentThisMonth: '0.5',
        limits,
      }),
    ).toMatchObject({ amount: '3', times: 3 })
  })
})

describe('afterAutoTopUpDecline', () => {
  it('turns auto top-up off at the third decline in a row', () => {
    expect(AUTO_TOP_UP_MAX_DECLINES).toBe(3)
    expect(afterAutoTopUpDecline(0)).toEqual({ consecutiveFailures: 1, turnOff: false })
    expect(afterAutoTopUpDecline(1)).toEqual({ consecutiveFailures: 2, turnOff: false })
    expect(afterAutoTopUpDecline(2)).toEqual({ consecutiveFailures: 3, turnOff: true })
  })
})
