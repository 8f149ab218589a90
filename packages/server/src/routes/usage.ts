import { add, type components, usd } from '@payg-kit/core'
import { readUsageQuery, usageBuckets } from '@payg-kit/core/rules'
import { invalidParameters, json } from '../http'
import type { Routes, ServerContext } from './types'

type UsageReport = components['schemas']['UsageReport']
type PricingService = components['schemas']['PricingService']
type UsageBucket = components['schemas']['UsageBucket']

/**
 * Spend of account $1 from UTC day $2 to UTC day $3 (both inclusive), by bucket and service; $4
 * holds the buckets' first days, oldest first. Each bucket reads one range of `payg_usage_days`
 * (a row per day and service, kept with the ledger by migration 0007), so a report costs its
 * days, not its charges. Services come in the order of their first charge in the bucket.
 */
export const USAGE_SQL = `
  WITH bucket AS (
    SELECT start, coalesce(lead(start) OVER (ORDER BY start) - 1, $3::date) AS last
    FROM unnest($4::date[]) AS start
  )
  SELECT to_char(b.start, 'YYYY-MM-DD') AS day, d.service, (-sum(d.amount))::text AS amount,
         sum(d.requests)::int AS requests
  FROM bucket b
  JOIN payg_usage_days d ON d.account_id = $1 AND d.day >= b.start AND d.day <= b.last
  WHERE b.start >= $2::date
  GROUP BY b.start, d.service
  ORDER BY b.start, min(ARRAY[d.day - DATE '0001-01-01', d.first_seq])`

/**
 * `GET /billing/usage`: spend per UTC day, week or month and service over a range. SQL reads the
 * account's days (charges and the refunds of charges, summed per day as they are written); the
 * buckets (the rule shared with the mock) then sum their days.
 */
export function usageRoutes(context: ServerContext): Routes {
  const now = context.options.now ?? (() => new Date())
  return {
    '/billing/usage': {
      GET: async ({ accountId, url }) => {
        const read = readUsageQuery(url.searchParams, now())
        if (!read.ok) throw invalidParameters(read.errors)
        const { range } = read
        await context.account(accountId)
        // One row per bucket and service, oldest first.
        const spans = usageBuckets(range)
        const rows = await context.options.database.query<{
          day: string
          service: PricingService
          amount: string
          requests: number
        }>(USAGE_SQL, [accountId, range.from, range.to, spans.map((span) => span.date)])
        let next = 0
        let total = usd(0)
        const buckets = spans.map(({ date, last }): UsageBucket => {
          let sum = usd(0)
          let requests = 0
          const byService = new Map<
            PricingService,
            { amount: ReturnType<typeof usd>; requests: number }
          >()
          for (; next < rows.length && (rows[next] as (typeof rows)[number]).day <= last; next++) {
            const row = rows[next] as (typeof rows)[number]
            const amount = usd(row.amount)
            sum = add(sum, amount)
            requests += row.requests
            const into = byService.get(row.service)
            byService.set(row.service, {
              amount: into ? add(into.amount, amount) : amount,
              requests: (into?.requests ?? 0) + row.requests,
            })
          }
          total = add(total, sum)
          return {
            date,
            total: sum.amount,
            requests,
            byService: [...byService].map(([service, value]) => ({
              service,
              amount: value.amount.amount,
              requests: value.requests,
            })),
          }
        })
        const report: UsageReport = {
          from: range.from,
          to: range.to,
          currency: 'USD',
          total: total.amount,
          granularity: range.granularity,
          buckets,
        }
        return json(200, report)
      },
    },
  }
}
