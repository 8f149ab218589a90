import { describe, expect, it } from 'vitest'
import { readUsageQuery, USAGE_LIMITS, usageBuckets } from './index'

const NOW = new Date('2026-03-10T15:00:00Z')
const read = (query: string) => readUsageQuery(new URLSearchParams(query), NOW)
const fields = (query: string) => {
  const result = read(query)
  return result.ok ? [] : result.errors.map((error) => [error.field, error.code])
}

describe('readUsageQuery', () => {
  it('defaults to the 30 days ending today (UTC) in days', () => {
    expect(read('')).toEqual({
      ok: true,
      range: { from: '2026-02-09', to: '2026-03-10', granularity: 'DAY' },
    })
  })

  it('takes days ending `to`, or an explicit range', () => {
    expect(read('days=7&to=2026-01-03')).toMatchObject({
      range: { from: '2025-12-28', to: '2026-01-03' },
    })
    expect(read('from=2021-03-11&to=2026-03-10&granularity=MONTH')).toMatchObject({
      ok: true,
      range: { granularity: 'MONTH' },
    })
  })

  it('answers ten years in one request, and not one day more', () => {
    expect(read(`days=${USAGE_LIMITS.days.maximum}&granularity=MONTH`).ok).toBe(true)
    expect(fields(`days=${USAGE_LIMITS.days.maximum + 1}&granularity=MONTH`)).toEqual([
      ['days', 'OUT_OF_RANGE'],
    ])
    // 2016-03-01 to 2026-03-10 is 3,662 days.
    expect(fields('from=2016-03-01&to=2026-03-10&granularity=MONTH')).toEqual([
      ['from', 'OUT_OF_RANGE'],
    ])
  })

  it('refuses a range that needs more buckets than a report holds, naming the way out', () => {
    expect(read('days=366').ok).toBe(true)
    const result = read('days=367')
    expect(result.ok ? null : result.errors).toEqual([
      expect.objectContaining({ field: 'granularity', code: 'OUT_OF_RANGE' }),
    ])
    expect(read('days=367&granularity=WEEK').ok).toBe(true)
    expect(fields(`days=${367 * 7}&granularity=WEEK`)).toEqual([['granularity', 'OUT_OF_RANGE']])
  })

  it.each([
    ['to=2026-02-30', [['to', 'INVALID_TYPE']]],
    ['from=tomorrow', [['from', 'INVALID_TYPE']]],
    ['from=2026-03-01&days=2', [['days', 'INVALID_VALUE']]],
    ['days=0', [['days', 'OUT_OF_RANGE']]],
    ['days=1e3', [['days', 'OUT_OF_RANGE']]],
    ['days=-5', [['days', 'OUT_OF_RANGE']]],
    ['from=2026-03-10&to=2026-03-09', [['from', 'OUT_OF_RANGE']]],
    ['from=0000-12-31&to=0001-01-02', [['from', 'OUT_OF_RANGE']]],
    ['granularity=YEAR', [['granularity', 'INVALID_VALUE']]],
    ['granularity=day', [['granularity', 'INVALID_VALUE']]],
    [
      'to=x&days=x&granularity=x',
      [
        ['to', 'INVALID_TYPE'],
        ['days', 'OUT_OF_RANGE'],
        ['granularity', 'INVALID_VALUE'],
      ],
    ],
  ])('refuses %s, naming every bad parameter', (query, expected) => {
    expect(fields(query)).toEqual(expected)
  })
})

describe('usageBuckets', () => {
  it('gives one bucket per day', () => {
    expect(usageBuckets({ from: '2026-02-27', to: '2026-03-01', granularity: 'DAY' })).toEqual([
      { date: '2026-02-27', last: '2026-02-27' },
      { date: '2026-02-28', last: '2026-02-28' },
      { date: '2026-03-01', last: '2026-03-01' },
    ])
  })

  it('cuts ISO weeks (Monday to Sunday) to the range', () => {
    // 2026-03-04 is a Wednesday, 2026-03-16 a Monday.
    expect(usageBuckets({ from: '2026-03-04', to: '2026-03-16', granularity: 'WEEK' })).toEqual([
      { date: '2026-03-04', last: '2026-03-08' },
      { date: '2026-03-09', last: '2026-03-15' },
      { date: '2026-03-16', last: '2026-03-16' },
    ])
  })

  it('cuts calendar months to the range, leap years included', () => {
    expect(usageBuckets({ from: '2024-01-31', to: '2024-03-02', granularity: 'MONTH' })).toEqual([
      { date: '2024-01-31', last: '2024-01-31' },
      { date: '2024-02-01', last: '2024-02-29' },
      { date: '2024-03-01', last: '2024-03-02' },
    ])
  })

  it('cuts months of the first century like any other', () => {
    expect(usageBuckets({ from: '0050-01-15', to: '0050-03-31', granularity: 'MONTH' })).toEqual([
      { date: '0050-01-15', last: '0050-01-31' },
      { date: '0050-02-01', last: '0050-02-28' },
      { date: '0050-03-01', last: '0050-03-31' },
    ])
  })

  it('covers every day of a range exactly once, within the bucket limit', () => {
    for (const granularity of USAGE_LIMITS.granularity) {
      // The longest range each size answers: 366 days, 365 whole weeks and a partial one, ten years.
      const days = { DAY: 366, WEEK: 365 * 7 + 1, MONTH: USAGE_LIMITS.days.maximum }[granularity]
      const query = `days=${days}&granularity=${granularity}`
      const result = read(query)
      if (!result.ok) throw new Error(query)
      const buckets = usageBuckets(result.range)
      expect(buckets.length).toBeLessThanOrEqual(USAGE_LIMITS.maxBuckets)
      expect(buckets[0]?.date).toBe(result.range.from)
      expect(buckets.at(-1)?.last).toBe(result.range.to)
      for (let i = 1; i < buckets.length; i++) {
        const previous = Date.parse(`${buckets[i - 1]?.last}T00:00:00Z`)
        expect(Date.parse(`${buckets[i]?.date}T00:00:00Z`) - previous).toBe(86_400_000)
      }
    }
  })
})
