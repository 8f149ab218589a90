/** A span of time: milliseconds, or days, hours, minutes, seconds and milliseconds that add up. */
export type Duration =
  | number
  | {
      days?: number
      hours?: number
      minutes?: number
      seconds?: number
      milliseconds?: number
    }

/** Where a clock starts: a fixed instant (the clock stands still there), or a function it follows. */
export type ClockStart = Date | string | number | (() => Date)

/**
 * The mock's clock, in the spirit of Stripe's test clocks: scenarios are laid out relative to
 * it, every date the mock writes comes from it, and a test moves it on purpose. Started at a
 * fixed instant it stands still until moved; started from a function (by default the wall clock)
 * it follows that function.
 */
export interface MockClock {
  /** The mock's current time. */
  now(): Date
  /** Moves the clock to `date` (ISO 8601 string, epoch milliseconds or a Date). */
  set(date: Date | string | number): void
  /** Moves the clock forward, e.g. `advance({ days: 31 })` to see the monthly cap reset. */
  advance(by: Duration): void
}

/** The clock plus what the mock itself needs: going back to a start. @internal */
export interface ResettableClock extends MockClock {
  /** Goes back to `start` (or the start it was created with), as on a fresh mock. */
  restart(start?: ClockStart): void
}

const UNITS = {
  days: 86_400_000,
  hours: 3_600_000,
  minutes: 60_000,
  seconds: 1000,
  milliseconds: 1,
} as const

function toInstant(value: Date | string | number, what: string): number {
  const time =
    value instanceof Date
      ? value.getTime()
      : typeof value === 'string'
        ? Date.parse(value)
        : typeof value === 'number'
          ? value
          : Number.NaN
  if (!Number.isFinite(time) || Math.abs(time) > 8.64e15) {
    throw new TypeError(
      `[@payg-kit/msw] ${what} must be a valid date (a Date, an ISO 8601 string such as "2026-03-01T00:00:00Z" or epoch milliseconds), got ${String(value)}.`,
    )
  }
  return time
}

function toMilliseconds(by: Duration): number {
  let total = 0
  if (typeof by === 'number') total = by
  else if (by !== null && typeof by === 'object') {
    for (const [unit, amount] of Object.entries(by)) {
      const size = UNITS[unit as keyof typeof UNITS]
      if (size === undefined) {
        throw new TypeError(
          `[@payg-kit/msw] clock.advance: unknown unit "${unit}"; use ${Object.keys(UNITS).join(', ')}.`,
        )
      }
      if (typeof amount !== 'number') {
        throw new TypeError(`[@payg-kit/msw] clock.advance: ${unit} must be a number.`)
      }
      total += amount * size
    }
  } else total = Number.NaN
  if (!Number.isFinite(total) || total < 0) {
    throw new RangeError(
      `[@payg-kit/msw] clock.advance moves forward only, by a finite duration; got ${JSON.stringify(by)}. Use clock.set(date) to go back.`,
    )
  }
  return total
}

/** Creates a clock that starts at `start`: a fixed instant, a function, or by default the wall clock. */
export function createClock(start?: ClockStart): ResettableClock {
  let source: () => number
  let offset = 0
  const begin = (from: ClockStart | undefined) => {
    offset = 0
    if (from === undefined) source = () => Date.now()
    else if (typeof from === 'function') {
      source = () => toInstant(from(), 'now()')
    } else {
      const fixed = toInstant(from, 'now')
      source = () => fixed
    }
  }
  let initial = start
  begin(initial)
  return {
    now: () => new Date(source() + offset),
    set(date) {
      offset = toInstant(date, 'clock.set(date)') - source()
    },
    advance(by) {
      offset += toMilliseconds(by)
    },
    restart(from) {
      if (from !== undefined) initial = from
      begin(initial)
    },
  }
}
