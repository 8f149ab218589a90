import createClient from 'openapi-fetch'
import { configs } from './clientConfig'
import { ConfigError } from './errors'
import type { paths } from './generated/payg'
import { redactError } from './redact'
import { sendWithRetry } from './sendWithRetry'
import type { PaygClient, PaygRawClient } from './types'

/**
 * The typed openapi-fetch client for every path of the spec, sent through `client`'s pipeline
 * (its base URL, headers, timeout and retries). Opt-in, so apps that only use the domain API
 * don't ship openapi-fetch.
 * @example const { data } = await createRawClient(payg).GET('/generations/{id}', { params: { path: { id } } })
 */
export function createRawClient(client: PaygClient): PaygRawClient {
  const config = configs.get(client)
  if (!config) throw new ConfigError('createRawClient takes a client made by createPaygClient().')
  const { root, baseHeaders, send, defaults, redact, guard } = config
  return createClient<paths>({
    baseUrl: root,
    headers: baseHeaders,
    fetch: (r: Request) => {
      guard(r.headers)
      return sendWithRetry(
        send,
        r,
        {},
        r.method === 'GET' || r.method === 'HEAD' || r.headers.has('idempotency-key'),
        defaults,
        r.signal,
      ).catch((error: unknown) => {
        throw redactError(error, redact)
      })
    },
  })
}
