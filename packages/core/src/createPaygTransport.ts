import { configs, resolveConfig } from './clientConfig'
import type { PaygClientOptions, PaygTransport } from './types'

/**
 * The request pipeline alone (base URL, headers, `fetch`, timeout, retries, redaction), for the
 * standalone operations: an app ships only the operations it imports.
 * @example const payg = createPaygTransport({ baseUrl: '/api/payg' }); await getBalance(payg)
 */
export function createPaygTransport(options: PaygClientOptions = {}): PaygTransport {
  const config = resolveConfig(options)
  // The transport shows only its scope; the headers (and the key in them) stay in `configs`.
  const transport = Object.freeze({ scope: config.scope }) as unknown as PaygTransport
  configs.set(transport, config)
  return transport
}
