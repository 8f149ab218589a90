import { describe, expect, it } from 'vitest'
import { MalformedResponseError } from './errors'
import { type CostCarrier, normalizeCost } from './normalizeCost'

describe('normalizeCost', () => {
  it('reads the cost object first', () => {
    expect(
      normalizeCost({ cost: { amount: '0.024', unit: 'DOLLARS' }, apiCreditCost: 12 }),
    ).toEqual({
      amount: '0.024',
      unit: 'USD',
    })
    expect(normalizeCost({ cost: { amount: '63', unit: 'CREDITS' }, apiCreditCost: 12 })).toEqual({
      amount: '63',
      unit: 'CREDITS',
    })
  })

  it('falls back to apiCreditCost as credits', () => {
    expect(normalizeCost({ apiCreditCost: 24 })).toEqual({ amount: '24', unit: 'CREDITS' })
    expect(normalizeCost({ cost: null, apiCreditCost: 0 })).toEqual({
      amount: '0',
      unit: 'CREDITS',
    })
  })

  it('refuses a job without any cost, an unknown unit or a negative amount, as malformed', () => {
    for (const [job, field] of [
      [{ apiCreditCost: null }, 'cost'],
      [{}, 'cost'],
      [{ cost: { amount: '1', unit: 'EUROS' as 'DOLLARS' } }, 'cost.unit'],
      [{ cost: { amount: 'one', unit: 'DOLLARS' } }, 'cost.amount'],
      [{ cost: { amount: '-0.024', unit: 'DOLLARS' } }, 'cost.amount'],
      [{ apiCreditCost: -5 }, 'apiCreditCost'],
    ] as const) {
      let thrown: unknown
      try {
        normalizeCost(job as CostCarrier)
      } catch (error) {
        thrown = error
      }
      expect(thrown).toBeInstanceOf(MalformedResponseError)
      expect((thrown as MalformedResponseError).details).toMatchObject({
        operation: 'normalizeCost',
        field,
      })
    }
    expect(() => normalizeCost({})).toThrow(/neither `cost` nor `apiCreditCost`/)
    expect(() => normalizeCost({ cost: { amount: '-1', unit: 'DOLLARS' } })).toThrow(
      /should be a cost of 0 or more, not "-1"/,
    )
  })

  it("rounds float noise in a number to the API's six decimals, never shows it as is", () => {
    const noisy = { cost: { amount: 0.30000000000000004 as unknown as string, unit: 'DOLLARS' } }
    expect(normalizeCost(noisy as CostCarrier)).toEqual({ amount: '0.3', unit: 'USD' })
    expect(normalizeCost({ apiCreditCost: 12.456700000000001 })).toEqual({
      amount: '12.4567',
      unit: 'CREDITS',
    })
    // A decimal string is exact: kept as sent, even beyond six decimals.
    expect(normalizeCost({ cost: { amount: '0.0000001', unit: 'DOLLARS' } })).toEqual({
      amount: '0.0000001',
      unit: 'USD',
    })
  })

  it('reads a cost object the SDK allows to be empty as no cost', () => {
    expect(normalizeCost({ cost: {} as CostCarrier['cost'], apiCreditCost: 5 })).toEqual({
      amount: '5',
      unit: 'CREDITS',
    })
  })
})
