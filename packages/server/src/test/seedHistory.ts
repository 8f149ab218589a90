import type { Database } from '../database'

/** What `seedHistory` wrote. */
export interface SeededHistory {
  /** Ledger entries: in every 100, 1 top-up (+100), 98 charges, 1 refund of the last charge. */
  entries: number
  /** Top-up attempts: one succeeded and nine lookups' CANCELLED attempts in every 10. */
  attempts: number
}

/**
 * Appends `entries` ledger entries to account `accountId` (opened if new) in two bulk statements,
 * spread evenly over [from, to), keeping the ledger's invariants (each balance-after is the
 * running sum, the stored balance their total, refunds refund an earlier charge), and a tenth as
 * many top-up attempts. For tests and benchmarks of long histories: nothing else may write to
 * the account meanwhile.
 */
export async function seedHistory(
  database: Database,
  accountId: string,
  entries: number,
  range: { from: Date; to: Date },
): Promise<SeededHistory> {
  const from = range.from.toISOString()
  const step = `${(range.to.getTime() - range.from.getTime()) / entries} milliseconds`
  const attempts = Math.floor(entries / 10)
  await database.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO payg_accounts (id, balance, created_at) VALUES ($1, 0, $2::timestamptz)
       ON CONFLICT (id) DO NOTHING`,
      [accountId, from],
    )
    const [account] = await tx.query<{ balance: string }>(
      'SELECT balance::text AS balance FROM payg_accounts WHERE id = $1 FOR UPDATE',
      [accountId],
    )
    const prefix = `seed_${crypto.randomUUID().slice(0, 8)}_`
    // Rows in `i` order take their seq in that order, so the running sum follows seq.
    await tx.query(
      `WITH s AS (
         SELECT i,
                CASE i % 100 WHEN 1 THEN 'TOP_UP' WHEN 50 THEN 'REFUND' ELSE 'USAGE' END AS type,
                CASE i % 100 WHEN 1 THEN 100::numeric WHEN 50 THEN 0.0012
                  ELSE -0.0012 * (1 + i % 7) END AS amount,
                (ARRAY['IMAGE_GENERATION', 'UNIVERSAL_UPSCALER', 'MOTION_VIDEO_GENERATION'])
                  [1 + (CASE i % 100 WHEN 50 THEN i - 1 ELSE i END) % 3] AS service
         FROM generate_series(1, $3::int) AS i
       )
       INSERT INTO payg_ledger (id, account_id, type, amount, balance_after, description, service,
                                generation_id, refund_of, created_at)
       SELECT $2::text || i, $1::text, type, amount,
              $4::numeric + sum(amount) OVER (ORDER BY i),
              CASE type WHEN 'TOP_UP' THEN 'Top-up' WHEN 'REFUND' THEN 'Refund' ELSE 'Usage' END,
              CASE WHEN type = 'TOP_UP' THEN NULL ELSE service END,
              CASE WHEN type = 'USAGE' THEN 'gen_' || $2::text || i END,
              CASE WHEN type = 'REFUND' THEN $2::text || (i - 1) END,
              $5::timestamptz + (i - 1) * $6::interval
       FROM s ORDER BY i`,
      [accountId, prefix, entries, account?.balance ?? '0', from, step],
    )
    await tx.query(
      `UPDATE payg_accounts SET balance = balance + (
         SELECT coalesce(sum(amount), 0) FROM payg_ledger WHERE account_id = $1 AND id LIKE $2)
       WHERE id = $1`,
      [accountId, `${prefix}%`],
    )
    await tx.query(
      `INSERT INTO payg_top_up_attempts (id, account_id, kind, amount, description, status,
                                         provider_key, request_key, payment_id, created_at,
                                         settled_at)
       SELECT $2::text || 'tu_' || j, $1::text, 'MANUAL', CASE WHEN j % 10 = 0 THEN 100 END,
              CASE WHEN j % 10 = 0 THEN 'Top-up' ELSE 'Cancelled by a lookup' END,
              CASE WHEN j % 10 = 0 THEN 'SUCCEEDED' ELSE 'CANCELLED' END,
              $2::text || 'pk_' || j, $2::text || 'rk_' || j,
              CASE WHEN j % 10 = 0 THEN $2::text || 'pay_' || j END,
              $4::timestamptz + (j - 1) * 10 * $5::interval,
              CASE WHEN j % 10 = 0 THEN $4::timestamptz + (j - 1) * 10 * $5::interval END
       FROM generate_series(1, $3::int) AS j ORDER BY j`,
      [accountId, prefix, attempts, from, step],
    )
  })
  return { entries, attempts }
}
