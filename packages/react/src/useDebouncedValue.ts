'use client'
import { useEffect, useRef, useState } from 'react'

/**
 * Internal: `value` once its `key` has stopped changing for `delayMs`. The first value is
 * returned at once; only changes wait.
 */
export function useDebouncedValue<T>(
  value: T,
  key: string,
  delayMs: number,
): { value: T; key: string } {
  const [settled, setSettled] = useState({ value, key })
  const latest = useRef({ value, key })
  latest.current = { value, key }

  useEffect(() => {
    if (key === settled.key) return
    if (delayMs <= 0) {
      setSettled(latest.current)
      return
    }
    const timer = setTimeout(() => setSettled(latest.current), delayMs)
    return () => clearTimeout(timer)
  }, [key, settled.key, delayMs])

  return delayMs <= 0 ? { value, key } : settled
}
