'use client'
import { createContext, type ReactNode } from 'react'

/** Internal: whether the extension's hooks below wait for the billing probe. */
export const BillingGateContext = createContext(false)

/**
 * The billing extension's hooks rendered inside it (`useAutoTopUp`, `useTransactions`,
 * `useUsage`, ...) wait until it is known whether the API has the extension, and ask nothing
 * without it. `@payg-kit/ui`'s billing widgets render inside one.
 */
export function BillingExtensionGate({ children }: { children?: ReactNode }): ReactNode {
  return <BillingGateContext.Provider value>{children}</BillingGateContext.Provider>
}
