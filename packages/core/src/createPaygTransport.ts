import { resolveConfig } from './clientConfig'
import type { PaygClientOptions, PaygTransport } from './types'

/**
 * The request pipeline alone (base URL, headers, `fetch`, timeout, retries, redaction), for the
 * standalone operations: an app ships only the operations it imports.
 * @example const payg = createPaygTransport({ baseUrl: '/api/payg' }); await getBalance(payg)
 */
export function createPaygTransport(options: PaygClientOptions = {}): PaygTransport {
  return resolveConfig(options) as unknown as PaygTransport
}
