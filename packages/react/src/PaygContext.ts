'use client'
import type { PaygClient } from '@payg-kit/core'
import type { QueryClient } from '@tanstack/react-query'
import { createContext } from 'react'
import type { BillingMode } from './billingExtensionQueryOptions'
import type { PaygMessages } from './types'

/** What `PaygProvider` gives its hooks. */
export interface PaygContextValue {
  client: PaygClient
  queryClient: QueryClient
  locale: string | undefined
  messages: PaygMessages
  billing: BillingMode
  apiAccessUrl: string
}

/** Internal: read it through `usePaygContext(hookName)`. */
export const PaygContext = createContext<PaygContextValue | null>(null)
