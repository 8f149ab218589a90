import { describe, expect, it } from 'vitest'
import { DOLLARS_PER_CREDIT, formatMicros, MICROS_PER_CREDIT, parseMicros } from './money'

describe('money', () => {
  it('formats micro-dollars as normalised decimal strings', () => {
    expect(formatMicros(48_000n)).toBe('0.048')
    expect(formatMicros(12_456_700n)).toBe('12.4567')
    expect(formatMicros(5_000_000n)).toBe('5')
    expect(formatMicros(0n)).toBe('0')
    expect(formatMicros(-48_000n)).toBe('-0.048')
    expect(formatMicros(1n)).toBe('0.000001')
  })

  it('parses decimal dollars exactly and rejects more than six decimals', () => {
    expect(parseMicros('12.4567')).toBe(12_456_700n)
    expect(parseMicros(0.048)).toBe(48_000n)
    expect(parseMicros('-0.5')).toBe(-500_000n)
    expect(parseMicros(5)).toBe(5_000_000n)
    expect(() => parseMicros('0.0000001')).toThrow(/at most 6 decimals/)
    expect(() => parseMicros('1e3')).toThrow()
  })

  it('uses $0.0012 per credit, so 40 credits are $0.048', () => {
    expect(formatMicros(MICROS_PER_CREDIT)).toBe(DOLLARS_PER_CREDIT)
    expect(formatMicros(40n * MICROS_PER_CREDIT)).toBe('0.048')
  })
})
