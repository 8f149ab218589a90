/**
 * Exact money for the mock: integer micro-dollars (BigInt) inside, decimal strings at the edge.
 * Credits (the legacy unit) are integers and never added to dollars.
 */

/** One dollar in micro-dollars. */
export const MICROS_PER_DOLLAR = 1_000_000n

/** The mock's credits->dollars rate in micro-dollars per credit ($0.0012), from the shared rules. */
/** The same rate as a decimal string: core's plan migration rule, shown by the migration preview. */
export { DOLLARS_PER_CREDIT, MICROS_PER_CREDIT } from '@payg-kit/core/rules'

/** Formats micro-dollars as a normalised decimal string: `"12.4567"`, `"-0.048"`, `"5"`, `"0"`. */
export function formatMicros(micros: bigint): string {
  const negative = micros < 0n
  const abs = negative ? -micros : micros
  const whole = abs / MICROS_PER_DOLLAR
  const fraction = (abs % MICROS_PER_DOLLAR).toString().padStart(6, '0').replace(/0+$/, '')
  const text = fraction ? `${whole}.${fraction}` : `${whole}`
  return negative && abs !== 0n ? `-${text}` : text
}

/** Whole dollars to micro-dollars. */
export function dollarsToMicros(dollars: number | bigint): bigint {
  return BigInt(dollars) * MICROS_PER_DOLLAR
}

/**
 * Parses a decimal dollar amount (`"12.4567"`, `12.4567`, `5`) into micro-dollars. Throws on
 * anything that is not a plain decimal with at most six decimals.
 */
export function parseMicros(value: string | number | bigint): bigint {
  if (typeof value === 'bigint') return value * MICROS_PER_DOLLAR
  const text = typeof value === 'number' ? String(value) : value.trim()
  const match = /^(-)?(\d+)(?:\.(\d{1,6}))?$/.exec(text)
  if (!match) {
    throw new TypeError(
      `[@payg-kit/msw] "${String(value)}" is not a dollar amount with at most 6 decimals.`,
    )
  }
  const [, sign, whole = '0', fraction = ''] = match
  const micros = BigInt(whole) * MICROS_PER_DOLLAR + BigInt(fraction.padEnd(6, '0'))
  return sign ? -micros : micros
}

/** Micro-dollars as a JSON number (for Leonardo's numeric fields); exact for at most 6 decimals. */
export function microsToNumber(micros: bigint): number {
  return Number(formatMicros(micros))
}
