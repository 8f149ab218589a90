/**
 * The largest request body a billing operation reads, in bytes (64 KiB): a larger one is a 413
 * (`PayloadTooLarge` in the spec) before it is read whole. The server, the mock and the proxy's
 * default share it; the operations' bodies are a few fields.
 */
export const MAX_BODY_BYTES = 64 * 1024

/** The media type of a Content-Type header (lower case, no parameters), or null without one. */
export function mediaType(header: string | null): string | null {
  if (header === null) return null
  return header.split(';')[0]?.trim().toLowerCase() ?? ''
}

/**
 * Whether a billing write's Content-Type is one it reads: `application/json`, or none. Any other
 * (a form's `text/plain` or `application/x-www-form-urlencoded`) is a 415, never parsed.
 */
export const isJsonBody = (contentType: string | null) => {
  const type = mediaType(contentType)
  return type === null || type === 'application/json'
}
