import { createHmac, timingSafeEqual } from 'node:crypto'

/** The name of the session cookie this example signs in with. */
export const SESSION_COOKIE = 'session'

/** A session cookie's value for an account: `<accountId>.<HMAC-SHA256 of it>`. */
export function signSession(accountId: string, secret: string): string {
  return `${accountId}.${createHmac('sha256', secret).update(accountId).digest('base64url')}`
}

/** The account of a request's signed session cookie, or null (unsigned, forged or absent). */
export function sessionAccount(cookieHeader: string | null, secret: string): string | null {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, value = ''] = part.trim().split('=')
    if (name !== SESSION_COOKIE) continue
    const accountId = value.slice(0, value.lastIndexOf('.'))
    if (!accountId) return null
    const given = Buffer.from(value)
    const expected = Buffer.from(signSession(accountId, secret))
    return given.length === expected.length && timingSafeEqual(given, expected) ? accountId : null
  }
  return null
}
