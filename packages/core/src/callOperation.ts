import { configOf, configs, resolvePolicy } from './clientConfig'
import { describe, Mismatch } from './decode'
import { errorFromResponse } from './errorFromResponse'
import { MalformedResponseError, PaygError } from './errors'
import type { paths } from './generated/payg'
import { redactError } from './redact'
import { sendWithRetry } from './sendWithRetry'
import type { PaygTransport, RequestOptions } from './types'

const utf8 = /* @__PURE__ */ new TextDecoder()

const JSON_TYPE = /[/+]json\s*(?:;|$)/i

function malformed(
  operation: string,
  response: Response,
  said: string,
  field: string,
  expected: string,
): MalformedResponseError {
  return new MalformedResponseError({
    message: `${operation} answered ${response.status} ${said}`,
    status: response.status,
    requestId: response.headers.get('x-request-id') ?? undefined,
    details: { operation, field, expected },
  })
}

/**
 * One call of the domain API through `config`'s pipeline: its success body read by `decoder`, or
 * a typed error (carrying `key`, and free of the transport's credentials).
 */
export async function callOperation<T>(
  transport: PaygTransport,
  method: string,
  path: keyof paths,
  /** Reads the parsed body; the response is there for what its headers say. */
  decoder: (value: unknown, at: string, response: Response) => T,
  request: RequestOptions | undefined,
  body?: unknown,
  key?: string,
  query = '',
): Promise<T> {
  // The message is built only for a wrong transport, not on every call.
  const config = configs.get(transport) ?? configOf(transport, `${method} ${path}`)
  const { redact } = config
  try {
    const json = body !== undefined
    const headers = json ? config.jsonHeaders : config.baseHeaders
    const [response, bytes] = await sendWithRetry(
      config.send,
      config.root + path + query,
      {
        method,
        headers: key ? { ...headers, 'idempotency-key': key } : headers,
        body: json ? JSON.stringify(body) : undefined,
        redirect: 'manual',
      },
      method === 'GET' || !!key,
      request ? resolvePolicy(request.timeoutMs, request.retry, config.defaults) : config.defaults,
      request?.signal,
    )
    const raw = utf8.decode(bytes)
    let data: unknown = raw
    let parsed = false
    try {
      data = raw ? JSON.parse(raw) : undefined
      parsed = true
    } catch {}
    // Redacted before any of it is cut short for a message.
    if (!response.ok) throw errorFromResponse(response, redact(data))
    const type = response.headers.get('content-type')
    if (!parsed || (type && !JSON_TYPE.test(type))) {
      const what = /^\s*</.test(raw) ? 'HTML' : parsed ? 'a body' : 'JSON cut short or invalid'
      throw malformed(
        `${method} ${path}`,
        response,
        `with ${what}${type ? ` (${type.split(';')[0]})` : ''}, something other than JSON: check that \`baseUrl\` points at the API or its proxy`,
        'the body',
        'JSON (application/json)',
      )
    }
    try {
      return decoder(data, '', response)
    } catch (error) {
      if (!(error instanceof Mismatch)) throw error
      throw malformed(
        `${method} ${path}`,
        response,
        `with a body that does not match the API: ${error.field === 'the body' ? 'the body' : `\`${error.field}\``} should be ${error.expected}, not ${describe(redact(error.value))}`,
        error.field,
        error.expected,
      )
    }
  } catch (error) {
    if (key && error instanceof PaygError) {
      Object.defineProperty(error, 'idempotencyKey', { value: key })
    }
    throw redactError(error, redact)
  }
}
