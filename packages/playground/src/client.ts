import { createPaygClient, createRawClient, type PaygClient } from '@payg-kit/core'
import { PROXY_PATH } from './proxyPath'

const BILLING_EXTENSION = `${PROXY_PATH}/billing`

/**
 * Live, the billing extension does not exist upstream and the proxy refuses it, so its calls
 * (the calculator asks for the balance and per-model prices) are answered here with the same 404
 * the proxy would send, rather than sent only to be refused.
 */
const withoutBillingExtension: typeof fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input), location.href)
  if (url.pathname === BILLING_EXTENSION || url.pathname.startsWith(`${BILLING_EXTENSION}/`)) {
    return Promise.resolve(
      Response.json(
        {
          code: 'NOT_FOUND',
          message: `${url.pathname} is part of the billing extension, which Leonardo's public API does not have.`,
        },
        { status: 404 },
      ),
    )
  }
  return fetch(input, init)
}

/** The page's one client: always the same-origin proxy path, which the mock answers in mock mode. */
export const client: PaygClient = createPaygClient({
  baseUrl: PROXY_PATH,
  retry: { retries: 1, baseDelayMs: 200 },
  ...(__PAYG_LIVE__ && { fetch: withoutBillingExtension }),
})

/** The typed raw client over the same pipeline, for `GET /generations/{id}`. */
export const rawClient = createRawClient(client)
