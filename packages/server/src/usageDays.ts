import type { Queryable } from './database'

/**
 * The usage days' invariant as one query: every (account, UTC day, service) row of
 * `payg_usage_days` equals the sum, count and first seq of that day's charges and refunds of
 * charges in the ledger, and no such day of the ledger lacks its row. Lists the days that differ.
 */
export const USAGE_DAYS_INVARIANT_SQL = `
WITH ledger AS (
  SELECT account_id, (created_at AT TIME ZONE 'UTC')::date AS day, service, sum(amount) AS amount,
         count(*) FILTER (WHERE type = 'USAGE')::int AS requests, min(seq) AS first_seq
  FROM payg_ledger
  WHERE type IN ('USAGE', 'REFUND') AND service IS NOT NULL
  GROUP BY 1, 2, 3
)
SELECT coalesce(l.account_id, d.account_id) AS account_id,
       to_char(coalesce(l.day, d.day), 'YYYY-MM-DD') AS day,
       coalesce(l.service, d.service) AS service
FROM ledger l FULL JOIN payg_usage_days d
  ON d.account_id = l.account_id AND d.day = l.day AND d.service = l.service
WHERE l.account_id IS NULL OR d.account_id IS NULL OR d.amount <> l.amount
   OR d.requests <> l.requests OR d.first_seq <> l.first_seq
ORDER BY 1, 2, 3`

/** One (account, day, service) whose stored usage day disagrees with the ledger. */
export interface UsageDayMismatch {
  accountId: string
  day: string
  service: string
}

/** Runs the usage days' invariant; an empty list means every stored day equals its ledger. */
export async function checkUsageDays(database: Queryable): Promise<UsageDayMismatch[]> {
  const rows = await database.query<{ account_id: string; day: string; service: string }>(
    USAGE_DAYS_INVARIANT_SQL,
  )
  return rows.map((row) => ({ accountId: row.account_id, day: row.day, service: row.service }))
}
