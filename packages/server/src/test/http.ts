import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { toNodeListener } from '@payg-kit/core/proxy'
import { type BillingServerOptions, createBillingServer } from '../createBillingServer'

const servers: Server[] = []

/** What a call over HTTP answered, its body read as JSON. */
export interface Answer {
  status: number
  headers: Headers
  // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies freely
  body: any
}

/**
 * A billing server on 127.0.0.1 behind node:http; `tokens` maps bearer tokens to accounts.
 * `call(path, token, init)` sends a real HTTP request to it.
 */
export async function serveBilling(
  tokens: Record<string, string>,
  options: Omit<BillingServerOptions, 'authenticate'> & Partial<BillingServerOptions>,
) {
  const billing = createBillingServer({
    authenticate: (request) => {
      const token = request.headers.get('authorization')?.replace(/^Bearer /, '')
      return (token && tokens[token]) || null
    },
    ...options,
  })
  const server = createServer(toNodeListener(billing))
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const call = async (path: string, token?: string, init: RequestInit = {}): Promise<Answer> => {
    const response = await fetch(`${origin}${path}`, {
      ...init,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...init.headers },
    })
    return { status: response.status, headers: response.headers, body: await response.json() }
  }
  return { billing, call, origin }
}

/** The auto top-up settings `token`'s account reads (`GET`), or what saving `settings` answered (`PUT`). */
export async function autoTopUpThrough(
  served: { call: (path: string, token?: string, init?: RequestInit) => Promise<Answer> },
  token: string,
  settings?: unknown,
) {
  const put = settings === undefined ? {} : { method: 'PUT', body: JSON.stringify(settings) }
  const answer = await served.call('/billing/auto-top-up', token, {
    ...put,
    headers: { 'content-type': 'application/json' },
  })
  return answer.body
}

/** Closes every server `serveBilling` opened. */
export async function closeBillingServers(): Promise<void> {
  await Promise.all(
    servers.splice(0).map((s) => new Promise<void>((resolve) => s.close(() => resolve()))),
  )
}
