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
 * Whether a billing write is one it reads: a body sent as `application/json`, or no body at all.
 * Any other (a form's `text/plain`, or a body with no Content-Type, which a `no-cors` fetch of a
 * Blob sends) is a 415, never parsed.
 */
export const isJsonBody = (contentType: string | null, hasBody: boolean) => {
  const type = mediaType(contentType)
  return type === 'application/json' || (type === null && !hasBody)
}
