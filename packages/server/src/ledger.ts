import {
  compare,
  type components,
  type DecimalInput,
  IdempotencyConflictError,
  InsufficientBalanceError,
  isNegative,
  isZero,
  NotFoundError,
  subtract,
  type Usd,
  usd,
  ValidationError,
} from '@payg-kit/core'
import {
  IDEMPOTENCY_KEY_MESSAGE,
  isIdempotencyKey,
  PAGE_LIMITS,
  TRANSACTION_TYPES as SPEC_TRANSACTION_TYPES,
  UNREADABLE_CURSOR,
} from '@payg-kit/core/rules'
import { withMessage } from './apiError'
import type { Database, Queryable } from './database'
import { migrate } from './migrate'
import { type LegacyPlans, legacyPlans } from './plans'

/** One ledger entry, exactly as the spec's `Transaction`. */
export type Transaction = components['schemas']['Transaction']

/** A page of entries, newest first, as the spec's `TransactionList`. */
export type TransactionList = components['schemas']['TransactionList']

/** What a ledger write returns: the entry, the balance after it, and whether it was a replay. */
export interface LedgerWrite {
  transaction: Transaction
  /** The account's balance right after this entry, a decimal string. */
  balance: string
  /** True when an earlier request with the same idempotency key and body answered this. */
  replayed: boolean
}

/** Where a charge came from, recorded on its entry. */
export interface ChargeDetails {
  description?: string
  service?: components['schemas']['PricingService'] | null
  generationId?: string | null
}

/** Options of `createLedger`. */
export interface LedgerOptions {
  database: Database
  /** How long an idempotency key is remembered, in milliseconds (default 24 hours). */
  idempotencyTtlMs?: number
  /** The clock that stamps entries and keys (default `() => new Date()`). */
  now?: () => Date
  /** Apply the package's migrations before the first operation (default true). */
  migrate?: boolean
}

/** The ledger engine: the writes a platform makes and the reads its billing pages need. */
export interface Ledger extends LegacyPlans {
  /** Creates the account if it does not exist, with `freeCredit` as its first entry. */
  openAccount(accountId: string, options?: { freeCredit?: DecimalInput | Usd }): Promise<void>
  /** The account's balance as exact money. */
  balance(accountId: string): Promise<Usd>
  /** The account's balance and when it last changed (its newest entry, or its opening). */
  account(accountId: string): Promise<{ balance: Usd; updatedAt: string }>
  /** Deducts `cost`; refused with a 402 `InsufficientBalanceError` and nothing deducted when short. */
  charge(
    accountId: string,
    cost: DecimalInput | Usd,
    idempotencyKey: string,
    details?: ChargeDetails,
  ): Promise<LedgerWrite>
  /** Gives back all (or `amount`) of what a `USAGE` entry took and has not been refunded. */
  refund(
    accountId: string,
    refund: { transactionId: string; amount?: DecimalInput | Usd; description?: string },
    idempotencyKey: string,
  ): Promise<LedgerWrite>
  /** Adds free or promotional credit (a `FREE_CREDIT` entry). */
  grant(
    accountId: string,
    amount: DecimalInput | Usd,
    idempotencyKey: string,
    details?: { description?: string },
  ): Promise<LedgerWrite>
  /** Corrects the balance by a signed amount (an `ADJUSTMENT` entry); never below zero. */
  adjust(
    accountId: string,
    amount: DecimalInput | Usd,
    idempotencyKey: string,
    details: { description: string },
  ): Promise<LedgerWrite>
  /** The account's entries, newest first, `limit` (1 to 100, default 20) at a time. */
  transactions(
    accountId: string,
    page?: { cursor?: string | null; limit?: number; type?: Transaction['type'] | null },
  ): Promise<TransactionList>
  /**
   * Forgets idempotency keys past their retention, and the top-up keys a lookup cancelled as
   * long ago; returns how many.
   */
  purgeExpiredKeys(): Promise<number>
}

const DAY_MS = 24 * 60 * 60 * 1000

type EntryType = Transaction['type']

/** Every kind of ledger entry, as the spec's `TransactionType`. */
export const TRANSACTION_TYPES: readonly EntryType[] = SPEC_TRANSACTION_TYPES

export interface Entry {
  type: EntryType
  amount: Usd
  description: string
  service?: string | null
  generationId?: string | null
  topUpId?: string | null
  refundOf?: string | null
  /** The provider's payment this entry credits; a payment is credited at most once. */
  paymentId?: string | null
}

interface LedgerRow {
  id: string
  type: EntryType
  amount: string
  balance_after: string
  description: string
  service: string | null
  generation_id: string | null
  top_up_id: string | null
  created_at: Date | string
}

const ROW_COLUMNS =
  'id, type, amount::text AS amount, balance_after::text AS balance_after, description, service, generation_id, top_up_id, created_at'

function toTransaction(row: LedgerRow): Transaction {
  return {
    id: row.id,
    type: row.type,
    amount: usd(row.amount).amount,
    balanceAfter: usd(row.balance_after).amount,
    description: row.description,
    service: row.service as Transaction['service'],
    generationId: row.generation_id,
    topUpId: row.top_up_id,
    createdAt: new Date(row.created_at).toISOString(),
  }
}

function dollars(value: DecimalInput | Usd, field: string): Usd {
  if (typeof value === 'object') {
    if (value.unit !== 'USD') throw fieldError(field, 'INVALID_TYPE', `${field} must be in USD.`)
    return usd(value.amount)
  }
  try {
    return usd(value)
  } catch {
    throw fieldError(field, 'INVALID_TYPE', `${field} must be a decimal amount.`)
  }
}

function fieldError(field: string, code: string, message: string): ValidationError {
  return withMessage(
    new ValidationError({ status: 422, message, fieldErrors: [{ field, code, message }] }),
    message,
  )
}

export function badRequest(message: string, details?: Record<string, unknown>): ValidationError {
  return withMessage(
    new ValidationError({ code: 'BAD_REQUEST', status: 400, message, details }),
    message,
  )
}

function notFound(message: string): NotFoundError {
  return withMessage(new NotFoundError({ status: 404, message }), message)
}

function positive(value: DecimalInput | Usd, field: string): Usd {
  const amount = dollars(value, field)
  if (isZero(amount) || isNegative(amount)) {
    throw fieldError(field, 'TOO_SMALL', `${field} must be greater than zero.`)
  }
  return amount
}

/**
 * A key follows the spec's rule (core/rules) wherever it comes from. A platform key (a job id
 * given to `ledger.charge`) is refused in the engine's words; one a client sent in the header is
 * refused in the mock's, naming the header as the spec's `BadRequest` does.
 */
function checkKey(key: string, from: 'platform' | 'header' = 'platform'): void {
  if (isIdempotencyKey(key)) return
  throw from === 'header'
    ? badRequest(IDEMPOTENCY_KEY_MESSAGE, { header: 'Idempotency-Key' })
    : badRequest('The idempotency key must be 1 to 255 URL-safe characters not beginning with ".".')
}

/** Where the keys a browser sends live: apart from the platform's, which cannot contain ':'. */
const CLIENT_KEY_PREFIX = 'client:'

/**
 * The stored form of an `Idempotency-Key` a client sent over HTTP. Client keys and the
 * platform's keys (a job id given to `ledger.charge`) never meet: a user cannot take, or block,
 * the key of a charge the platform has yet to make.
 */
export function clientKey(key: string): string {
  checkKey(key, 'header')
  return `${CLIENT_KEY_PREFIX}${key}`
}

/** A platform key, or a client key made by `clientKey`. */
function checkStoredKey(key: string): void {
  checkKey(
    typeof key === 'string' && key.startsWith(CLIENT_KEY_PREFIX)
      ? key.slice(CLIENT_KEY_PREFIX.length)
      : key,
  )
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`
  }
  return JSON.stringify(value ?? null)
}

export async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
}

/** The list a cursor pages: the ledger's transactions or the top-ups, each its own sequence. */
export type CursorList = 'transactions' | 'top-ups'

/** An opaque page cursor of `list` for the entry (or row) at `seq`. */
export function encodeCursor(seq: string, list: CursorList): string {
  return btoa(JSON.stringify({ before: seq, list })).replace(/=+$/, '')
}

/** The largest `seq` a bigserial holds. */
const MAX_SEQ = 9_223_372_036_854_775_807n

/**
 * The `seq` of a cursor `encodeCursor` made for `list`; 400 when it is unreadable or another
 * list's (whose positions are in another sequence), as the mock answers.
 */
export function decodeCursor(cursor: string, list: CursorList): string {
  try {
    const read = JSON.parse(atob(cursor)) as { before?: unknown; list?: unknown } | null
    const before = read?.before
    if (
      read?.list === list &&
      typeof before === 'string' &&
      /^\d{1,19}$/.test(before) &&
      BigInt(before) <= MAX_SEQ
    ) {
      return before
    }
  } catch {
    // unreadable: answered below
  }
  throw badRequest(UNREADABLE_CURSOR.message, { ...UNREADABLE_CURSOR.details })
}

/**
 * The page query of `transactions`: account $1's entries before seq $2 (from the newest when
 * null), newest first, $3 of them, only of type $4 when `byType`. One index range either way:
 * (account_id, seq DESC), or (account_id, type, seq DESC) for one type, read from the cursor
 * on for the page's length, whatever plan the statement gets (generic or custom). It orders by
 * the column, not the text `seq` it returns (which sorts 10 before 9 and no index serves).
 */
export function transactionPageSql(byType: boolean): string {
  return `SELECT seq::text AS seq, ${ROW_COLUMNS} FROM payg_ledger
    WHERE account_id = $1 ${byType ? 'AND type = $4::text ' : ''}AND seq < coalesce($2::bigint, ${MAX_SEQ})
    ORDER BY payg_ledger.seq DESC LIMIT $3`
}

/**
 * The ledger engine on `database`: every write locks its account row (`SELECT ... FOR UPDATE`),
 * checks its idempotency key, appends one entry and moves the stored balance in one transaction.
 */
export function createLedger(options: LedgerOptions): Ledger {
  return createLedgerEngine(options).ledger
}

/** What a key holds while the request that claimed it runs (`claim`): not an answer. */
const CLAIM = { 'payg:claimed': true }

function isClaim(response: unknown): boolean {
  return (
    typeof response === 'object' &&
    response !== null &&
    (response as Record<string, unknown>)['payg:claimed'] === true
  )
}

/** What an idempotency key says about a request before anything is done for it. */
export type KeyState<Extra> =
  | { state: 'new' }
  | { state: 'replay'; response: LedgerWrite & Extra }
  | { state: 'conflict' }

/** What the billing server adds inside a ledger write's transaction (not public API). */
export interface LedgerEngineHooks {
  /** Runs in the write's transaction, with the account locked, after its entry is appended. */
  afterEntry?(tx: Queryable, accountId: string, entry: Entry, balance: Usd, at: Date): Promise<void>
  /** Runs in the transaction of every appended entry (any write, opening credit included). */
  appended?(tx: Queryable, accountId: string, entry: Entry, balance: Usd, at: Date): Promise<void>
}

/** The ledger plus the steps the billing server builds payments on (not public API). */
export function createLedgerEngine(options: LedgerOptions & LedgerEngineHooks) {
  const { database } = options
  const ttlMs = options.idempotencyTtlMs ?? DAY_MS
  const now = options.now ?? (() => new Date())
  let ready: Promise<unknown> | undefined
  const start = () => {
    ready ??= options.migrate === false ? Promise.resolve() : migrate(database)
    return ready
  }

  async function lockAccount(tx: Queryable, accountId: string): Promise<Usd> {
    const rows = await tx.query<{ balance: string }>(
      'SELECT balance::text AS balance FROM payg_accounts WHERE id = $1 FOR UPDATE',
      [accountId],
    )
    const row = rows[0]
    if (!row) throw notFound('No such account.')
    return usd(row.balance)
  }

  async function append(tx: Queryable, accountId: string, entry: Entry, at: Date) {
    const [account] = await tx.query<{ balance: string }>(
      'UPDATE payg_accounts SET balance = balance + $2::numeric WHERE id = $1 RETURNING balance::text AS balance',
      [accountId, entry.amount.amount],
    )
    if (!account) throw notFound('No such account.')
    const [row] = await tx.query<LedgerRow>(
      `INSERT INTO payg_ledger
         (id, account_id, type, amount, balance_after, description, service, generation_id, top_up_id, refund_of, payment_id, created_at)
       VALUES ($1, $2, $3, $4::numeric, $5::numeric, $6, $7, $8, $9, $10, $11, $12::timestamptz)
       RETURNING ${ROW_COLUMNS}`,
      [
        `txn_${crypto.randomUUID()}`,
        accountId,
        entry.type,
        entry.amount.amount,
        account.balance,
        entry.description,
        entry.service ?? null,
        entry.generationId ?? null,
        entry.topUpId ?? null,
        entry.refundOf ?? null,
        entry.paymentId ?? null,
        at.toISOString(),
      ],
    )
    if (!row) throw new Error('[payg-kit] The ledger insert returned no row.')
    await options.appended?.(tx, accountId, entry, usd(account.balance), at)
    return { transaction: toTransaction(row), balance: usd(account.balance).amount }
  }

  /**
   * One idempotent write: lock the account, answer a replay or a conflict from the stored key,
   * else let `decide` build the entry from the locked balance, append it and store the answer.
   */
  function conflict(idempotencyKey: string): never {
    const message = 'This Idempotency-Key was already used with a different request body.'
    throw withMessage(
      new IdempotencyConflictError({ status: 409, message, idempotencyKey }),
      message,
    )
  }

  /** Reads the key without a lock: a replay, a conflict, or new (so far). */
  async function peek<Extra = object>(
    accountId: string,
    idempotencyKey: string,
    request: Record<string, unknown>,
  ): Promise<KeyState<Extra>> {
    checkStoredKey(idempotencyKey)
    await start()
    const hash = await sha256(canonical(request))
    const [stored] = await database.query<{ request_hash: string; response: LedgerWrite & Extra }>(
      `SELECT request_hash, response FROM payg_idempotency_keys
       WHERE account_id = $1 AND key = $2 AND expires_at > $3::timestamptz`,
      [accountId, idempotencyKey, now().toISOString()],
    )
    if (!stored) return { state: 'new' }
    if (stored.request_hash !== hash) return { state: 'conflict' }
    // Claimed by a request with this body still running (or one that died): no answer yet.
    if (isClaim(stored.response)) return { state: 'new' }
    return { state: 'replay', response: { ...stored.response, replayed: true } }
  }

  /**
   * Claims the key for `request` before it runs, so that two requests racing with one key and
   * different bodies cannot both run: whichever claims it first runs, the other is a conflict.
   * A request with the same body finds its own claim (`new`) or the stored answer (`replay`).
   */
  async function claim<Extra = object>(
    accountId: string,
    idempotencyKey: string,
    request: Record<string, unknown>,
  ): Promise<KeyState<Extra>> {
    checkStoredKey(idempotencyKey)
    await start()
    const at = now()
    // A claim takes the place of a forgotten (expired) key, never of a live one.
    await database.query(
      `INSERT INTO payg_idempotency_keys (account_id, key, request_hash, response, created_at, expires_at)
       VALUES ($1, $2, $3, $4::jsonb, $5::timestamptz, $6::timestamptz)
       ON CONFLICT (account_id, key) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, response = EXCLUDED.response,
             created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
         WHERE payg_idempotency_keys.expires_at <= EXCLUDED.created_at`,
      [
        accountId,
        idempotencyKey,
        await sha256(canonical(request)),
        JSON.stringify(CLAIM),
        at.toISOString(),
        new Date(at.getTime() + ttlMs).toISOString(),
      ],
    )
    return peek<Extra>(accountId, idempotencyKey, request)
  }

  /** Gives up the claim of `request` on the key (it failed, with nothing to replay). */
  async function release(
    accountId: string,
    idempotencyKey: string,
    request: Record<string, unknown>,
  ): Promise<void> {
    await database.query(
      `DELETE FROM payg_idempotency_keys
       WHERE account_id = $1 AND key = $2 AND request_hash = $3 AND response = $4::jsonb`,
      [accountId, idempotencyKey, await sha256(canonical(request)), JSON.stringify(CLAIM)],
    )
  }

  async function write<Extra extends object = object>(
    accountId: string,
    idempotencyKey: string,
    request: Record<string, unknown>,
    decide: (tx: Queryable, balance: Usd) => Promise<Entry>,
    extra?: (written: { transaction: Transaction; balance: string }) => Extra,
  ): Promise<LedgerWrite & Extra> {
    checkStoredKey(idempotencyKey)
    await start()
    const hash = await sha256(canonical(request))
    return database.transaction(async (tx) => {
      const balance = await lockAccount(tx, accountId)
      const at = now()
      const [stored] = await tx.query<{ request_hash: string; response: LedgerWrite }>(
        `SELECT request_hash, response FROM payg_idempotency_keys
         WHERE account_id = $1 AND key = $2 AND expires_at > $3::timestamptz`,
        [accountId, idempotencyKey, at.toISOString()],
      )
      if (stored && !(stored.request_hash === hash && isClaim(stored.response))) {
        if (stored.request_hash !== hash) conflict(idempotencyKey)
        return { ...(stored.response as LedgerWrite & Extra), replayed: true }
      }
      const entry = await decide(tx, balance)
      const written = await append(tx, accountId, entry, at)
      await options.afterEntry?.(tx, accountId, entry, usd(written.balance), at)
      const response = { ...written, replayed: false, ...extra?.(written) } as LedgerWrite & Extra
      await storeKey(tx, accountId, idempotencyKey, hash, response, at)
      return response
    })
  }

  async function storeKey(
    tx: Queryable,
    accountId: string,
    idempotencyKey: string,
    hash: string,
    response: unknown,
    at: Date,
  ) {
    await tx.query(
      `INSERT INTO payg_idempotency_keys (account_id, key, request_hash, response, created_at, expires_at)
       VALUES ($1, $2, $3, $4::jsonb, $5::timestamptz, $6::timestamptz)
       ON CONFLICT (account_id, key) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, response = EXCLUDED.response,
             created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at`,
      [
        accountId,
        idempotencyKey,
        hash,
        JSON.stringify(response),
        at.toISOString(),
        new Date(at.getTime() + ttlMs).toISOString(),
      ],
    )
  }

  /** Stores `response` as the answer to `request` under `idempotencyKey`, in `tx`. */
  async function remember(
    tx: Queryable,
    accountId: string,
    idempotencyKey: string,
    request: Record<string, unknown>,
    response: unknown,
    at: Date,
  ) {
    await storeKey(tx, accountId, idempotencyKey, await sha256(canonical(request)), response, at)
  }

  function refuse(balance: Usd, required: Usd): never {
    const message = 'Your balance is too low for this request. Add credit to resume.'
    throw withMessage(
      new InsufficientBalanceError({
        status: 402,
        message,
        details: { balance: balance.amount, required: required.amount, currency: 'USD' },
        balance,
        required,
      }),
      message,
    )
  }

  const ledger: Ledger = {
    async openAccount(accountId, { freeCredit } = {}) {
      if (typeof accountId !== 'string' || accountId.length === 0) {
        throw fieldError('accountId', 'REQUIRED', 'accountId must be a non-empty string.')
      }
      const credit = freeCredit === undefined ? null : positive(freeCredit, 'freeCredit')
      await start()
      await database.transaction(async (tx) => {
        const at = now()
        const created = await tx.query(
          `INSERT INTO payg_accounts (id, balance, created_at) VALUES ($1, 0, $2::timestamptz)
           ON CONFLICT (id) DO NOTHING RETURNING id`,
          [accountId, at.toISOString()],
        )
        if (created.length > 0 && credit) {
          await append(
            tx,
            accountId,
            { type: 'FREE_CREDIT', amount: credit, description: 'Free credit for a new account' },
            at,
          )
        }
      })
    },

    async account(accountId) {
      await start()
      const [row] = await database.query<{ balance: string; updated_at: Date | string }>(
        `SELECT a.balance::text AS balance,
                coalesce((SELECT created_at FROM payg_ledger l WHERE l.account_id = a.id
                          ORDER BY seq DESC LIMIT 1), a.created_at) AS updated_at
         FROM payg_accounts a WHERE a.id = $1`,
        [accountId],
      )
      if (!row) throw notFound('No such account.')
      return { balance: usd(row.balance), updatedAt: new Date(row.updated_at).toISOString() }
    },

    async balance(accountId) {
      await start()
      const [row] = await database.query<{ balance: string }>(
        'SELECT balance::text AS balance FROM payg_accounts WHERE id = $1',
        [accountId],
      )
      if (!row) throw notFound('No such account.')
      return usd(row.balance)
    },

    async charge(accountId, cost, idempotencyKey, details = {}) {
      checkKey(idempotencyKey) // a platform key: never one of the client namespace
      const amount = positive(cost, 'cost')
      const request = { op: 'charge', cost: amount.amount, ...details }
      return write(accountId, idempotencyKey, request, async (_tx, balance) => {
        if (compare(balance, amount) < 0) refuse(balance, amount)
        return {
          type: 'USAGE',
          amount: usd(`-${amount.amount}`),
          description: details.description ?? 'Usage',
          service: details.service ?? null,
          generationId: details.generationId ?? null,
        }
      })
    },

    async refund(accountId, { transactionId, amount, description }, idempotencyKey) {
      checkKey(idempotencyKey) // a platform key: never one of the client namespace
      const asked = amount === undefined ? null : positive(amount, 'amount')
      const request = { op: 'refund', transactionId, amount: asked?.amount, description }
      return write(accountId, idempotencyKey, request, async (tx) => {
        const [charge] = await tx.query<LedgerRow>(
          `SELECT ${ROW_COLUMNS} FROM payg_ledger WHERE id = $1 AND account_id = $2 AND type = 'USAGE'`,
          [transactionId, accountId],
        )
        if (!charge) throw notFound('No such charge on this account.')
        const [done] = await tx.query<{ refunded: string }>(
          'SELECT coalesce(sum(amount), 0)::text AS refunded FROM payg_ledger WHERE refund_of = $1',
          [transactionId],
        )
        const remaining = subtract(usd(charge.amount.replace(/^-/, '')), usd(done?.refunded ?? '0'))
        const refund = asked ?? remaining
        if (isZero(remaining) || compare(refund, remaining) > 0) {
          throw fieldError(
            'amount',
            'TOO_LARGE',
            `At most ${remaining.amount} of this charge is left to refund.`,
          )
        }
        return {
          type: 'REFUND',
          amount: refund,
          description: description ?? 'Refund',
          service: charge.service,
          generationId: charge.generation_id,
          refundOf: transactionId,
        }
      })
    },

    async grant(accountId, amount, idempotencyKey, details = {}) {
      checkKey(idempotencyKey) // a platform key: never one of the client namespace
      const credit = positive(amount, 'amount')
      const request = { op: 'grant', amount: credit.amount, ...details }
      return write(accountId, idempotencyKey, request, async () => ({
        type: 'FREE_CREDIT',
        amount: credit,
        description: details.description ?? 'Free credit',
      }))
    },

    async adjust(accountId, amount, idempotencyKey, details) {
      checkKey(idempotencyKey) // a platform key: never one of the client namespace
      const change = dollars(amount, 'amount')
      if (isZero(change)) throw fieldError('amount', 'TOO_SMALL', 'amount must not be zero.')
      const request = { op: 'adjust', amount: change.amount, ...details }
      return write(accountId, idempotencyKey, request, async (_tx, balance) => {
        const taken = usd(change.amount.replace(/^-/, ''))
        if (isNegative(change) && compare(balance, taken) < 0) refuse(balance, taken)
        return { type: 'ADJUSTMENT', amount: change, description: details.description }
      })
    },

    async transactions(accountId, { cursor, limit = PAGE_LIMITS.default, type = null } = {}) {
      const { minimum, maximum } = PAGE_LIMITS
      if (!Number.isInteger(limit) || limit < minimum || limit > maximum) {
        throw fieldError(
          'limit',
          'OUT_OF_RANGE',
          `limit must be a whole number from ${minimum} to ${maximum}.`,
        )
      }
      if (type !== null && !TRANSACTION_TYPES.includes(type)) {
        throw fieldError(
          'type',
          'INVALID_TYPE',
          `type must be one of ${TRANSACTION_TYPES.join(', ')}.`,
        )
      }
      const before = cursor == null ? null : decodeCursor(cursor, 'transactions')
      await start()
      const rows = await database.query<LedgerRow & { seq: string }>(
        transactionPageSql(type !== null),
        type === null ? [accountId, before, limit + 1] : [accountId, before, limit + 1, type],
      )
      const page = rows.slice(0, limit)
      const last = page[page.length - 1]
      return {
        data: page.map(toTransaction),
        nextCursor: rows.length > limit && last ? encodeCursor(last.seq, 'transactions') : null,
      }
    },

    async purgeExpiredKeys() {
      await start()
      const at = now()
      const keys = await database.query(
        'DELETE FROM payg_idempotency_keys WHERE expires_at <= $1::timestamptz RETURNING key',
        [at.toISOString()],
      )
      // A lookup's cancellation of a top-up key (never paid, never listed) is a key too.
      const cancelled = await database.query(
        `DELETE FROM payg_top_up_attempts
         WHERE status = 'CANCELLED' AND created_at <= $1::timestamptz RETURNING id`,
        [new Date(at.getTime() - ttlMs).toISOString()],
      )
      return keys.length + cancelled.length
    },

    ...legacyPlans({ database, start, now, write, checkKey }),
  }
  return {
    ledger,
    write,
    peek,
    claim,
    release,
    conflict,
    remember,
    lockAccount,
    append,
    start,
    now,
  }
}
