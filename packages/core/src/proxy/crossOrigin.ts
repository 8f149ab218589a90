// Cross-site request forgery: which writes a server may take from a browser. One rule for the
// proxy and @payg-kit/server, as Go's `http.CrossOriginProtection` decides it: a browser says
// where a request comes from (Sec-Fetch-Site, else Origin), and only the server's own pages and
// the origins it lists may write. A request without either header comes from no browser.

/** The host (and port) of an origin or URL, lower-cased; `null` when it is not one. */
function hostOf(value: string): string | null {
  try {
    const url = new URL(value)
    return url.origin === 'null' ? null : url.host.toLowerCase()
  } catch {
    return null
  }
}

/**
 * Checks `allowedOrigins` (origins such as `'https://app.example.com'`) and gives the test of a
 * write: true when `request` comes from the server's own origin, one of those, or no browser.
 * `who` names the caller in the error a bad list throws.
 */
export function createOriginCheck(
  allowedOrigins: unknown,
  who: string,
): (request: Request, url: URL) => boolean {
  const trusted = new Set<string>()
  for (const origin of Array.isArray(allowedOrigins) ? allowedOrigins : [null]) {
    const host = typeof origin === 'string' ? hostOf(origin) : null
    if (host === null || new URL(origin as string).origin !== origin) {
      throw new TypeError(
        `[payg-kit] ${who}: \`allowedOrigins\` lists origins such as 'https://app.example.com'.`,
      )
    }
    trusted.add(origin as string)
  }
  return (request, url) => {
    const origin = request.headers.get('origin')
    if (origin !== null && trusted.has(origin)) return true
    const site = request.headers.get('sec-fetch-site')
    if (site !== null) return site === 'same-origin' || site === 'none'
    // No Sec-Fetch-Site: an older browser, or no browser at all (which cannot be forged into CSRF).
    if (origin === null) return true
    return hostOf(origin) === url.host.toLowerCase()
  }
}
