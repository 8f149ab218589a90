'use client'
import type { PaygClient } from '@payg-kit/core'
import { usePaygContext } from './usePaygContext'

/** The client given to `PaygProvider`, for reads no hook caches, such as exporting every ledger page. */
export function usePaygClient(): PaygClient {
  return usePaygContext('usePaygClient').client
}
