'use client'
import { usePaygMessages } from '@payg-kit/react'
import { useCallback } from 'react'

/** Replaces `{name}` placeholders with `values.name`. */
function fill(template: string, values?: Record<string, string | number>): string {
  if (!values) return template
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  )
}

/**
 * A component's strings: its English defaults, overridden by key through `PaygProvider`'s
 * `messages`, with `{placeholders}` filled in.
 */
export function useMessages<K extends string>(defaults: Readonly<Record<K, string>>) {
  const { locale, messages } = usePaygMessages()
  const t = useCallback(
    (key: K, values?: Record<string, string | number>) =>
      fill(messages[key] ?? defaults[key], values),
    [messages, defaults],
  )
  return { t, locale }
}
