// A throwaway PostgreSQL cluster on 127.0.0.1 and a free port, in a temporary folder, with
// Debian's binaries (run as the postgres user when root); `stop()` ends it and removes the folder.
// The server suite's globalSetup (postgres.ts) and the benchmark (`pnpm bench:server`) use it.
import { execFileSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A running throwaway cluster. */
export interface PostgresCluster {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`, trust authentication. */
  url: string
  /** Stops the cluster at once and removes its folder. */
  stop(): void
}

/** The newest Debian PostgreSQL's binaries (`/usr/lib/postgresql/<major>/bin`), or PATH's. */
function findBin(): string {
  const root = '/usr/lib/postgresql'
  const majors = existsSync(root)
    ? readdirSync(root)
        .filter((name) => /^\d+$/.test(name) && existsSync(join(root, name, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : []
  if (majors[0]) return join(root, majors[0], 'bin')
  try {
    const initdb = execFileSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).trim()
    if (initdb) return initdb.replace(/\/initdb$/, '')
  } catch {
    // not on PATH either
  }
  throw new Error(
    'PostgreSQL is needed: install it (Debian: apt-get install postgresql) or point at a server with PAYG_TEST_DATABASE_URL (the server suite) or PAYG_BENCH_DATABASE_URL (the benchmark).',
  )
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(),
      )
    })
  })
}

/**
 * Starts a cluster that allows `maxConnections` connections (default 200), without fsync unless
 * `durable` (PostgreSQL's defaults: every commit flushed to disk).
 */
export async function startPostgres(
  options: { maxConnections?: number; durable?: boolean } = {},
): Promise<PostgresCluster> {
  const bin = findBin()
  const dir = mkdtempSync(join(tmpdir(), 'payg-pg-'))
  const data = join(dir, 'data')
  // initdb refuses to run as root: run the cluster as the postgres user then.
  const asRoot = process.getuid?.() === 0
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim())
    chownSync(dir, uid, gid)
  }
  const run = (tool: string, args: string[]) => {
    const command = asRoot ? 'runuser' : join(bin, tool)
    const argv = asRoot ? ['-u', 'postgres', '--', join(bin, tool), ...args] : args
    execFileSync(command, argv, { stdio: ['ignore', 'ignore', 'pipe'], cwd: dir })
  }
  const port = await freePort()
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8'])
  const settings = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    `-c unix_socket_directories=${dir}`,
    `-c max_connections=${options.maxConnections ?? 200}`,
    ...(options.durable
      ? []
      : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
  ].join(' ')
  run('pg_ctl', ['-D', data, '-o', settings, '-l', join(dir, 'log'), '-w', '-t', '120', 'start'])
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}
