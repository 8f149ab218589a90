import { type components, IdempotencyConflictError, usd } from '@payg-kit/core'
import { withMessage } from './apiError'
import type { Database, Queryable } from './database'
import { decodeCursor, encodeCursor } from './ledger'

type TopUp = components['schemas']['TopUp']

/** What a top-up's record says: claimed and in progress, an outcome, or a key a lookup cancelled. */
export type TopUpRecordStatus = 'PENDING' | 'SUCCEEDED' | 'DECLINED' | 'CANCELLED'

interface TopUpRow {
  seq: string
  id: string
  amount: string
  kind: TopUp['kind']
  status: TopUpRecordStatus
  payment_method_id: string | null
  created_at: Date | string
}

/** A settled top-up's columns; a credited one is dated by its ledger entry, as its answer was. */
const TOP_UP_COLUMNS = `t.seq::text AS seq, t.id, t.amount::text AS amount, t.kind, t.status,
  t.payment_method_id,
  coalesce((SELECT l.created_at FROM payg_ledger l WHERE l.account_id = t.account_id
            AND l.top_up_id = t.id ORDER BY l.seq LIMIT 1), t.created_at) AS created_at`

function toTopUp(row: TopUpRow): TopUp {
  return {
    id: row.id,
    amount: usd(row.amount).amount,
    kind: row.kind,
    status: row.status as TopUp['status'],
    paymentMethodId: row.payment_method_id,
    createdAt: new Date(row.created_at).toISOString(),
  }
}

async function lockAccount(tx: Queryable, accountId: string): Promise<void> {
  await tx.query('SELECT 1 FROM payg_accounts WHERE id = $1 FOR UPDATE', [accountId])
}

/**
 * Claims a manual top-up under its request's key before the payment is taken, and returns its id
 * (the same id for a retry or a racing duplicate). Refused with 409 when a lookup cancelled the
 * key, or when the key was used for another amount.
 */
export async function claimTopUp(
  database: Database,
  claim: { accountId: string; idempotencyKey: string; amount: number; at: Date },
): Promise<string> {
  return database.transaction(async (tx) => {
    await lockAccount(tx, claim.accountId)
    const [row] = await tx.query<{ id: string; status: TopUpRecordStatus; amount: string | null }>(
      `SELECT id, status, amount::text AS amount FROM payg_top_ups
       WHERE account_id = $1 AND idempotency_key = $2`,
      [claim.accountId, claim.idempotencyKey],
    )
    if (row?.status === 'CANCELLED') {
      const message =
        'This top-up was looked up and cancelled before it arrived, so nothing was charged. Start a new top-up (with a new Idempotency-Key).'
      throw withMessage(
        new IdempotencyConflictError({
          status: 409,
          message,
          idempotencyKey: claim.idempotencyKey,
          details: { idempotencyKey: claim.idempotencyKey, reason: 'CANCELLED_BY_LOOKUP' },
        }),
        message,
      )
    }
    if (row) {
      if (usd(row.amount ?? '0').amount !== usd(claim.amount).amount) {
        const message = 'This Idempotency-Key was already used with a different request body.'
        throw withMessage(
          new IdempotencyConflictError({
            status: 409,
            message,
            idempotencyKey: claim.idempotencyKey,
          }),
          message,
        )
      }
      return row.id
    }
    const id = `tu_${crypto.randomUUID()}`
    await tx.query(
      `INSERT INTO payg_top_ups (id, account_id, idempotency_key, amount, kind, status, created_at)
       VALUES ($1, $2, $3, $4::numeric, 'MANUAL', 'PENDING', $5::timestamptz)`,
      [id, claim.accountId, claim.idempotencyKey, String(claim.amount), claim.at.toISOString()],
    )
    return id
  })
}

/** Records a claimed top-up's outcome (in the ledger write's transaction when it succeeded). */
export async function settleTopUp(
  tx: Queryable,
  settled: {
    id: string
    status: 'SUCCEEDED' | 'DECLINED'
    paymentMethodId: string | null
    at: Date
  },
): Promise<void> {
  await tx.query(
    `UPDATE payg_top_ups SET status = $2, payment_method_id = $3, created_at = $4::timestamptz
     WHERE id = $1`,
    [settled.id, settled.status, settled.paymentMethodId, settled.at.toISOString()],
  )
}

/**
 * Drops a claim whose payment was never attempted (no saved payment method): as the mock does, no
 * top-up is recorded, and a lookup of its key answers 404.
 */
export async function releaseTopUp(database: Database, id: string): Promise<void> {
  await database.query("DELETE FROM payg_top_ups WHERE id = $1 AND status = 'PENDING'", [id])
}

/** The account's settled top-ups (succeeded and declined), newest first, a page at a time. */
export async function listTopUps(
  database: Database,
  accountId: string,
  page: { cursor: string | null; limit: number },
): Promise<components['schemas']['TopUpList']> {
  const before = page.cursor === null ? null : decodeCursor(page.cursor)
  const rows = await database.query<TopUpRow>(
    `SELECT ${TOP_UP_COLUMNS} FROM payg_top_ups t
     WHERE t.account_id = $1 AND t.status IN ('SUCCEEDED', 'DECLINED')
       AND ($2::bigint IS NULL OR t.seq < $2::bigint)
     ORDER BY t.seq DESC LIMIT $3`,
    [accountId, before, page.limit + 1],
  )
  const data = rows.slice(0, page.limit)
  const last = data[data.length - 1]
  return {
    data: data.map(toTopUp),
    nextCursor: rows.length > page.limit && last ? encodeCursor(last.seq) : null,
  }
}

/**
 * The account's manual top-up made with `idempotencyKey`; when there is none, null, and the key
 * is cancelled for good (in one transaction under the account's lock, so a top-up claiming it
 * either came first and is found, or comes after and is refused). `PENDING` while its payment is
 * still being taken: its outcome is not known yet.
 */
export async function lookUpTopUp(
  database: Database,
  lookup: { accountId: string; idempotencyKey: string; at: Date },
): Promise<TopUp | 'PENDING' | null> {
  return database.transaction(async (tx) => {
    await lockAccount(tx, lookup.accountId)
    const [row] = await tx.query<TopUpRow>(
      `SELECT ${TOP_UP_COLUMNS} FROM payg_top_ups t
       WHERE t.account_id = $1 AND t.idempotency_key = $2`,
      [lookup.accountId, lookup.idempotencyKey],
    )
    if (row?.status === 'PENDING') return 'PENDING'
    if (row?.status === 'SUCCEEDED' || row?.status === 'DECLINED') return toTopUp(row)
    if (!row) {
      await tx.query(
        `INSERT INTO payg_top_ups (id, account_id, idempotency_key, kind, status, created_at)
         VALUES ($1, $2, $3, 'MANUAL', 'CANCELLED', $4::timestamptz)`,
        [
          `tu_${crypto.randomUUID()}`,
          lookup.accountId,
          lookup.idempotencyKey,
          lookup.at.toISOString(),
        ],
      )
    }
    return null
  })
}
