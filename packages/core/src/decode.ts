import { money } from './money'
import type { Money, MoneyUnit } from './types'

/** Reads an untrusted value found at `at` (a dotted path into the body), or throws `Mismatch`. */
export type Decoder<T> = (value: unknown, at: string) => T

/** Where a body parted from the API, and what was expected there. */
export class Mismatch {
  constructor(
    readonly field: string,
    readonly expected: string,
    /** What was there instead. */
    readonly value: unknown,
  ) {}
}

/** A short description of what the server sent instead. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null || typeof value === 'boolean' || typeof value === 'number')
    return String(value)
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
  return Array.isArray(value) ? 'an array' : `an ${typeof value}`
}

export function fail(at: string, expected: string, value: unknown): never {
  throw new Mismatch(at || 'the body', expected, value)
}

const DECIMAL = /^-?\d+(?:\.\d+)?$/

export const text: Decoder<string> = (v, at) =>
  typeof v === 'string' ? v : fail(at, 'a string', v)

/** A string of one of the API's enums, read as is: a value added later passes through. */
export const name = text as <T extends string>(v: unknown, at: string) => T

export const number: Decoder<number> = (v, at) =>
  typeof v === 'number' && Number.isFinite(v) ? v : fail(at, 'a number', v)

export const flag: Decoder<boolean> = (v, at) =>
  typeof v === 'boolean' ? v : fail(at, 'true or false', v)

/** A decimal string such as "0.00076" (kept as a string). */
export const decimal: Decoder<string> = (v, at) =>
  typeof v === 'string' && DECIMAL.test(v) ? v : fail(at, 'a decimal string such as "12.5"', v)

/**
 * The fraction digits the API prices in: micro-units (six decimals), in dollars and in credits.
 * A JSON number is read through its shortest round-trip form (`String(n)`); when that has more
 * fraction digits than six (float noise such as `12.456700000000001` or `0.30000000000000004`),
 * it is rounded to six (`12.4567`, `0.3`), from the number's binary value as `toFixed` rounds.
 * A decimal string is exact and read as it is.
 */
export const AMOUNT_DECIMALS = 6

/** A finite JSON number as a decimal string at the API's precision (see `AMOUNT_DECIMALS`). */
export function fromNumber(n: number): string {
  const text = String(n)
  return /e|\.\d{7}/i.test(text) ? n.toFixed(AMOUNT_DECIMALS) : text
}

/** An amount (a decimal string or a finite number) as exact money in `unit`. */
export const amount =
  <U extends MoneyUnit>(unit: U): Decoder<Money<U>> =>
  (v, at) =>
    typeof v === 'string' && DECIMAL.test(v)
      ? money(v, unit)
      : typeof v === 'number' && Number.isFinite(v)
        ? money(fromNumber(v), unit)
        : fail(at, `an amount of ${unit === 'USD' ? 'dollars' : 'credits'} such as "12.5"`, v)

/** `decoder`'s money, refused when below zero: a price or a charge is never negative. */
export const nonNegative =
  <U extends MoneyUnit>(decoder: Decoder<Money<U>>): Decoder<Money<U>> =>
  (v, at) => {
    const m = decoder(v, at)
    return m.amount.startsWith('-') ? fail(at, 'a cost of 0 or more', v) : m
  }

export const usdAmount = /* @__PURE__ */ amount('USD')
export const creditAmount = /* @__PURE__ */ amount('CREDITS')

/** Null (or absent) stays null; anything else is read by `decoder`. */
export const nullable =
  <T>(decoder: Decoder<T>): Decoder<T | null> =>
  (v, at) =>
    v == null ? null : decoder(v, at)

/** Absent (undefined) is `fallback`; anything else, null included, is read by `decoder`. */
export const optional =
  <T, F>(decoder: Decoder<T>, fallback: F): Decoder<T | F> =>
  (v, at) =>
    v === undefined ? fallback : decoder(v, at)

export const list =
  <T>(decoder: Decoder<T>): Decoder<T[]> =>
  (v, at) =>
    Array.isArray(v) ? v.map((item, i) => decoder(item, `${at}[${i}]`)) : fail(at, 'an array', v)

/** An object whose named fields are read by their decoders; other fields pass through as is. */
export const shape =
  <S extends Record<string, Decoder<unknown>>>(
    fields: S,
  ): Decoder<{ [K in keyof S]: ReturnType<S[K]> }> =>
  (v, at) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(at, 'an object', v)
    const out: Record<string, unknown> = { ...v }
    for (const key in fields) {
      out[key] = (fields[key] as Decoder<unknown>)(
        (v as Record<string, unknown>)[key],
        at ? `${at}.${key}` : key,
      )
    }
    return out as { [K in keyof S]: ReturnType<S[K]> }
  }

/** A `Cost` object: a decimal amount of 0 or more and its unit, `DOLLARS` (as USD) or `CREDITS`. */
export const cost: Decoder<Money> = (v, at) => {
  const { unit, amount: value } = shape({})(v, at) as { unit?: unknown; amount?: unknown }
  if (unit !== 'DOLLARS' && unit !== 'CREDITS') fail(`${at}.unit`, '"DOLLARS" or "CREDITS"', unit)
  return nonNegative(amount(unit === 'DOLLARS' ? 'USD' : 'CREDITS'))(value, `${at}.amount`)
}

/**
 * What a job says it cost: its `cost` first, else the deprecated `apiCreditCost` as credits, else
 * null (the API named none). A `cost` with neither amount nor unit (the SDK allows it) is none.
 */
export const jobCost: Decoder<Money | null> = (v, at) => {
  const job = shape({})(v, at) as { cost?: unknown; apiCreditCost?: unknown }
  const given = job.cost as { amount?: unknown; unit?: unknown } | null | undefined
  if (given != null && (given.amount != null || given.unit != null)) {
    return cost(given, at ? `${at}.cost` : 'cost')
  }
  return nullable(nonNegative(creditAmount))(
    job.apiCreditCost,
    at ? `${at}.apiCreditCost` : 'apiCreditCost',
  )
}
