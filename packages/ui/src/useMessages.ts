'use client'
import { usePaygMessages } from '@payg-kit/react'
import { useCallback } from 'react'
import { fillMessage } from './fillMessage'

/**
 * A component's strings: its English defaults, overridden by key through `PaygProvider`'s
 * `messages`, with `{placeholders}` and `{count, plural, …}` arguments filled in.
 */
export function useMessages<K extends string>(defaults: Readonly<Record<K, string>>) {
  const { locale: given, messages } = usePaygMessages()
  // The locale as Intl reads it, "de_DE" (POSIX, as servers store it) as "de-DE"; one it cannot
  // read at all ("", "<script>") would throw in every widget: the runtime's default instead.
  let locale: string | undefined
  try {
    locale = Intl.getCanonicalLocales(given?.replace(/_/g, '-'))[0]
  } catch {}
  const t = useCallback(
    (key: K, values?: Record<string, string | number>) =>
      fillMessage(messages[key] ?? defaults[key], values, locale),
    [messages, defaults, locale],
  )
  return { t, locale }
}
