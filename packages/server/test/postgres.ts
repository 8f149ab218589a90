// Vitest globalSetup: a throwaway PostgreSQL cluster on 127.0.0.1 and a free port, in a temporary
// folder, for the server suite; stopped and removed afterwards. PAYG_TEST_DATABASE_URL points the
// suite at an existing server instead (it must allow CREATE DATABASE).
import type { TestProject } from 'vitest/node'
import { startPostgres } from './cluster'

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const given = process.env.PAYG_TEST_DATABASE_URL
  if (given) {
    project.provide('postgresUrl', given)
    return () => {}
  }
  const cluster = await startPostgres()
  project.provide('postgresUrl', cluster.url)
  return cluster.stop
}
