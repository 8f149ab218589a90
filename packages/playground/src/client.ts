import { createPaygClient, createRawClient, type PaygClient } from '@payg-kit/core'
import type { BillingMode } from '@payg-kit/react'
import { PROXY_PATH } from './proxyPath'

/** The page's one client: always the same-origin proxy path, which the mock answers in mock mode. */
export const client: PaygClient = createPaygClient({
  baseUrl: PROXY_PATH,
  retry: { retries: 1, baseDelayMs: 200 },
})

/**
 * Live, the billing extension does not exist upstream (Leonardo's public API has none), so the
 * kit is told so and never asks; on the mock it is there.
 */
export const billing: BillingMode = __PAYG_LIVE__ ? 'none' : 'extension'

/** The typed raw client over the same pipeline, for `GET /generations/{id}`. */
export const rawClient = createRawClient(client)
