// `GET /billing/usage`: the range a query asks for and the buckets it is cut into, one copy for
// the mock and the server. Days are UTC; bounds come from the spec (USAGE_LIMITS).
import type { components } from '../generated/payg'
import { USAGE_LIMITS } from '../generated/pricingLimits'
import type { FieldError } from './createValidator'
import { readQuery } from './query'

/** A usage report's bucket size. */
export type UsageGranularity = components['schemas']['UsageGranularity']

/** A valid usage query: first and last day (YYYY-MM-DD, UTC, inclusive) and the bucket size. */
export interface UsageRange {
  from: string
  to: string
  granularity: UsageGranularity
}

/** One bucket of a report: its first and last day within the range (YYYY-MM-DD, UTC). */
export interface UsageBucketSpan {
  date: string
  last: string
}

const DAY_MS = 86_400_000
/** 0001-01-01: no date before it is a four-digit year. */
const FIRST_DAY = Date.parse('0001-01-01T00:00:00Z')

const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10)

/** A YYYY-MM-DD day as UTC milliseconds, or null when it is not a real date. */
function parseDay(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null
  const time = Date.parse(`${value}T00:00:00Z`)
  return Number.isNaN(time) || isoDay(time) !== value ? null : time
}

/** The 1st of a month (UTC ms), for any year: `Date.UTC` would read years 0 to 99 as 1900 to 1999. */
function monthStart(year: number, month: number): number {
  const date = new Date(0)
  date.setUTCFullYear(year, month, 1)
  return date.getTime()
}

/** The first day of the bucket holding `day` (UTC ms): the day, its ISO week's Monday, its month's 1st. */
function bucketStart(day: number, granularity: UsageGranularity): number {
  if (granularity === 'WEEK') return day - ((new Date(day).getUTCDay() + 6) % 7) * DAY_MS
  if (granularity === 'MONTH') {
    const date = new Date(day)
    return monthStart(date.getUTCFullYear(), date.getUTCMonth())
  }
  return day
}

/** The first day of the bucket after the one starting at `start`. */
function nextBucket(start: number, granularity: UsageGranularity): number {
  if (granularity === 'WEEK') return start + 7 * DAY_MS
  if (granularity === 'MONTH') {
    const date = new Date(start)
    return monthStart(date.getUTCFullYear(), date.getUTCMonth() + 1)
  }
  return start + DAY_MS
}

/** How many buckets of `granularity` the days `from`..`to` (UTC ms, inclusive) fall into. */
function bucketCount(from: number, to: number, granularity: UsageGranularity): number {
  if (granularity === 'DAY') return (to - from) / DAY_MS + 1
  if (granularity === 'WEEK') {
    return (bucketStart(to, 'WEEK') - bucketStart(from, 'WEEK')) / (7 * DAY_MS) + 1
  }
  const a = new Date(from)
  const b = new Date(to)
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth() + 1
}

/**
 * Reads a `GET /billing/usage` query (`from`, `to`, `days`, `granularity`, each at most once
 * and no other) against the spec's rules, with `now` standing for today. Gives the range, or every invalid parameter for a 422.
 */
export function readUsageQuery(
  query: URLSearchParams,
  now: Date,
): { ok: true; range: UsageRange } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = []
  const fail = (field: string, code: string, message: string) => {
    errors.push({ field, code, message })
  }
  const { minimum, maximum } = USAGE_LIMITS.days
  const today = Date.parse(`${isoDay(now.getTime())}T00:00:00Z`)
  const values = readQuery(query, 'getUsage', errors)
  // A repeated bound is not read: the range is not checked against the default in its place.
  const parametersRead = errors.length === 0
  const rawTo = values.to ?? null
  const rawFrom = values.from ?? null
  const rawDays = values.days ?? null
  const to = rawTo === null ? today : parseDay(rawTo)
  if (to === null) fail('to', 'INVALID_TYPE', 'Must be a date (YYYY-MM-DD).')
  let days: number = USAGE_LIMITS.days.default
  if (rawDays !== null) {
    days = /^\d{1,6}$/.test(rawDays) ? Number(rawDays) : Number.NaN
    if (!(days >= minimum && days <= maximum)) {
      fail('days', 'OUT_OF_RANGE', `Must be a whole number of days from ${minimum} to ${maximum}.`)
    }
    if (rawFrom !== null) fail('days', 'INVALID_VALUE', 'Give `from` or `days`, not both.')
  }
  const length = days >= minimum && days <= maximum ? days : USAGE_LIMITS.days.default
  const from = rawFrom === null ? (to ?? today) - (length - 1) * DAY_MS : parseDay(rawFrom)
  if (from === null) fail('from', 'INVALID_TYPE', 'Must be a date (YYYY-MM-DD).')
  const granularity = (values.granularity ?? 'DAY') as UsageGranularity
  const known = (USAGE_LIMITS.granularity as readonly string[]).includes(granularity)
  if (!known)
    fail('granularity', 'INVALID_VALUE', `Must be ${USAGE_LIMITS.granularity.join(', ')}.`)
  if (from !== null && to !== null && parametersRead) {
    if (from < FIRST_DAY)
      fail('from', 'OUT_OF_RANGE', 'The range starts in year 1 at the earliest.')
    else if (from > to) fail('from', 'OUT_OF_RANGE', 'Must not be after `to`.')
    else if ((to - from) / DAY_MS + 1 > maximum) {
      fail('from', 'OUT_OF_RANGE', `The range is at most ${maximum} days.`)
    } else if (known && bucketCount(from, to, granularity) > USAGE_LIMITS.maxBuckets) {
      fail(
        'granularity',
        'OUT_OF_RANGE',
        `The range needs more than ${USAGE_LIMITS.maxBuckets} buckets: ask for WEEK or MONTH.`,
      )
    }
  }
  if (errors.length > 0 || from === null || to === null) return { ok: false, errors }
  return { ok: true, range: { from: isoDay(from), to: isoDay(to), granularity } }
}

/** The buckets of a valid range, oldest first; the first and last are cut to the range. */
export function usageBuckets(range: UsageRange): UsageBucketSpan[] {
  const to = Date.parse(`${range.to}T00:00:00Z`)
  const buckets: UsageBucketSpan[] = []
  let start = Date.parse(`${range.from}T00:00:00Z`)
  while (start <= to) {
    const next = nextBucket(bucketStart(start, range.granularity), range.granularity)
    buckets.push({ date: isoDay(start), last: isoDay(Math.min(next - DAY_MS, to)) })
    start = next
  }
  return buckets
}
