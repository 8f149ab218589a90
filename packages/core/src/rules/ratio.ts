// Exact rationals for prices and sizes: no float ever decides a price.

/** `n / d`, exactly. */
export interface Ratio {
  n: bigint
  d: bigint
}

/** `n / d` from integers. */
export const ratio = (n: bigint | number, d: bigint | number = 1n): Ratio => ({
  n: BigInt(n),
  d: BigInt(d),
})

/** `a + b`. */
export const add = (a: Ratio, b: Ratio): Ratio => ({ n: a.n * b.d + b.n * a.d, d: a.d * b.d })

/** `a * b`. */
export const mul = (a: Ratio, b: Ratio): Ratio => ({ n: a.n * b.n, d: a.d * b.d })

/** The smallest whole number at least `a` (0 for `a <= 0`). */
export const ceil = (a: Ratio): bigint => (a.n <= 0n ? 0n : (a.n + a.d - 1n) / a.d)

/** Output pixels of an upscale, exactly: width x height x multiplier^2 (multiplier to 1e-4). */
export function upscaledPixels(width: number, height: number, multiplier: number): Ratio {
  const m = BigInt(Math.round(multiplier * 10_000))
  return ratio(BigInt(width) * BigInt(height) * m * m, 100_000_000n)
}
