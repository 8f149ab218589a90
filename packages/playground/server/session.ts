import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { PROXY_PATH } from '../src/proxyPath'

const COOKIE = 'payg_playground_session'
const LOOPBACK = /^(?:127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/

/** A per-process session for the dev server's API routes: only this machine's browser gets one. */
export interface PlaygroundSession {
  /** Whether a Cookie header carries this process's session cookie. */
  has(cookieHeader: string | null): boolean
  /** Sets the session cookie (HttpOnly, SameSite=Strict, on the API path) for loopback clients. */
  grant(req: IncomingMessage, res: ServerResponse): void
}

/** A fresh session token, kept in this process; a restart signs every browser out until it reloads. */
export function createPlaygroundSession(): PlaygroundSession {
  const token = Buffer.from(randomBytes(32).toString('base64url'))
  return {
    has(cookieHeader) {
      for (const part of (cookieHeader ?? '').split(';')) {
        const [name, value = ''] = part.trim().split('=')
        const given = Buffer.from(value)
        if (name === COOKIE && given.length === token.length && timingSafeEqual(given, token)) {
          return true
        }
      }
      return false
    },
    grant(req, res) {
      if (!LOOPBACK.test(req.socket.remoteAddress ?? '')) return
      res.setHeader(
        'set-cookie',
        `${COOKIE}=${token.toString()}; Path=${PROXY_PATH}; HttpOnly; SameSite=Strict`,
      )
    },
  }
}

/** Whether a request's path is `prefix` or below it (the query ignored). */
export function isUnder(url: string | undefined, prefix: string): boolean {
  const path = url?.split('?')[0] ?? ''
  return path === prefix || path.startsWith(`${prefix}/`)
}
