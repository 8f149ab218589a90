import { add, type components, type FieldError, usd, ValidationError } from '@payg-kit/core'
import { withMessage } from '../apiError'
import { json } from '../http'
import type { Routes, ServerContext } from './types'

type UsageReport = components['schemas']['UsageReport']
type PricingService = components['schemas']['PricingService']

const DAY_MS = 86_400_000

/** Spend of account $1 from UTC day $2 to UTC day $3 (both inclusive), by day and service. */
export const USAGE_SQL = `
  SELECT to_char((created_at AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS day, service,
         (-sum(amount))::text AS amount,
         (count(*) FILTER (WHERE type = 'USAGE'))::int AS requests
  FROM payg_ledger
  WHERE account_id = $1 AND type IN ('USAGE', 'REFUND') AND service IS NOT NULL
    AND created_at >= ($2::date)::timestamp AT TIME ZONE 'UTC'
    AND created_at < ($3::date + 1)::timestamp AT TIME ZONE 'UTC'
  GROUP BY 1, 2
  ORDER BY 1, min(seq)`

function parseDay(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null
  const time = Date.parse(`${value}T00:00:00Z`)
  return Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== value ? null : time
}

/** 0001-01-01: no date before it is a four-digit year. */
const FIRST_DAY = Date.parse('0001-01-01T00:00:00Z')

const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10)

/** The report's range from the query (the spec's rules), or a 422 listing every bad parameter. */
function readRange(query: URLSearchParams, now: Date): { from: number; to: number } {
  const errors: FieldError[] = []
  const fail = (field: string, code: string, message: string) => {
    errors.push({ field, code, message })
  }
  const today = Date.parse(`${isoDay(now.getTime())}T00:00:00Z`)
  const rawTo = query.get('to')
  const rawFrom = query.get('from')
  const rawDays = query.get('days')
  const to = rawTo === null ? today : parseDay(rawTo)
  if (to === null) fail('to', 'INVALID_TYPE', 'to must be a date (YYYY-MM-DD).')
  let days = 30
  if (rawDays !== null) {
    days = /^\d{1,3}$/.test(rawDays) ? Number(rawDays) : Number.NaN
    if (!(days >= 1 && days <= 366)) {
      fail('days', 'OUT_OF_RANGE', 'days must be a whole number of days from 1 to 366.')
    }
    if (rawFrom !== null) fail('days', 'INVALID_VALUE', 'Give from or days, not both.')
  }
  const from =
    rawFrom === null ? (to ?? today) - ((days >= 1 ? days : 30) - 1) * DAY_MS : parseDay(rawFrom)
  if (from === null) fail('from', 'INVALID_TYPE', 'from must be a date (YYYY-MM-DD).')
  const granularity = query.get('granularity')
  if (granularity !== null && granularity !== 'DAY') {
    fail('granularity', 'INVALID_VALUE', 'granularity must be DAY.')
  }
  if (from !== null && to !== null) {
    if (from < FIRST_DAY)
      fail('from', 'OUT_OF_RANGE', 'The range starts in year 1 at the earliest.')
    else if (from > to) fail('from', 'OUT_OF_RANGE', 'from must not be after to.')
    else if ((to - from) / DAY_MS + 1 > 366) {
      fail('from', 'OUT_OF_RANGE', 'The range is at most 366 days.')
    }
  }
  if (errors.length > 0 || from === null || to === null) {
    const message = 'Some parameters are invalid.'
    throw withMessage(new ValidationError({ status: 422, message, fieldErrors: errors }), message)
  }
  return { from, to }
}

/**
 * `GET /billing/usage`: spend per UTC day and service over a range, summed in SQL from the
 * account's charges (and the refunds of charges) through the (account, created_at) index.
 */
export function usageRoutes(context: ServerContext): Routes {
  const now = context.options.now ?? (() => new Date())
  return {
    '/billing/usage': {
      GET: async ({ accountId, url }) => {
        const { from, to } = readRange(url.searchParams, now())
        await context.account(accountId)
        const rows = await context.options.database.query<{
          day: string
          service: PricingService
          amount: string
          requests: number
        }>(USAGE_SQL, [accountId, isoDay(from), isoDay(to)])
        const byDay = new Map<string, typeof rows>()
        for (const row of rows) byDay.set(row.day, [...(byDay.get(row.day) ?? []), row])
        let total = usd(0)
        const buckets: UsageReport['buckets'] = []
        for (let day = from; day <= to; day += DAY_MS) {
          const date = isoDay(day)
          const services = byDay.get(date) ?? []
          let dayTotal = usd(0)
          let requests = 0
          for (const service of services) {
            dayTotal = add(dayTotal, usd(service.amount))
            requests += service.requests
          }
          total = add(total, dayTotal)
          buckets.push({
            date,
            total: dayTotal.amount,
            requests,
            byService: services.map((service) => ({
              service: service.service,
              amount: usd(service.amount).amount,
              requests: service.requests,
            })),
          })
        }
        const report: UsageReport = {
          from: isoDay(from),
          to: isoDay(to),
          currency: 'USD',
          total: total.amount,
          buckets,
        }
        return json(200, report)
      },
    },
  }
}
