import { describe, expectTypeOf, it } from 'vitest'
import { add, compare, credits, floorDiv, max, money, multiply, subtract, usd } from './money'
import type { Credits, Money, Usd } from './types'

describe('money units', () => {
  it('keeps the unit in the type', () => {
    expectTypeOf(usd('1')).toEqualTypeOf<Usd>()
    expectTypeOf(credits(1)).toEqualTypeOf<Credits>()
    expectTypeOf(money('1', 'CREDITS')).toEqualTypeOf<Money<'CREDITS'>>()
    expectTypeOf(add(usd('1'), usd('2'))).toEqualTypeOf<Usd>()
    expectTypeOf(multiply(credits(3), 2)).toEqualTypeOf<Credits>()
    expectTypeOf(floorDiv(usd('1'), usd('0.024'))).toEqualTypeOf<number>()
  })

  it('refuses to mix dollars and credits', () => {
    // @ts-expect-error dollars and credits never add up
    add(usd('1'), credits('1'))
    // @ts-expect-error not even the other way round
    subtract(credits('1'), usd('1'))
    // @ts-expect-error nor compare
    compare(usd('1'), credits('1'))
    // @ts-expect-error nor pick the larger
    max(credits('1'), usd('1'))
    // @ts-expect-error not a unit
    money('1', 'EUR')
  })

  it('leaves an unknown unit to the runtime check', () => {
    const unknown: Money = usd('1')
    expectTypeOf(add(unknown, credits('1'))).toEqualTypeOf<Money>()
  })
})
