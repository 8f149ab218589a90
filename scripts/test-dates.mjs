#!/usr/bin/env node
// Runs the date-sensitive test projects again with the tests' pinned clock (PAYG_TEST_NOW, see
// vitest.clock.ts) and the time zone at the seams of the calendar, so that a test or a scenario
// that depends on today's date fails on every day, not only on the 1st of a month.
import { spawnSync } from 'node:child_process'

const PROJECTS = ['msw', 'react', 'ui', 'storybook', 'embed']
const RUNS = [
  // The first minute of a month in UTC, seen from UTC+14 (already the afternoon there).
  { now: '2026-12-01T00:00:00Z', tz: 'Pacific/Kiritimati', projects: PROJECTS },
  // The last minute of a month, and a leap day, seen from UTC-12 (still the morning there).
  { now: '2028-02-29T23:59:00Z', tz: 'Etc/GMT+12', projects: [...PROJECTS, 'contract'] },
  // A minute before the US clocks spring forward.
  { now: '2026-03-08T06:59:00Z', tz: 'America/New_York', projects: ['msw', 'react'] },
]

const only = process.argv.slice(2)
for (const run of RUNS) {
  const projects = only.length ? run.projects.filter((p) => only.includes(p)) : run.projects
  if (projects.length === 0) continue
  console.log(`\n=== PAYG_TEST_NOW=${run.now} TZ=${run.tz}: ${projects.join(', ')}`)
  const result = spawnSync(
    'pnpm',
    [
      'exec',
      'vitest',
      'run',
      '--typecheck.enabled=false',
      ...projects.flatMap((p) => ['--project', p]),
    ],
    { stdio: 'inherit', env: { ...process.env, PAYG_TEST_NOW: run.now, TZ: run.tz } },
  )
  if (result.status !== 0) {
    console.error(`Tests failed at PAYG_TEST_NOW=${run.now} TZ=${run.tz}.`)
    process.exit(result.status ?? 1)
  }
}
