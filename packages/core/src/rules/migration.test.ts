import { describe, expect, it } from 'vitest'
import { DOLLARS_PER_CREDIT, migrationCredit } from './migration'

describe('migrationCredit', () => {
  it('converts plan credits into dollars at the published rate, exactly', () => {
    expect(DOLLARS_PER_CREDIT).toBe('0.0012')
    expect(migrationCredit(24_000)).toEqual({ amount: '28.8', unit: 'USD' })
    expect(migrationCredit(40)).toEqual({ amount: '0.048', unit: 'USD' })
    expect(migrationCredit(1)).toEqual({ amount: '0.0012', unit: 'USD' })
    expect(migrationCredit(0)).toEqual({ amount: '0', unit: 'USD' })
  })

  it('refuses a number of credits that is not a whole number of at least zero', () => {
    expect(() => migrationCredit(-1)).toThrow(RangeError)
    expect(() => migrationCredit(1.5)).toThrow(RangeError)
    expect(() => migrationCredit(Number.NaN)).toThrow(RangeError)
  })
})
