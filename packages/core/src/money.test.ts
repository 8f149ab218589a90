import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MoneyUnitError } from './MoneyUnitError'
import {
  add,
  compare,
  credits,
  divide,
  floorDiv,
  isNegative,
  isZero,
  max,
  min,
  money,
  multiply,
  subtract,
  usd,
} from './money'
import type { Money } from './types'

/** Test-side oracle: a decimal string as [digits, scale], read naively. */
function scaled(amount: string): [bigint, number] {
  const [whole = '', fraction = ''] = amount.replace('-', '').split('.')
  const digits = BigInt(whole + fraction)
  return [amount.startsWith('-') ? -digits : digits, fraction.length]
}

/** Test-side oracle: digits / 10^scale as a decimal string (not normalised). */
function decimal(digits: bigint, scale: number): string {
  const text = (digits < 0n ? -digits : digits).toString().padStart(scale + 1, '0')
  const point = text.length - scale
  return `${digits < 0n ? '-' : ''}${text.slice(0, point)}${scale ? `.${text.slice(point)}` : ''}`
}

function sameValue(amount: string, digits: bigint, scale: number): boolean {
  const [x, s] = scaled(amount)
  const common = Math.max(s, scale)
  return x * 10n ** BigInt(common - s) === digits * 10n ** BigInt(common - scale)
}

const amounts = fc.tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.nat({ max: 12 }))

describe('money()', () => {
  it('keeps a decimal string exactly and normalises it', () => {
    expect(usd('12.4567')).toEqual({ amount: '12.4567', unit: 'USD' })
    expect(usd('0012.4500')).toEqual({ amount: '12.45', unit: 'USD' })
    expect(usd('-0.000')).toEqual({ amount: '0', unit: 'USD' })
    expect(usd('-0')).toEqual({ amount: '0', unit: 'USD' })
    expect(credits('24000')).toEqual({ amount: '24000', unit: 'CREDITS' })
  })

  it('reads numbers through their shortest round-trip string, never as floats', () => {
    expect(usd(0.1).amount).toBe('0.1')
    expect(usd(12.4567).amount).toBe('12.4567')
    expect(usd(-0).amount).toBe('0')
    expect(usd(1e21).amount).toBe('1000000000000000000000')
    expect(usd(1e-7).amount).toBe('0.0000001')
    expect(usd(1.5e-10).amount).toBe('0.00000000015')
  })

  it('expands exponent strings exactly', () => {
    expect(usd('1e3').amount).toBe('1000')
    expect(usd('1.25E-2').amount).toBe('0.0125')
  })

  it('reads bigints as whole amounts', () => {
    expect(credits(12345678901234567890n).amount).toBe('12345678901234567890')
  })

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['an empty string', ''],
    ['letters', 'abc'],
    ['a comma decimal', '1,5'],
    ['two points', '1.2.3'],
    ['a leading point', '.5'],
    ['a trailing point', '5.'],
    ['whitespace', ' 5'],
    ['a plus sign', '+5'],
    ['a currency sign', '$5'],
    ['a huge exponent', '1e99999'],
  ])('rejects %s with a clear error', (_, value) => {
    expect(() => usd(value)).toThrow(TypeError)
    expect(() => usd(value)).toThrow(/\[payg-kit\] .* is not an amount/)
  })

  it('rejects values of the wrong type and unknown units', () => {
    expect(() => usd(null as unknown as string)).toThrow(/null is not an amount/)
    expect(() => usd({} as unknown as string)).toThrow(TypeError)
    expect(() => money('1', 'EUR' as 'USD')).toThrow(/Unknown money unit EUR/)
  })

  it('round-trips every finite double exactly as its shortest string', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(Number(usd(n).amount)).toBe(n === 0 ? 0 : n)
      }),
    )
  })
})

describe('arithmetic', () => {
  it('adds 0.1 and 0.2 to exactly 0.3', () => {
    expect(add(usd(0.1), usd(0.2))).toEqual({ amount: '0.3', unit: 'USD' })
    expect(add(usd('0.1'), usd('0.2'))).toEqual(usd('0.3'))
  })

  it('sums and differences equal the exact BigInt computation', () => {
    fc.assert(
      fc.property(amounts, amounts, ([a, s], [b, t]) => {
        const x = usd(decimal(a, s))
        const y = usd(decimal(b, t))
        const scale = Math.max(s, t)
        const ax = a * 10n ** BigInt(scale - s)
        const by = b * 10n ** BigInt(scale - t)
        expect(sameValue(add(x, y).amount, ax + by, scale)).toBe(true)
        expect(sameValue(subtract(x, y).amount, ax - by, scale)).toBe(true)
        expect(compare(x, y)).toBe(ax < by ? -1 : ax > by ? 1 : 0)
      }),
    )
  })

  it('multiplies exactly by integers and decimals', () => {
    expect(multiply(usd('0.012'), 4)).toEqual(usd('0.048'))
    expect(multiply(usd('19.99'), '0.76')).toEqual(usd('15.1924'))
    expect(multiply(credits('7'), 3n)).toEqual(credits('21'))
    expect(multiply(usd('0.1'), 0.1)).toEqual(usd('0.01'))
    fc.assert(
      fc.property(amounts, amounts, ([a, s], [b, t]) => {
        expect(sameValue(multiply(usd(decimal(a, s)), decimal(b, t)).amount, a * b, s + t)).toBe(
          true,
        )
      }),
    )
  })

  it('compares, finds zero and negatives, picks min and max', () => {
    expect(compare(usd('1.50'), usd('1.5'))).toBe(0)
    expect(compare(usd('-2'), usd('1'))).toBe(-1)
    expect(compare(usd('10'), usd('9.999'))).toBe(1)
    expect(isZero(usd('0.000'))).toBe(true)
    expect(isZero(usd('0.001'))).toBe(false)
    expect(isNegative(usd('-0.001'))).toBe(true)
    expect(isNegative(usd('0'))).toBe(false)
    expect(min(usd('3'), usd('2.5'))).toEqual(usd('2.5'))
    expect(max(usd('3'), usd('2.5'))).toEqual(usd('3'))
  })

  it('counts how many whole b fit in a', () => {
    expect(floorDiv(usd('1'), usd('0.024'))).toBe(41)
    expect(floorDiv(usd('0.048'), usd('0.024'))).toBe(2)
    expect(floorDiv(usd('0.02'), usd('0.024'))).toBe(0)
    expect(floorDiv(usd('-1'), usd('0.3'))).toBe(-4)
    expect(() => floorDiv(usd('1'), usd('0'))).toThrow(RangeError)
  })

  it('divides to a scale with the rounding asked for', () => {
    expect(divide(usd('10'), 3, 2, 'half-even')).toEqual(usd('3.33'))
    expect(divide(usd('10'), 3, 2, 'ceil')).toEqual(usd('3.34'))
    expect(divide(usd('-10'), 3, 2, 'floor')).toEqual(usd('-3.34'))
    expect(divide(usd('-10'), 3, 2, 'trunc')).toEqual(usd('-3.33'))
    expect(divide(usd('0.125'), 1, 2, 'half-even')).toEqual(usd('0.12'))
    expect(divide(usd('0.135'), 1, 2, 'half-even')).toEqual(usd('0.14'))
    expect(divide(usd('0.125'), 1, 2, 'half-up')).toEqual(usd('0.13'))
    expect(divide(usd('-0.125'), 1, 2, 'half-up')).toEqual(usd('-0.13'))
    expect(divide(usd('18.24'), '0.00076', 0, 'floor')).toEqual(usd('24000'))
    expect(() => divide(usd('1'), 0, 2, 'floor')).toThrow(/divide by zero/)
    expect(() => divide(usd('1'), 3, -1, 'floor')).toThrow(/scale/)
    expect(() => divide(usd('1'), 3, 2, 'round' as 'floor')).toThrow(/Unknown rounding round/)
  })
})

describe('unit safety at runtime', () => {
  // Typed as the union so the compiler lets the mix through: the runtime must still refuse it.
  const dollars: Money = usd('1')
  const planCredits: Money = credits('1')

  it.each([
    ['add', () => add(dollars, planCredits)],
    ['subtract', () => subtract(dollars, planCredits)],
    ['compare', () => compare(dollars, planCredits)],
    ['min', () => min(dollars, planCredits)],
    ['floorDiv', () => floorDiv(dollars, planCredits)],
  ])('%s throws a MoneyUnitError naming both units', (_, mix) => {
    expect(mix).toThrow(MoneyUnitError)
    expect(mix).toThrow(/Cannot combine USD with CREDITS/)
  })

  it('exposes the two units', () => {
    try {
      add(planCredits, dollars)
      expect.unreachable()
    } catch (error) {
      expect((error as MoneyUnitError).units).toEqual(['CREDITS', 'USD'])
    }
  })
})
