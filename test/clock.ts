import { inject } from 'vitest'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The instant this run pins clocks to, as ISO 8601 (see vitest.clock.ts). */
    testNow: string
    /** Whether the storybook project compares screenshots (`pnpm test:screenshots`). */
    screenshots?: boolean
  }
}

/**
 * The instant every date-dependent test pins its clock to. A fixed default, or `PAYG_TEST_NOW`,
 * with which the test command also runs the date-sensitive projects at the edges of a month.
 */
export const TEST_NOW: Date = new Date(inject('testNow'))
