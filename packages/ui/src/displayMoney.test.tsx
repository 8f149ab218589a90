import { compare, credits, subtract, usd } from '@payg-kit/core'
import { describe, expect, it } from 'vitest'
import { displayMoney } from './displayMoney'

const en = { locale: 'en-US' }

describe('displayMoney, the one display policy', () => {
  it('shows balances and totals in whole cents, rounded down, and prices with every digit', () => {
    expect(displayMoney(usd('100.8072'), 'amount', en)).toBe('$100.80')
    expect(displayMoney(usd('253.19676'), 'amount', en)).toBe('$253.19')
    expect(displayMoney(usd('0.054'), 'amount', en)).toBe('$0.05')
    expect(displayMoney(usd('0.054'), 'exact', en)).toBe('$0.054')
    expect(displayMoney(usd('101.706'), 'exact', en)).toBe('$101.706')
    expect(displayMoney(usd('5'), 'exact', en)).toBe('$5.00')
  })

  it('never shows an amount higher than it is, whatever its digits', () => {
    for (const amount of ['0.009', '0.999', '1.005', '-0.001', '-2.4567', '9999.9999', '12.3']) {
      // en-US: the digits, the point and the sign are all there is besides the symbol.
      const shown = displayMoney(usd(amount), 'amount', en).replace('\u2212', '-')
      const value = shown.replace(/[^0-9.-]/g, '')
      expect(shown, amount).toMatch(/^-?\$[\d,]+\.\d{2}$/)
      expect(compare(usd(value), usd(amount)), amount).toBeLessThanOrEqual(0)
      expect(compare(subtract(usd(amount), usd(value)), usd('0.01')), amount).toBe(-1)
    }
  })

  it('writes a real minus sign, where the locale puts the sign', () => {
    expect(displayMoney(usd('-2.4567'), 'amount', en)).toBe('\u2212$2.46')
    expect(displayMoney(usd('-0.048'), 'exact', { locale: 'de-DE' })).toBe('\u22120,048\u00a0$')
  })

  it('shows credits as a number and a word, never with a currency sign', () => {
    const shown = displayMoney(credits('24000'), 'amount', {
      locale: 'de-DE',
      creditsLabel: 'Credits',
    })
    expect(shown).toBe('24.000 Credits')
    expect(shown).not.toMatch(/[$€]/)
  })
})
