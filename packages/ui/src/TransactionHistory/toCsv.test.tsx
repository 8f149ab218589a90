import { describe, expect, it } from 'vitest'
import { toCsv } from './toCsv'

describe('toCsv', () => {
  it('joins plain cells with commas and ends every row with CRLF', () => {
    expect(
      toCsv([
        ['date', 'amount'],
        ['2026-01-02T03:04:05.000Z', '12.4567'],
      ]),
    ).toBe('date,amount\r\n2026-01-02T03:04:05.000Z,12.4567\r\n')
  })

  it('quotes a cell with a comma', () => {
    expect(toCsv([['Upscale, 2x']])).toBe('"Upscale, 2x"\r\n')
  })

  it('quotes a cell with a quote and doubles the quote', () => {
    expect(toCsv([['the "Pro" plan']])).toBe('"the ""Pro"" plan"\r\n')
  })

  it('quotes a cell with a line break, LF or CRLF', () => {
    expect(toCsv([['line 1\nline 2', 'a\r\nb']])).toBe('"line 1\nline 2","a\r\nb"\r\n')
  })

  it('keeps empty cells and leading or trailing spaces as they are', () => {
    expect(toCsv([['', ' padded ', '']])).toBe(', padded ,\r\n')
  })

  it('keeps negative and positive decimal amounts exact and unquoted', () => {
    expect(toCsv([['-0.0576', '100', '-12.000001']])).toBe('-0.0576,100,-12.000001\r\n')
  })

  it('keeps text that a spreadsheet would run as a formula as text', () => {
    expect(toCsv([['=HYPERLINK("http://x")', '+1', '-x', '@SUM(A1)']])).toBe(
      `"'=HYPERLINK(""http://x"")",'+1,'-x,'@SUM(A1)\r\n`,
    )
  })

  it('returns an empty string for no rows', () => {
    expect(toCsv([])).toBe('')
  })
})
