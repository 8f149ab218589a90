import { describe, expect, it } from 'vitest'
import { formatMoneyInput, type MoneyInputResult, parseMoneyInput } from './parseMoneyInput'

type Row = [locale: string, text: string, expected: MoneyInputResult, wholeUnits?: boolean]
const ok = (value: string): MoneyInputResult => ({ ok: true, value })
const no = (reason: string, meanings?: string[], found?: string) =>
  ({
    ok: false,
    reason,
    ...(meanings && { meanings }),
    ...(found && { found }),
  }) as MoneyInputResult

// Every row: what a person typed in a money field, and what the field must make of it.
const TABLE: Row[] = [
  // en-US: comma groups, point is decimal.
  ['en-US', '25', ok('25')],
  ['en-US', '1,000', ok('1000')],
  ['en-US', '1,000,000', ok('1000000')],
  ['en-US', '1,234.56', ok('1234.56')],
  ['en-US', '12.5', ok('12.5')],
  ['en-US', '.5', ok('0.5')],
  ['en-US', '5.', ok('5')],
  ['en-US', '007', ok('7')],
  ['en-US', '25.00', ok('25'), true],
  ['en-US', '25.50', no('cents'), true],
  ['en-US', '1.234', no('unclear', ['1234', '1.234'])],
  ['en-US', '1.000', no('unclear', ['1000', '1'])],
  ['en-US', '12.3456', no('tooManyDecimals')],
  ['en-US', '12.345', no('unclear', ['12345', '12.345'])],
  ['en-US', '0.125', no('tooManyDecimals')],
  ['en-US', '10,0000', no('unclear', ['100000', '10'])],
  ['en-US', '1,00', no('unclear', ['1'])],
  ['en-US', '1.000,50', no('unclear', ['1000.5'])],
  ['en-US', '1.000.000', no('unclear', ['1000000'])],
  ['en-US', '1.2.3', no('multipleDecimals')],
  ['en-US', '1,2,3', no('grouping')],
  ['en-US', '1 000', ok('1000')],
  ['en-US', '1\u00a0000', ok('1000')],
  ['en-US', "1'000", no('unclear', ['1000'])],
  ['en-US', '$25', ok('25')],
  ['en-US', '$ 1,000.00', ok('1000')],
  ['en-US', '25 USD', ok('25')],
  ['en-US', 'usd25', ok('25')],
  ['en-US', 'US$10', ok('10')],
  ['en-US', '\uFF0410', ok('10')],
  ['en-US', '€25', no('currency', undefined, '€')],
  ['en-US', '-5', no('negative')],
  ['en-US', '\u22125', no('negative')],
  ['en-US', '-$5', no('negative')],
  ['en-US', '$-5', no('negative')],
  ['en-US', '(5)', no('negative')],
  ['en-US', '+5', ok('5')],
  ['en-US', '1e3', no('exponent')],
  ['en-US', '2.5E+2', no('exponent')],
  ['en-US', 'NaN', no('notANumber')],
  ['en-US', 'Infinity', no('notANumber')],
  ['en-US', 'ten', no('notANumber')],
  ['en-US', '12abc', no('notANumber')],
  ['en-US', '', no('empty')],
  ['en-US', '   ', no('empty')],
  ['en-US', '\u200b', no('empty')],
  ['en-US', '\u200b25\u200b', ok('25')],
  ['en-US', '\ufeff1,000', ok('1000')],
  ['en-US', '\u200e1,000\u200f', ok('1000')],
  ['en-US', '\u20661,000\u2069', ok('1000')],
  ['en-US', '1\u00ad000', ok('1000')],
  ['en-US', '\u0661\u0660\u0660', ok('100')],
  ['en-US', '\u0661\u066c\u0660\u0660\u0660\u066b\u0665', ok('1000.5')],
  ['en-US', '\u0968\u096b', ok('25')],
  ['en-US', '\uff11\uff0c\uff10\uff10\uff10', ok('1000')],
  ['en-US', '\u09e7\u09e6', ok('10')],
  ['en-US', '\u{1d7d9}\u{1d7ce}', ok('10')],
  ['en-US', '\u00bd', no('digits', undefined, '\u00bd')],
  ['en-US', '\u2460\u2461', no('digits', undefined, '\u2460')],
  ['en-US', '10\u00b2', no('digits', undefined, '\u00b2')],
  ['en-US', '\u2169', no('digits', undefined, '\u2169')],
  // de-DE: point groups, comma is decimal.
  ['de-DE', '25', ok('25')],
  ['de-DE', '1.000', ok('1000')],
  ['de-DE', '1.000.000', ok('1000000')],
  ['de-DE', '1.234,56', ok('1234.56')],
  ['de-DE', '12,5', ok('12.5')],
  ['de-DE', '0,50', ok('0.5')],
  ['de-DE', '25,00', ok('25'), true],
  ['de-DE', '25,50', no('cents'), true],
  ['de-DE', '1,000', no('unclear', ['1000', '1'])],
  ['de-DE', '1,000', no('unclear', ['1000', '1']), true],
  ['de-DE', '12,345', no('unclear', ['12345', '12.345'])],
  ['de-DE', '10.0000', no('unclear', ['100000', '10'])],
  ['de-DE', '12.5', no('unclear', ['12.5'])],
  ['de-DE', '1,000.50', no('unclear', ['1000.5'])],
  ['de-DE', '1,2,3', no('multipleDecimals')],
  ['de-DE', '1.000 $', ok('1000')],
  ['de-DE', '1.000,00 $', ok('1000')],
  ['de-DE', '25 €', no('currency', undefined, '€')],
  ['de-DE', '-25', no('negative')],
  ['de-DE', '1e3', no('exponent')],
  ['de-DE', '\u0661\u0660\u0660\u0660', ok('1000')],
  // fr-FR: narrow no-break space groups (plain and no-break spaces too), comma is decimal.
  ['fr-FR', '1\u202f000', ok('1000')],
  ['fr-FR', '1 000', ok('1000')],
  ['fr-FR', '1\u00a0000', ok('1000')],
  ['fr-FR', '1\u202f234\u202f567,89', ok('1234567.89')],
  ['fr-FR', '1\u202f000,00\u00a0$', ok('1000')],
  ['fr-FR', '12,5', ok('12.5')],
  ['fr-FR', '1,000', no('unclear', ['1000', '1'])],
  ['fr-FR', '1.000', no('unclear', ['1000', '1'])],
  ['fr-FR', '1.5', no('unclear', ['1.5'])],
  ['fr-FR', '10\u202f00', no('grouping')],
  ['fr-FR', '1\u202f000,5', ok('1000.5')],
  ['fr-FR', '1\u202f000,55', no('cents'), true],
  // en-IN groups in lakhs.
  ['en-IN', '1,00,000', ok('100000')],
  // de-CH groups with an apostrophe.
  ['de-CH', "1'000.50", ok('1000.5')],
  ['de-CH', '1\u2019000', ok('1000')],
]

describe('parseMoneyInput', () => {
  it('has a table of at least 50 inputs in 3 locales', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(50)
    expect(new Set(TABLE.map(([locale]) => locale)).size).toBeGreaterThanOrEqual(3)
  })

  it.each(TABLE)('%s reads %j as %j (whole dollars: %s)', (locale, text, expected, wholeUnits) => {
    expect(parseMoneyInput(text, { locale, wholeUnits })).toEqual(expected)
  })

  it('allows as many fraction digits as asked for', () => {
    expect(parseMoneyInput('0.0125', { locale: 'en-US', maxFractionDigits: 4 })).toEqual(
      ok('0.0125'),
    )
    expect(parseMoneyInput('0.01255', { locale: 'en-US', maxFractionDigits: 4 })).toEqual(
      no('tooManyDecimals'),
    )
  })

  it('keeps every digit of a huge amount exactly', () => {
    expect(parseMoneyInput('12,345,678,901,234,567,890.12', { locale: 'en-US' })).toEqual(
      ok('12345678901234567890.12'),
    )
  })

  it('writes a pre-filled amount so that it reads back the same in the locale', () => {
    for (const locale of ['en-US', 'de-DE', 'fr-FR', 'de-CH', 'en-IN']) {
      for (const value of ['0', '5', '12.5', '1000', '1234.56', '1.234', '0.0125']) {
        const text = formatMoneyInput(value, locale)
        expect(parseMoneyInput(text, { locale, maxFractionDigits: 4 })).toEqual(ok(value))
      }
    }
  })
})
