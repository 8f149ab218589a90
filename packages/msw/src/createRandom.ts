/** A seeded pseudo-random source: numbers, integers in a range, and ids. */
export interface Random {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number
  /** A UUID v4-shaped id (for generation, image and job ids, as Leonardo uses). */
  uuid(): string
  /** A short prefixed id such as `tx_01h2k3m4n5p6` (for billing objects). */
  id(prefix: string): string
}

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'

/**
 * Creates a deterministic random source (mulberry32) from a seed, so that a mock built with the
 * same seed produces the same ids, history, latencies and faults. Uses no platform crypto.
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1))
  const hex = (length: number): string => {
    let out = ''
    for (let i = 0; i < length; i++) out += int(0, 15).toString(16)
    return out
  }
  return {
    next,
    int,
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[int(0, 3)]}${hex(3)}-${hex(12)}`,
    id: (prefix) => {
      let out = ''
      for (let i = 0; i < 12; i++) out += ALPHABET[int(0, ALPHABET.length - 1)]
      return `${prefix}_${out}`
    },
  }
}
