import { afterEach, describe, expect, it, vi } from 'vitest'
import { createIdempotencyKey } from './createIdempotencyKey'

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('createIdempotencyKey', () => {
  it('makes a fresh UUID v4 each time', () => {
    const keys = new Set(Array.from({ length: 1000 }, createIdempotencyKey))
    expect(keys.size).toBe(1000)
    for (const key of keys) expect(key).toMatch(UUID_V4)
  })

  it('works where crypto.randomUUID is missing (a page on plain http)', () => {
    const { getRandomValues } = crypto
    vi.stubGlobal('crypto', { getRandomValues: getRandomValues.bind(crypto) })
    const keys = new Set(Array.from({ length: 1000 }, createIdempotencyKey))
    expect(keys.size).toBe(1000)
    for (const key of keys) expect(key).toMatch(UUID_V4)
  })
})
