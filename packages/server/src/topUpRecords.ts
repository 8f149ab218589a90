import type { components } from '@payg-kit/core'
import { type AttemptRow, toTopUp } from './autoTopUp'
import type { Database } from './database'
import { decodeCursor, encodeCursor, sha256 } from './ledger'

type TopUp = components['schemas']['TopUp']

const COLUMNS = `seq::text AS seq, id, account_id, kind, amount::text AS amount, description, status,
  provider_key, request_key, message, payment_id, payment_method_id, failure_code, decline_code,
  created_at`

/**
 * A page of account $1's settled top-ups before seq $2 (from the newest when null), newest
 * first, $3 of them: one range of the partial index of settled attempts, whatever the plan,
 * ordered by the column (the text `seq` it returns would sort 10 before 9).
 */
export const TOP_UP_PAGE_SQL = `SELECT ${COLUMNS} FROM payg_top_up_attempts
  WHERE account_id = $1 AND status IN ('SUCCEEDED', 'DECLINED')
    AND seq < coalesce($2::bigint, 9223372036854775807)
  ORDER BY payg_top_up_attempts.seq DESC LIMIT $3`

/** The account's settled top-ups (succeeded and declined, manual and automatic), newest first. */
export async function listTopUps(
  database: Database,
  accountId: string,
  page: { cursor: string | null; limit: number },
): Promise<components['schemas']['TopUpList']> {
  const before = page.cursor === null ? null : decodeCursor(page.cursor, 'top-ups')
  const rows = await database.query<AttemptRow & { seq: string }>(TOP_UP_PAGE_SQL, [
    accountId,
    before,
    page.limit + 1,
  ])
  const data = rows.slice(0, page.limit)
  const last = data[data.length - 1]
  return {
    data: data.map(toTopUp),
    nextCursor: rows.length > page.limit && last ? encodeCursor(last.seq, 'top-ups') : null,
  }
}

/**
 * The account's manual top-up made with `idempotencyKey`; when there is none, null, and the key
 * is cancelled for good (a CANCELLED attempt under it, in one transaction under the account's
 * lock, so a top-up with that key either came first and is found, or comes after and is
 * refused). `PENDING` while its payment is still being taken: its outcome is not known yet.
 */
export async function lookUpTopUp(
  database: Database,
  lookup: { accountId: string; idempotencyKey: string; at: Date },
): Promise<TopUp | 'PENDING' | null> {
  const providerKey = await sha256(`top-up\n${lookup.accountId}\n${lookup.idempotencyKey}`)
  return database.transaction(async (tx) => {
    await tx.query('SELECT 1 FROM payg_accounts WHERE id = $1 FOR UPDATE', [lookup.accountId])
    const [row] = await tx.query<AttemptRow>(
      `SELECT ${COLUMNS} FROM payg_top_up_attempts WHERE account_id = $1 AND request_key = $2`,
      [lookup.accountId, lookup.idempotencyKey],
    )
    if (row?.status === 'PENDING') return 'PENDING'
    if (row?.status === 'SUCCEEDED' || row?.status === 'DECLINED') return toTopUp(row)
    if (!row) {
      await tx.query(
        `INSERT INTO payg_top_up_attempts
           (id, account_id, kind, amount, description, status, provider_key, request_key, created_at)
         VALUES ($1, $2, 'MANUAL', NULL, 'Cancelled by a lookup', 'CANCELLED', $3, $4, $5::timestamptz)`,
        [
          `tu_${crypto.randomUUID()}`,
          lookup.accountId,
          providerKey,
          lookup.idempotencyKey,
          lookup.at.toISOString(),
        ],
      )
    }
    return null
  })
}
