import { MoneyUnitError } from './MoneyUnitError'
import type { Money, MoneyUnit } from './types'

/** A decimal amount: a decimal string (`"12.4567"`), a finite number (read as `String(n)`) or a bigint. */
export type DecimalInput = string | number | bigint

/** How `divide` rounds the digits it cannot keep (`half-up` rounds ties away from zero). */
export type Rounding = 'floor' | 'ceil' | 'trunc' | 'half-up' | 'half-even'

const ROUNDINGS: readonly Rounding[] = ['floor', 'ceil', 'trunc', 'half-up', 'half-even']

// Already normalised: no leading zeros, no trailing fraction zeros, no exponent ("-0" is excluded below).
const NORMALISED = /^-?(?:0|[1-9]\d*)(?:\.\d*[1-9])?$/
// Sign, integer digits, fraction digits, exponent (at most three digits, enough for any double).
const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d{1,3}))?$/

/** Reads a decimal exactly as `[digits, scale]`: the value is `digits / 10 ** scale`. */
function parse(value: DecimalInput): [bigint, number] {
  if (typeof value === 'bigint') return [value, 0]
  // A number is read through its shortest round-trip form, String(0.1) === '0.1': never as a float.
  const match =
    typeof value === 'string' || Number.isFinite(value) ? DECIMAL.exec(String(value)) : null
  if (!match) {
    throw new TypeError(
      `[payg-kit] ${typeof value === 'string' ? JSON.stringify(value) : String(value)} is not an amount: use a decimal string such as "12.4567", a finite number or a bigint.`,
    )
  }
  const fraction = match[3] ?? ''
  let digits = BigInt((match[2] as string) + fraction)
  let scale = fraction.length - Number(match[4] ?? 0)
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale)
    scale = 0
  }
  return [match[1] ? -digits : digits, scale]
}

/** Writes `digits / 10 ** scale` as a normalised decimal string. */
function format(digits: bigint, scale: number): string {
  if (digits === 0n) return '0'
  const sign = digits < 0n ? '-' : ''
  let text = (digits < 0n ? -digits : digits).toString()
  while (scale > 0 && text.endsWith('0')) {
    text = text.slice(0, -1)
    scale--
  }
  text = text.padStart(scale + 1, '0')
  const point = text.length - scale
  return sign + text.slice(0, point) + (scale ? `.${text.slice(point)}` : '')
}

/** Both amounts as integers of one common scale; throws `MoneyUnitError` when the units differ. */
function align(a: Money, b: Money): [bigint, bigint, number] {
  if (a.unit !== b.unit) throw new MoneyUnitError(a.unit, b.unit)
  const [x, s] = parse(a.amount)
  const [y, t] = parse(b.amount)
  const scale = Math.max(s, t)
  return [x * 10n ** BigInt(scale - s), y * 10n ** BigInt(scale - t), scale]
}

/**
 * An exact amount in one unit, from a decimal string, a number (via `String(n)`) or a bigint.
 * @example money('12.4567', 'USD') // { amount: '12.4567', unit: 'USD' }
 */
export function money<U extends MoneyUnit>(value: DecimalInput, unit: U): Money<U> {
  if (unit !== 'USD' && unit !== 'CREDITS') {
    throw new TypeError(`[payg-kit] Unknown money unit ${String(unit)}: use "USD" or "CREDITS".`)
  }
  if (typeof value === 'string' && NORMALISED.test(value) && value !== '-0') {
    return { amount: value, unit }
  }
  return { amount: format(...parse(value)), unit }
}

/** Dollars. @example usd('0.024') */
export function usd(value: DecimalInput): Money<'USD'> {
  return money(value, 'USD')
}

/** Legacy plan credits. @example credits(24000) */
export function credits(value: DecimalInput): Money<'CREDITS'> {
  return money(value, 'CREDITS')
}

/** `a + b`, exactly. Both must have the same unit. */
export function add<U extends MoneyUnit>(a: Money<U>, b: Money<NoInfer<U>>): Money<U> {
  const [x, y, scale] = align(a, b)
  return { amount: format(x + y, scale), unit: a.unit }
}

/** `a - b`, exactly. Both must have the same unit. */
export function subtract<U extends MoneyUnit>(a: Money<U>, b: Money<NoInfer<U>>): Money<U> {
  const [x, y, scale] = align(a, b)
  return { amount: format(x - y, scale), unit: a.unit }
}

/** `m × factor`, exactly; the factor is a plain number (a count or a decimal such as `'0.76'`). */
export function multiply<U extends MoneyUnit>(m: Money<U>, factor: DecimalInput): Money<U> {
  const [x, s] = parse(m.amount)
  const [y, t] = parse(factor)
  return { amount: format(x * y, s + t), unit: m.unit }
}

/** -1, 0 or 1 as `a` is less than, equal to or greater than `b`. Both must have the same unit. */
export function compare<U extends MoneyUnit>(a: Money<U>, b: Money<NoInfer<U>>): -1 | 0 | 1 {
  const [x, y] = align(a, b)
  return x < y ? -1 : x > y ? 1 : 0
}

/** Whether the amount is zero. */
export function isZero(m: Money): boolean {
  return parse(m.amount)[0] === 0n
}

/** Whether the amount is below zero. */
export function isNegative(m: Money): boolean {
  return parse(m.amount)[0] < 0n
}

/** The smaller of two amounts of one unit. */
export function min<U extends MoneyUnit>(a: Money<U>, b: Money<NoInfer<U>>): Money<U> {
  return compare(a, b) > 0 ? b : a
}

/** The larger of two amounts of one unit. */
export function max<U extends MoneyUnit>(a: Money<U>, b: Money<NoInfer<U>>): Money<U> {
  return compare(a, b) < 0 ? b : a
}

/**
 * How many whole `b` fit in `a` (floor of `a / b`), e.g. how many requests a balance covers.
 * @example floorDiv(usd('1'), usd('0.024')) // 41
 */
export function floorDiv<U extends MoneyUnit>(a: Money<U>, b: Money<NoInfer<U>>): number {
  const [x, y] = align(a, b)
  if (y === 0n)
    throw new RangeError('[payg-kit] floorDiv by a zero amount: the divisor must not be 0.')
  let quotient = x / y
  if (x % y !== 0n && x < 0n !== y < 0n) quotient -= 1n
  return Number(quotient)
}

/**
 * `m / divisor` with `scale` fraction digits, rounded as asked.
 * @example divide(usd('10'), 3, 2, 'half-even') // { amount: '3.33', unit: 'USD' }
 */
export function divide<U extends MoneyUnit>(
  m: Money<U>,
  divisor: DecimalInput,
  scale: number,
  rounding: Rounding,
): Money<U> {
  if (!Number.isInteger(scale) || scale < 0 || scale > 100) {
    throw new RangeError(
      `[payg-kit] divide: scale must be a whole number from 0 to 100, got ${scale}.`,
    )
  }
  if (!ROUNDINGS.includes(rounding)) {
    throw new RangeError(
      `[payg-kit] Unknown rounding ${String(rounding)}: use ${ROUNDINGS.join(', ')}.`,
    )
  }
  const [x, s] = parse(m.amount)
  const [y, t] = parse(divisor)
  if (y === 0n) throw new RangeError('[payg-kit] divide by zero: the divisor must not be 0.')
  // m / divisor = (x / 10^s) / (y / 10^t); scaled by 10^scale that is n / d below.
  let n = x * 10n ** BigInt(t + scale)
  let d = y * 10n ** BigInt(s)
  if (d < 0n) {
    n = -n
    d = -d
  }
  let q = n / d
  const r = n % d
  if (r !== 0n) {
    const sign = n < 0n ? -1n : 1n
    const twice = 2n * (r < 0n ? -r : r)
    if (
      rounding === 'floor'
        ? sign < 0n
        : rounding === 'ceil'
          ? sign > 0n
          : rounding === 'half-up'
            ? twice >= d
            : rounding === 'half-even' && (twice > d || (twice === d && q % 2n !== 0n))
    ) {
      q += sign
    }
  }
  return { amount: format(q, scale), unit: m.unit }
}
