import type { Queryable } from './database'

/** One account whose stored balance or running balances disagree with its entries. */
export interface LedgerMismatch {
  accountId: string
  /** The stored balance. */
  balance: string
  /** The sum of the account's entries. */
  ledgerSum: string
  /** How many of its entries carry a `balance_after` other than the running sum up to them. */
  badEntries: number
}

/**
 * The ledger invariant as one query: for every account, the stored balance equals the sum of its
 * entries, and each entry's balance-after equals the running sum up to it. Run it against your
 * database at any time (`psql -c "$(node -p ...)"` or `checkLedger(database)`).
 */
export const LEDGER_INVARIANT_SQL = `
WITH running AS (
  SELECT account_id, amount, balance_after,
         sum(amount) OVER (PARTITION BY account_id ORDER BY seq) AS running_sum
  FROM payg_ledger
),
per_account AS (
  SELECT a.id AS account_id, a.balance,
         coalesce(sum(r.amount), 0) AS ledger_sum,
         count(*) FILTER (WHERE r.balance_after <> r.running_sum) AS bad_entries
  FROM payg_accounts a LEFT JOIN running r ON r.account_id = a.id
  GROUP BY a.id, a.balance
)
SELECT account_id, balance::text AS balance, ledger_sum::text AS ledger_sum,
       bad_entries::int AS bad_entries
FROM per_account
WHERE balance <> ledger_sum OR bad_entries > 0
ORDER BY account_id`

/** Runs the ledger invariant; an empty list means every balance equals its ledger. */
export async function checkLedger(database: Queryable): Promise<LedgerMismatch[]> {
  const rows = await database.query<{
    account_id: string
    balance: string
    ledger_sum: string
    bad_entries: number
  }>(LEDGER_INVARIANT_SQL)
  return rows.map((row) => ({
    accountId: row.account_id,
    balance: row.balance,
    ledgerSum: row.ledger_sum,
    badEntries: Number(row.bad_entries),
  }))
}
