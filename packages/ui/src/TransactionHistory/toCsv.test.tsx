import { describe, expect, it } from 'vitest'
import { toCsv } from './toCsv'

/** The one cell `toCsv` writes for `value`, without its quotes and line end. */
const cellOf = (value: string) => {
  const line = toCsv([[value]])
  expect(line.startsWith('"') && line.endsWith('"\r\n')).toBe(true)
  return line.slice(1, -3).replaceAll('""', '"')
}

describe('toCsv', () => {
  it('quotes every cell, joins them with commas and ends every row with CRLF', () => {
    expect(
      toCsv([
        ['date', 'amount'],
        ['2026-01-02T03:04:05.000Z', '12.4567'],
      ]),
    ).toBe('"date","amount"\r\n"2026-01-02T03:04:05.000Z","12.4567"\r\n')
  })

  it('doubles quotes and keeps commas, line breaks, empty cells and padding inside the quotes', () => {
    expect(toCsv([['the "Pro" plan', 'Upscale, 2x', 'line 1\nline 2', '', ' padded ']])).toBe(
      '"the ""Pro"" plan","Upscale, 2x","line 1\nline 2",""," padded "\r\n',
    )
  })

  it('keeps negative and positive decimal amounts exact, without a prefix', () => {
    expect(toCsv([['-0.0576', '100', '-12.000001']])).toBe('"-0.0576","100","-12.000001"\r\n')
  })

  it.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ['+1', "'+1"],
    ['-x', "'-x"],
    ['-1+2', "'-1+2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t'=1"],
    ['\r=1', "'\r'=1"],
    // After leading spaces, quotes or invisible characters, which some spreadsheets skip.
    ['  =1+1', "'  =1+1"],
    ['\u00a0=1+1', "'\u00a0=1+1"],
    ['"=1+1', `'"=1+1`],
    ["'=1+1", "''=1+1"],
    ['\u200b=1+1', "'\u200b=1+1"],
    // Full-width and small forms.
    ['\uff1dcmd', "'\uff1dcmd"],
    ['\uff0b1', "'\uff0b1"],
    ['\uff0d1', "'\uff0d1"],
    ['\uff20SUM(A1)', "'\uff20SUM(A1)"],
    ['\ufe66cmd', "'\ufe66cmd"],
  ])('keeps %j, which a spreadsheet would run as a formula, as text', (value, written) => {
    expect(cellOf(value)).toBe(written)
  })

  it.each([
    ['a;=cmd|x', "a;'=cmd|x"],
    ['a; =cmd', "a;' =cmd"],
    ['a\t@SUM(A1)', "a\t'@SUM(A1)"],
    ['a|+1', "a|'+1"],
    ['a,-1+1', "a,'-1+1"],
    ['first\n=second', "first\n'=second"],
    ['first\r\n=second', "first\r\n'=second"],
    ['a;b;=c;d', "a;b;'=c;d"],
  ])(
    'keeps %j safe when a spreadsheet splits cells on ; tab | or a line break',
    (value, written) => {
      expect(cellOf(value)).toBe(written)
    },
  )

  it('leaves text that starts no formula as it is', () => {
    for (const value of ['Upscale 2x', 'a-b', 'x=y', 'mail@example.com', '1+1', 'a; b', '']) {
      expect(cellOf(value)).toBe(value)
    }
  })

  it('returns an empty string for no rows', () => {
    expect(toCsv([])).toBe('')
  })
})
