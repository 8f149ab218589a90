import { randomUUID } from 'node:crypto'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest'
import { checkLedger } from '../checkLedger'
import { type Database, pglite, postgres } from '../database'
import { migrate } from '../migrate'
import { checkUsageDays } from '../usageDays'

/** Many handles on one fresh, empty database, as separate server processes would hold. */
export interface Fleet {
  /** One handle per process; on PostgreSQL each has its own pool. */
  members: Database[]
  /** How many connections the database has open right now (PGlite: always 1). */
  connections(): Promise<number>
  close(): Promise<void>
}

/** A database the suite runs against, and how to open a fresh, empty one. */
export interface TestDatabase {
  name: 'PGlite' | 'PostgreSQL'
  /** One handle on a fresh database. */
  open(): Promise<Database>
  /**
   * `count` handles on one fresh database, each with `connections` connections on PostgreSQL;
   * PGlite has one connection in one process, so its handles share it.
   */
  fleet(count: number, connections?: number): Promise<Fleet>
}

async function createDatabase(): Promise<string> {
  const admin = new URL(inject('postgresUrl'))
  const name = `payg_test_${randomUUID().replaceAll('-', '')}`
  const client = new pg.Client({ connectionString: admin.href })
  await client.connect()
  try {
    await client.query(`CREATE DATABASE ${name}`)
  } finally {
    await client.end()
  }
  admin.pathname = `/${name}`
  return admin.href
}

/** Every test runs on both: the embedded default and a real PostgreSQL server. */
export const databases: TestDatabase[] = [
  {
    name: 'PGlite',
    open: async () => pglite(),
    async fleet(count) {
      const shared = new PGlite()
      return {
        members: Array.from({ length: count }, () => pglite(shared)),
        connections: async () => 1,
        close: () => shared.close(),
      }
    },
  },
  {
    name: 'PostgreSQL',
    open: async () => postgres({ connectionString: await createDatabase(), max: 10 }),
    async fleet(count, connections = 1) {
      const url = await createDatabase()
      const members = Array.from({ length: count }, () =>
        postgres({ connectionString: url, max: connections }),
      )
      return {
        members,
        async connections() {
          const [row] = await (members[0] as Database).query<{ n: number }>(
            'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database()',
          )
          return row?.n ?? 0
        },
        close: async () => {
          await Promise.all(members.map((member) => member.close()))
        },
      }
    },
  },
]

/** A fresh account id, so tests that share a database never share an account. */
export function accountId(): string {
  return `acct_${randomUUID()}`
}

/**
 * Opens one migrated database for a suite and checks after every test that each stored balance
 * still equals the sum of its entries; `afterEach` runs first (e.g. closing servers).
 */
export function migratedDatabase(
  open: TestDatabase['open'],
  afterEach_?: () => Promise<void>,
): () => Database {
  let database: Database | undefined
  beforeAll(async () => {
    database = await open()
    await migrate(database)
  })
  afterAll(async () => {
    await database?.close()
  })
  afterEach(async () => {
    await afterEach_?.()
    if (database) expect(await checkLedger(database)).toEqual([])
    if (database) expect(await checkUsageDays(database)).toEqual([])
  })
  return () => {
    if (!database) throw new Error('The suite database is not open yet.')
    return database
  }
}
