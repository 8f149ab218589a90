import createClient from 'openapi-fetch'
import { configOf } from './clientConfig'
import { errorFromResponse } from './errorFromResponse'
import type { paths } from './generated/payg'
import { redactError } from './redact'
import { sendWithRetry } from './sendWithRetry'
import type { PaygClient, PaygRawClient, PaygTransport } from './types'

/**
 * The typed openapi-fetch client for every path of the spec, sent through `client`'s pipeline
 * (its base URL, headers, timeout and retries). Opt-in, so apps that only use the domain API
 * don't ship openapi-fetch.
 * @example const { data } = await createRawClient(payg).GET('/generations/{id}', { params: { path: { id } } })
 */
export function createRawClient(client: PaygClient | PaygTransport): PaygRawClient {
  const { root, baseHeaders, send, defaults, redact, guard } = configOf(client, 'createRawClient')
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
      ).then(
        // Bytes, not a Blob: a page's Blob (jsdom's, say) may not be one the runtime's Response reads.
        ([response, bytes]) => {
          // A browser's redirect not followed (opaque, status 0) is no Response one can build.
          if (!response.status) throw redactError(errorFromResponse(response, undefined), redact)
          return new Response(
            response.status === 204 || response.status === 205 || response.status === 304
              ? null
              : (bytes as Uint8Array<ArrayBuffer>),
            { status: response.status, statusText: response.statusText, headers: response.headers },
          )
        },
        (error: unknown) => {
          throw redactError(error, redact)
        },
      )
    },
  })
}
