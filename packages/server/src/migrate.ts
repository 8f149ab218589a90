import type { Database } from './database'
import { MIGRATIONS } from './generated/migrations'

export { MIGRATIONS }

/** An arbitrary constant: the advisory lock that lets one process at a time migrate. */
const LOCK = 7_250_019_001

/**
 * Applies the package's SQL migrations that `database` has not seen yet, in order, each in its
 * own transaction; safe to run from many processes at once. Returns the names it applied.
 */
export async function migrate(database: Database): Promise<string[]> {
  await database.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK])
    await tx.exec(
      'CREATE TABLE IF NOT EXISTS payg_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    )
  })
  const applied: string[] = []
  for (const { name, sql } of MIGRATIONS) {
    const done = await database.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK])
      const seen = await tx.query('SELECT 1 FROM payg_migrations WHERE name = $1', [name])
      if (seen.length > 0) return false
      await tx.exec(sql)
      await tx.query('INSERT INTO payg_migrations (name) VALUES ($1)', [name])
      return true
    })
    if (done) applied.push(name)
  }
  return applied
}
