'use client'
import type { PaygMessages } from './types'
import { usePaygContext } from './usePaygContext'

/** The locale and message overrides given to `PaygProvider`, for components that show text. */
export function usePaygMessages(): { locale: string | undefined; messages: PaygMessages } {
  const { locale, messages } = usePaygContext('usePaygMessages')
  return { locale, messages }
}
