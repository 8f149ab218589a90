import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { inject } from 'vitest'
import { type Database, pglite, postgres } from '../database'

/** A database the suite runs against, and how to open a fresh, empty one. */
export interface TestDatabase {
  name: 'PGlite' | 'PostgreSQL'
  open(options?: { connections?: number }): Promise<Database>
}

/** Every test runs on both: the embedded default and a real PostgreSQL server. */
export const databases: TestDatabase[] = [
  { name: 'PGlite', open: async () => pglite() },
  {
    name: 'PostgreSQL',
    async open({ connections = 10 } = {}) {
      const admin = new URL(inject('postgresUrl'))
      const name = `payg_test_${randomUUID().replaceAll('-', '')}`
      const client = new pg.Client({ connectionString: admin.href })
      await client.connect()
      try {
        await client.query(`CREATE DATABASE ${name}`)
      } finally {
        await client.end()
      }
      const url = new URL(admin.href)
      url.pathname = `/${name}`
      return postgres({ connectionString: url.href, max: connections })
    },
  },
]

/** A fresh account id, so tests that share a database never share an account. */
export function accountId(): string {
  return `acct_${randomUUID()}`
}
