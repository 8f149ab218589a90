'use client'
import { usePaygMessages } from '@payg-kit/react'
import { useCallback } from 'react'
import { fillMessage } from './fillMessage'

/**
 * A component's strings: its English defaults, overridden by key through `PaygProvider`'s
 * `messages`, with `{placeholders}` and `{count, plural, …}` arguments filled in.
 */
export function useMessages<K extends string>(defaults: Readonly<Record<K, string>>) {
  const { locale, messages } = usePaygMessages()
  const t = useCallback(
    (key: K, values?: Record<string, string | number>) =>
      fillMessage(messages[key] ?? defaults[key], values, locale),
    [messages, defaults, locale],
  )
  return { t, locale }
}
