import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'

/** Runs parameterised SQL (`$1`, `$2`, ...) and returns the rows. */
export interface Queryable {
  /** One statement with its parameters; the rows it returns. */
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>
  /** Several statements without parameters (migrations). */
  exec(text: string): Promise<void>
}

/** A PostgreSQL database, embedded (PGlite) or a server (`pg`), behind one small interface. */
export interface Database extends Queryable {
  /** Which engine answers: `'pglite'` or `'postgres'`. */
  readonly engine: 'pglite' | 'postgres'
  /** Runs `work` in one transaction on one connection; retried on serialization failure. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>
  /** Closes the connections (or the embedded database). */
  close(): Promise<void>
}

/** How many times a transaction that lost a serialization race or a deadlock is run again. */
const MAX_ATTEMPTS = 5

/** SQLSTATEs after which running the same transaction again is safe and may succeed. */
const RETRYABLE = new Set(['40001', '40P01'])

function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && RETRYABLE.has(code)
}

/**
 * The embedded default: PostgreSQL in-process (PGlite), in memory, or in `dataDir` so that it
 * persists. Pass an existing `PGlite` to share it. One connection: transactions run one at a time.
 */
export function pglite(source?: string | PGlite): Database {
  const db = source instanceof PGlite ? source : new PGlite(source)
  const owned = !(source instanceof PGlite)
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<Row>(text: string, params: readonly unknown[] = []) {
      return (await q.query<Row>(text, params as unknown[])).rows
    },
    async exec(text: string) {
      await q.exec(text)
    },
  })
  const self = wrap(db)
  return {
    engine: 'pglite',
    ...self,
    transaction: (work) => db.transaction((tx) => work(wrap(tx))),
    async close() {
      if (owned) await db.close()
    },
  }
}

/**
 * A PostgreSQL server through `pg`: a connection string, a pool configuration, or your own
 * `pg.Pool` (which `close` then leaves open).
 */
export function postgres(source: string | pg.PoolConfig | pg.Pool): Database {
  const pool =
    source instanceof pg.Pool
      ? source
      : new pg.Pool(typeof source === 'string' ? { connectionString: source } : source)
  const owned = !(source instanceof pg.Pool)
  // An idle connection the server drops is discarded by the pool and the next query opens a new
  // one; without a listener, that 'error' event would end the process.
  if (owned) pool.on('error', () => {})
  const wrap = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async query<Row>(text: string, params: readonly unknown[] = []) {
      return (await client.query(text, params as unknown[])).rows as Row[]
    },
    async exec(text: string) {
      await client.query(text)
    },
  })
  return {
    engine: 'postgres',
    ...wrap(pool),
    async transaction(work) {
      for (let attempt = 1; ; attempt++) {
        const client = await pool.connect()
        let broken = false
        try {
          await client.query('BEGIN')
          const result = await work(wrap(client))
          await client.query('COMMIT')
          return result
        } catch (error) {
          try {
            await client.query('ROLLBACK')
          } catch {
            broken = true
          }
          if (attempt < MAX_ATTEMPTS && isRetryable(error)) continue
          throw error
        } finally {
          client.release(broken)
        }
      }
    },
    async close() {
      if (owned) await pool.end()
    },
  }
}
