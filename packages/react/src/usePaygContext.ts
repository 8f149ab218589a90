'use client'
import { useContext } from 'react'
import { PaygContext, type PaygContextValue } from './PaygContext'

/** Internal: the provider's value, or an error that names the hook and the provider to add. */
export function usePaygContext(hookName: string): PaygContextValue {
  const context = useContext(PaygContext)
  if (context === null) {
    throw new Error(
      `[payg-kit] ${hookName}() must be used inside <PaygProvider>. Wrap the part of your app that calls ${hookName}() in <PaygProvider client={...}>.`,
    )
  }
  return context
}
