import { describe, expect, it } from 'vitest'
import { normalizeCost } from './normalizeCost'

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

  it('refuses a job without any cost, and an unknown unit', () => {
    expect(() => normalizeCost({ apiCreditCost: null })).toThrow(
      /neither `cost` nor `apiCreditCost`/,
    )
    expect(() => normalizeCost({ cost: { amount: '1', unit: 'EUROS' as 'DOLLARS' } })).toThrow(
      /Unknown money unit EUROS/,
    )
  })
})
