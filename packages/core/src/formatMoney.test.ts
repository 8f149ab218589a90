import { describe, expect, it } from 'vitest'
import { formatMoney } from './formatMoney'
import { credits, usd } from './money'

describe('formatMoney', () => {
  it.each([
    ['en-US', '$1,234.50', '-$0.0245', '24,000 credits'],
    ['de-DE', '1.234,50\u00a0$', '-0,0245\u00a0$', '24.000 credits'],
    ['ja-JP', '$1,234.50', '-$0.0245', '24,000 credits'],
    ['fr-FR', '1\u202f234,50\u00a0$US', '-0,0245\u00a0$US', '24\u202f000 credits'],
  ])('formats for %s', (locale, dollars, small, planCredits) => {
    expect(formatMoney(usd('1234.5'), { locale })).toBe(dollars)
    expect(formatMoney(usd('-0.0245'), { locale })).toBe(small)
    expect(formatMoney(credits(24000), { locale })).toBe(planCredits)
  })

  it('never rounds a digit away', () => {
    expect(formatMoney(usd('0.00000001'), { locale: 'en-US' })).toBe('$0.00000001')
    expect(formatMoney(usd('12.4567'), { locale: 'en-US' })).toBe('$12.4567')
    // Beyond a double's precision: a float would print 12,345,678,901,234,567,000.
    expect(formatMoney(usd('12345678901234567890.12'), { locale: 'en-US' })).toBe(
      '$12,345,678,901,234,567,890.12',
    )
  })

  it('shows at least two fraction digits for dollars unless told otherwise', () => {
    expect(formatMoney(usd('5'), { locale: 'en-US' })).toBe('$5.00')
    expect(formatMoney(usd('5'), { locale: 'en-US', minimumFractionDigits: 0 })).toBe('$5')
    expect(formatMoney(usd('5.125'), { locale: 'en-US', minimumFractionDigits: 0 })).toBe('$5.125')
  })

  it('honours the currency display', () => {
    expect(formatMoney(usd('12.4567'), { locale: 'en-US', currencyDisplay: 'code' })).toBe(
      'USD\u00a012.4567',
    )
    expect(formatMoney(usd('2'), { locale: 'en-US', currencyDisplay: 'name' })).toBe(
      '2.00 US dollars',
    )
  })

  it('writes credits as a number and a unit word', () => {
    expect(formatMoney(credits(1), { locale: 'en-US' })).toBe('1 credit')
    expect(formatMoney(credits('2.5'), { locale: 'en-US' })).toBe('2.5 credits')
    expect(formatMoney(credits(24000), { locale: 'de-DE', creditsLabel: 'Credits' })).toBe(
      '24.000 Credits',
    )
  })

  it('refuses an amount that is not a decimal instead of printing NaN', () => {
    expect(() => formatMoney({ amount: 'abc', unit: 'USD' })).toThrow(/is not an amount/)
  })
})
