import { add, type components, usd, ValidationError } from '@payg-kit/core'
import { readUsageQuery, usageBuckets } from '@payg-kit/core/rules'
import { withMessage } from '../apiError'
import { json } from '../http'
import type { Routes, ServerContext } from './types'

type UsageReport = components['schemas']['UsageReport']
type PricingService = components['schemas']['PricingService']
type UsageBucket = components['schemas']['UsageBucket']

/**
 * Spend of account $1 from UTC day $2 to UTC day $3 (both inclusive), by day and service: one
 * range of `payg_usage_days` (a row per day and service, kept with the ledger by migration 0007),
 * so a report costs its days, not its charges.
 */
export const USAGE_SQL = `
  SELECT to_char(day, 'YYYY-MM-DD') AS day, service, (-amount)::text AS amount, requests
  FROM payg_usage_days
  WHERE account_id = $1 AND day >= $2::date AND day <= $3::date
  ORDER BY payg_usage_days.day, first_seq`

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
        if (!read.ok) {
          const message = 'Some parameters are invalid.'
          const error = new ValidationError({ status: 422, message, fieldErrors: read.errors })
          throw withMessage(error, message)
        }
        const { range } = read
        await context.account(accountId)
        // One row per day and service, oldest first; each bucket sums its days in order.
        const rows = await context.options.database.query<{
          day: string
          service: PricingService
          amount: string
          requests: number
        }>(USAGE_SQL, [accountId, range.from, range.to])
        let next = 0
        let total = usd(0)
        const buckets = usageBuckets(range).map(({ date, last }): UsageBucket => {
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
