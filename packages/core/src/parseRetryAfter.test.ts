import { describe, expect, it } from 'vitest'
import { parseRetryAfter } from './parseRetryAfter'

describe('parseRetryAfter', () => {
  it('reads seconds', () => {
    expect(parseRetryAfter('0')).toBe(0)
    expect(parseRetryAfter('30')).toBe(30_000)
    expect(parseRetryAfter('1.5')).toBe(1500)
  })

  it('reads an HTTP date relative to now, never negative', () => {
    const now = Date.parse('Wed, 26 Nov 2025 17:00:00 GMT')
    expect(parseRetryAfter('Wed, 26 Nov 2025 17:00:05 GMT', now)).toBe(5000)
    expect(parseRetryAfter('Wed, 26 Nov 2025 16:59:00 GMT', now)).toBe(0)
  })

  it('returns null when absent or unreadable', () => {
    expect(parseRetryAfter(null)).toBeNull()
    expect(parseRetryAfter('soon')).toBeNull()
    expect(parseRetryAfter('-5')).toBeNull()
  })
})
