import { describe, expect, it } from 'vitest'
import { fillMessage } from './fillMessage'

const requests = '{count, plural, =0 {no requests} one {# request} other {# requests}} for {amount}'

describe('fillMessage', () => {
  it('fills placeholders and leaves unknown ones as they are', () => {
    expect(fillMessage('Add {amount} by {date}', { amount: '$10.00' })).toBe('Add $10.00 by {date}')
    expect(fillMessage('Add {amount}')).toBe('Add {amount}')
  })

  it('chooses the plural branch by the locale’s rules and formats # for the locale', () => {
    expect(fillMessage(requests, { count: 1, amount: '$1' }, 'en-US')).toBe('1 request for $1')
    expect(fillMessage(requests, { count: 0, amount: '$1' }, 'en-US')).toBe('no requests for $1')
    expect(fillMessage(requests, { count: 1234, amount: '$1' }, 'en-US')).toBe(
      '1,234 requests for $1',
    )
    expect(fillMessage(requests, { count: 1234, amount: '1 $' }, 'de-DE')).toBe(
      '1.234 requests for 1 $',
    )
    // French counts 0 and 1.5 as "one"; Japanese has only "other".
    const fr = '{n, plural, one {# jour} other {# jours}}'
    expect(fillMessage(fr, { n: 1.5 }, 'fr')).toBe('1,5 jour')
    expect(fillMessage(fr, { n: 2 }, 'fr')).toBe('2 jours')
    expect(fillMessage('{n, plural, other {# 件}}', { n: 1 }, 'ja')).toBe('1 件')
  })

  it('fills the placeholders inside a branch and several plurals in one string', () => {
    const text =
      '{a, plural, one {# day at {rate}} other {# days at {rate}}}, {b, plural, one {# try} other {# tries}}'
    expect(fillMessage(text, { a: 2, b: 1, rate: '$3' }, 'en')).toBe('2 days at $3, 1 try')
  })

  it('leaves a plural whose value is missing or not a number as it is', () => {
    expect(fillMessage('{count, plural, one {#} other {#}}', { other: 1 })).toBe(
      '{count, plural, one {#} other {#}}',
    )
    expect(fillMessage('{count, plural, one {#} other {#}}', { count: 'many' })).toBe(
      '{count, plural, one {#} other {#}}',
    )
  })
})
