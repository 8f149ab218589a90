import { describe, expect, it } from 'vitest'
import { planRenewal, shiftRenewalDate } from './index'

// Every date is an explicit UTC instant: nothing here reads today's date or the time zone.
const at = (iso: string) => new Date(iso)
const iso = (date: Date) => date.toISOString()
const plan = (renewalDate: string, renewalDay?: number) => ({
  renewalDate: at(renewalDate),
  ...(renewalDay === undefined ? {} : { renewalDay }),
  creditsPerMonth: 25_000,
  creditsRemaining: 1_234,
})
const renew = (renewalDate: string, now: string, renewalDay?: number) => {
  const renewal = planRenewal(plan(renewalDate, renewalDay), at(now))
  return { ...renewal, renewalDate: iso(renewal.renewalDate) }
}

describe('planRenewal', () => {
  it('renews nothing before the renewal date: the credits and the date stay', () => {
    expect(renew('2026-07-01T00:00:00.000Z', '2026-06-30T23:59:59.999Z')).toEqual({
      renewals: 0,
      renewalDate: '2026-07-01T00:00:00.000Z',
      creditsRemaining: 1_234,
    })
  })

  it('renews at the renewal date itself: a full month of credits, the date a month on', () => {
    expect(renew('2026-07-01T00:00:00.000Z', '2026-07-01T00:00:00.000Z')).toEqual({
      renewals: 1,
      renewalDate: '2026-08-01T00:00:00.000Z',
      creditsRemaining: 25_000,
    })
    // The time of day is kept.
    expect(renew('2026-03-27T12:00:00.000Z', '2026-03-27T12:00:00.001Z').renewalDate).toBe(
      '2026-04-27T12:00:00.000Z',
    )
  })

  it('passes several months at once, to the first renewal after now', () => {
    expect(renew('2026-02-10T08:00:00.000Z', '2026-06-10T07:59:59.999Z')).toEqual({
      renewals: 4,
      renewalDate: '2026-06-10T08:00:00.000Z',
      creditsRemaining: 25_000,
    })
    expect(renew('2026-02-10T08:00:00.000Z', '2026-06-10T08:00:00.000Z')).toMatchObject({
      renewals: 5,
      renewalDate: '2026-07-10T08:00:00.000Z',
    })
    expect(renew('2026-02-10T08:00:00.000Z', '2031-02-09T00:00:00.000Z')).toMatchObject({
      renewals: 60,
      renewalDate: '2031-02-10T08:00:00.000Z',
    })
  })

  it('crosses the year boundary', () => {
    expect(renew('2026-12-15T00:00:00.000Z', '2027-01-02T00:00:00.000Z')).toMatchObject({
      renewals: 1,
      renewalDate: '2027-01-15T00:00:00.000Z',
    })
    expect(renew('2026-11-30T00:00:00.000Z', '2027-02-01T00:00:00.000Z')).toMatchObject({
      renewals: 3,
      renewalDate: '2027-02-28T00:00:00.000Z',
    })
  })

  it('renews a plan of the 31st on the last day of a shorter month, and on the 31st again after', () => {
    // Renewed one month at a time, each from the date the last renewal stored.
    const dates: string[] = []
    let renewalDate = '2027-01-31T00:00:00.000Z'
    for (let month = 0; month < 12; month++) {
      renewalDate = renew(renewalDate, renewalDate, 31).renewalDate
      dates.push(renewalDate.slice(0, 10))
    }
    expect(dates).toEqual([
      '2027-02-28',
      '2027-03-31',
      '2027-04-30',
      '2027-05-31',
      '2027-06-30',
      '2027-07-31',
      '2027-08-31',
      '2027-09-30',
      '2027-10-31',
      '2027-11-30',
      '2027-12-31',
      '2028-01-31',
    ])
    // Several at once land on the same dates.
    expect(renew('2027-01-31T00:00:00.000Z', '2027-06-01T00:00:00.000Z', 31)).toMatchObject({
      renewals: 5,
      renewalDate: '2027-06-30T00:00:00.000Z',
    })
  })

  it('takes the day of the renewal date when no renewal day is given', () => {
    expect(renew('2027-01-31T00:00:00.000Z', '2027-02-01T00:00:00.000Z').renewalDate).toBe(
      '2027-02-28T00:00:00.000Z',
    )
    // Stored on February 28 without its day, a plan of the 31st would go on on the 28th.
    expect(renew('2027-02-28T00:00:00.000Z', '2027-03-01T00:00:00.000Z').renewalDate).toBe(
      '2027-03-28T00:00:00.000Z',
    )
    expect(renew('2027-02-28T00:00:00.000Z', '2027-03-01T00:00:00.000Z', 31).renewalDate).toBe(
      '2027-03-31T00:00:00.000Z',
    )
  })

  it('renews on February 29 in a leap year, and on the 28th in the others', () => {
    expect(renew('2028-01-31T00:00:00.000Z', '2028-02-01T00:00:00.000Z').renewalDate).toBe(
      '2028-02-29T00:00:00.000Z',
    )
    expect(renew('2028-01-30T00:00:00.000Z', '2028-02-01T00:00:00.000Z').renewalDate).toBe(
      '2028-02-29T00:00:00.000Z',
    )
    expect(renew('2028-02-29T00:00:00.000Z', '2028-02-29T00:00:00.000Z')).toMatchObject({
      renewals: 1,
      renewalDate: '2028-03-29T00:00:00.000Z',
    })
    // A plan of the 29th: the 28th in 2029, the 29th again in March.
    expect(renew('2029-01-29T00:00:00.000Z', '2029-02-01T00:00:00.000Z').renewalDate).toBe(
      '2029-02-28T00:00:00.000Z',
    )
    expect(renew('2029-02-28T00:00:00.000Z', '2029-02-28T00:00:00.000Z', 29).renewalDate).toBe(
      '2029-03-29T00:00:00.000Z',
    )
    // Four years of a plan renewed on Feb 29, 2028: the 29th only in leap years.
    expect(renew('2028-02-29T00:00:00.000Z', '2032-02-28T23:59:59.999Z', 29)).toMatchObject({
      renewals: 48,
      renewalDate: '2032-02-29T00:00:00.000Z',
    })
  })

  it('counts the last day of the month in UTC, whatever the time of day', () => {
    // 23:30 UTC on January 31 is already February 1 east of UTC; the rule reads UTC only.
    expect(renew('2027-01-31T23:30:00.000Z', '2027-02-01T00:00:00.000Z').renewalDate).toBe(
      '2027-02-28T23:30:00.000Z',
    )
  })

  it('refuses a date that is not one and a renewal day outside 1 to 31', () => {
    expect(() => planRenewal(plan('not a date'), at('2026-01-01T00:00:00Z'))).toThrow(RangeError)
    expect(() => planRenewal(plan('2026-01-01T00:00:00Z'), at('nope'))).toThrow(RangeError)
    for (const day of [0, 32, 1.5]) {
      expect(() =>
        planRenewal(plan('2026-01-01T00:00:00Z', day), at('2026-01-02T00:00:00Z')),
      ).toThrow(RangeError)
    }
  })
})

describe('shiftRenewalDate', () => {
  it('moves by calendar months either way, on the plan day or the last day of a short month', () => {
    const from = at('2028-03-31T06:00:00.000Z')
    expect(iso(shiftRenewalDate(from, 0))).toBe('2028-03-31T06:00:00.000Z')
    expect(iso(shiftRenewalDate(from, -1))).toBe('2028-02-29T06:00:00.000Z')
    expect(iso(shiftRenewalDate(from, -13))).toBe('2027-02-28T06:00:00.000Z')
    expect(iso(shiftRenewalDate(from, -3))).toBe('2027-12-31T06:00:00.000Z')
    expect(iso(shiftRenewalDate(from, 1))).toBe('2028-04-30T06:00:00.000Z')
    expect(iso(shiftRenewalDate(at('2028-04-30T06:00:00.000Z'), 1, 31))).toBe(
      '2028-05-31T06:00:00.000Z',
    )
    expect(() => shiftRenewalDate(from, 0.5)).toThrow(RangeError)
  })
})
