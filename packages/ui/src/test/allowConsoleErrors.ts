import { afterEach, beforeEach, expect, vi } from 'vitest'

/**
 * For the tests of the calling file: console.error may report only what matches `expected` (React
 * reports each error a boundary caught there), instead of failing the test as `failOnConsole`
 * does; anything else it reports still fails the test. Returns what the current test reported.
 */
export function allowConsoleErrors(expected: RegExp): () => unknown[][] {
  let reported: unknown[][] = []
  beforeEach(() => {
    reported = []
    vi.mocked(console.error).mockImplementation((...args: unknown[]) => {
      reported.push(args)
    })
  })
  afterEach(() => {
    for (const args of reported) expect(args.map(String).join(' ')).toMatch(expected)
  })
  return () => reported
}
