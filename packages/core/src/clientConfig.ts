import { ConfigError } from './errors'
import { createRedactor } from './redact'
import type { Policy } from './sendWithRetry'
import type { PaygClient, PaygClientOptions, PaygTransport } from './types'

/** What every request of one transport (and the client over it) is sent with. */
export interface ClientConfig {
  scope: string | undefined
  /** The base URL without a trailing slash. */
  root: string
  baseHeaders: Record<string, string>
  /** `baseHeaders` with `content-type: application/json`, for calls with a JSON body. */
  jsonHeaders: Record<string, string>
  send: (input: string | Request, init: RequestInit) => Promise<Response>
  defaults: Policy
  /** Removes the client's credentials from a value built from upstream text. */
  redact: (value: unknown) => unknown
  /** Throws a `ConfigError` for a credential header where the browser guard forbids one. */
  guard: (headers: Iterable<[string, string]>) => void
}

/**
 * The pipeline behind each transport and client, headers with the API key included: kept here,
 * so that logging or serialising a transport or a client never shows the key.
 */
export const configs: WeakMap<object, ClientConfig> = /* @__PURE__ */ new WeakMap()

/** The config of a transport, or of a client made by `createPaygClient`, or a `ConfigError`. */
export function configOf(target: PaygClient | PaygTransport, what: string): ClientConfig {
  const config = typeof target === 'object' && target !== null ? configs.get(target) : undefined
  if (!config) {
    throw new ConfigError(
      `${what} takes a client made by createPaygClient() or a transport made by createPaygTransport().`,
    )
  }
  return config
}

export function check(ok: unknown, message: string): asserts ok {
  if (!ok) throw new ConfigError(message)
}

const isMs = (value: unknown) => value === undefined || (typeof value === 'number' && value >= 0)

/** A call's (or the client's) timeout and retry options over `base`, checked. */
export function resolvePolicy(timeoutMs: unknown, retry: unknown, base: Policy): Policy {
  const r = (retry || {}) as Record<string, unknown>
  check(
    isMs(timeoutMs) && isMs(r.baseDelayMs) && isMs(r.maxDelayMs),
    '`timeoutMs`, `retry.baseDelayMs` and `retry.maxDelayMs` must be numbers of milliseconds, 0 or more.',
  )
  check(
    retry === undefined || retry === false || (typeof retry === 'object' && retry),
    '`retry` must be false or { retries, baseDelayMs, maxDelayMs }.',
  )
  check(
    r.retries === undefined || (Number.isInteger(r.retries) && (r.retries as number) >= 0),
    '`retry.retries` must be a whole number, 0 or more.',
  )
  const timeout = (timeoutMs as number | undefined) ?? base.timeoutMs
  return {
    // Beyond setTimeout's range (about 24.8 days) a timer fires at once: that means no timeout.
    timeoutMs: timeout > 2_147_483_647 ? 0 : timeout,
    retries: retry === false ? 0 : ((r.retries as number | undefined) ?? base.retries),
    baseDelayMs: (r.baseDelayMs as number | undefined) ?? base.baseDelayMs,
    maxDelayMs: (r.maxDelayMs as number | undefined) ?? base.maxDelayMs,
  }
}

// Headers that carry a credential, by name (lower case, hyphens): Authorization (Proxy-, X-,
// Authorisation), Cookie, X-Api-Key, X-Auth, X-Auth-Key, X-Access-Key and other vendors' keys
// (Ocp-Apim-Subscription-Key, X-Leonardo-Key), X-Auth-Token and any `*-token`, X-Session-Id,
// X-Jwt, Bearer, Api-Secret, passwords. Words, not substrings: X-Author, X-Oauth-Scopes,
// X-Session-Replay-Id or X-Cache-Key carry none.
const CREDENTIAL =
  /^(x-)?(proxy-)?authori[sz]ation$|^cookie$|api-?key|^(x-)?auth$|(^|-)(access|auth|private|subscription|leonardo|master|signing)-key$|^key$|token$|^(x-)?session(-id|-key)?$|(^|-)(jwt|bearer|pwd)$|secret|passw(or)?d|credential/

/** Whether a header (by name, any casing) carries a credential; CSRF tokens do not. */
const isCredential = (name: string) => {
  const n = name.toLowerCase().replace(/_/g, '-')
  return CREDENTIAL.test(n) && !/[cx]srf/.test(n)
}

const BROWSER_ADVICE =
  'keep it on a server and point `baseUrl` at a proxy that adds it, such as `@payg-kit/core/proxy`.'

const HEADERS = '`headers` must be an object of strings, a `Headers` or [name, value] pairs.'

/** The `headers` option (an object, a `Headers` or `[name, value]` pairs) as pairs, checked. */
function headerPairs(headers: unknown): Array<[string, string]> {
  check(typeof headers === 'object' && headers, HEADERS)
  const pairs: unknown[] = Array.isArray(headers)
    ? headers
    : typeof (headers as Headers).entries === 'function'
      ? [...(headers as Headers).entries()]
      : Object.entries(headers)
  check(
    pairs.every(
      (p) =>
        Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && typeof p[1] === 'string',
    ),
    HEADERS,
  )
  return pairs as Array<[string, string]>
}

/** Checks `createPaygClient`'s options at runtime (plain-JS callers too) and resolves defaults. */
export function resolveConfig(options: PaygClientOptions): ClientConfig {
  check(typeof options === 'object' && options, 'createPaygClient takes an options object.')
  const { apiKey, baseUrl = 'https://cloud.leonardo.ai/api/rest/v1', headers = {} } = options
  const customFetch = options.fetch
  check(
    apiKey === undefined || (typeof apiKey === 'string' && /^\S+$/.test(apiKey)),
    '`apiKey` must be a non-empty string without spaces.',
  )
  check(
    typeof baseUrl === 'string' && /^(?:https?:\/\/[^\s/?#]+|\/)[^\s?#]*$/.test(`${baseUrl}/`),
    '`baseUrl` must be an http(s) URL, or a path such as "/api/payg" in a browser.',
  )
  const merged = new Headers()
  for (const [name, value] of headerPairs(headers)) {
    try {
      merged.append(name, value)
    } catch {
      check(false, `\`headers\` has an invalid header name or value (${JSON.stringify(name)}).`)
    }
  }
  check(
    customFetch === undefined || typeof customFetch === 'function',
    '`fetch` must be a function.',
  )
  const g = globalThis as { window?: unknown; document?: unknown; importScripts?: unknown }
  const allowCredentials =
    options.dangerouslyAllowBrowser === true ||
    !((g.window && g.document) || typeof g.importScripts === 'function')
  check(
    apiKey === undefined || allowCredentials,
    `Never ship an API key to a browser, where anyone can read it: ${BROWSER_ADVICE}`,
  )
  const guard = (pairs: Iterable<[string, string]>) => {
    if (allowCredentials) return
    for (const [name] of pairs) {
      check(
        !isCredential(name),
        `Never send a credential (the \`${name}\` header) from a browser, where anyone can read it: ${BROWSER_ADVICE}`,
      )
    }
  }
  guard(merged)
  const defaults = resolvePolicy(options.timeoutMs, options.retry, {
    timeoutMs: 30_000,
    retries: 2,
    baseDelayMs: 300,
    maxDelayMs: 10_000,
  })
  const root = baseUrl.replace(/\/+$/, '')
  if (apiKey) merged.set('authorization', `Bearer ${apiKey}`)
  const baseHeaders: Record<string, string> = Object.fromEntries(merged)
  const secrets: string[] = apiKey ? [apiKey] : []
  for (const [name, value] of merged) {
    // The whole value, and the token after a scheme such as "Bearer"; a value of a few
    // characters (a session number, say) is no secret, and removing it would garble messages.
    if (isCredential(name)) {
      for (const secret of [value, ...value.split(/\s+/).slice(1)]) {
        if (secret.length > 7) secrets.push(secret)
      }
    }
  }
  // Looked up on every call, so that a mock installed after the client was made still intercepts.
  const send =
    customFetch ?? ((input: string | Request, init: RequestInit) => globalThis.fetch(input, init))

  check(
    options.scope === undefined || (typeof options.scope === 'string' && options.scope !== ''),
    '`scope` must be a non-empty string.',
  )
  return {
    scope: options.scope,
    root,
    baseHeaders,
    jsonHeaders: { ...baseHeaders, 'content-type': 'application/json' },
    send,
    defaults,
    redact: createRedactor(secrets),
    guard,
  }
}
