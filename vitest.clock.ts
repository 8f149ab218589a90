/**
 * The instant the tests pin the mock's clock to, handed to every project with `provide`.
 * `PAYG_TEST_NOW` overrides it: `pnpm run test:dates` runs the date-sensitive projects at the
 * first and last minute of a month, on Feb 29 and across a DST change, in far-apart time zones.
 */
export const testNow: string = (() => {
  const value = process.env.PAYG_TEST_NOW ?? '2026-03-15T12:00:00.000Z'
  const time = Date.parse(value)
  if (Number.isNaN(time))
    throw new Error(`PAYG_TEST_NOW must be an ISO 8601 instant, got "${value}".`)
  return new Date(time).toISOString()
})()
