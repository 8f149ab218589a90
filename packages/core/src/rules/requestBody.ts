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

/** What a billing write whose body `isJsonBody` refuses is answered with: a 415 `BAD_REQUEST`. */
export const JSON_BODY_MESSAGE = 'Send the body as application/json, in UTF-8.'

/** What a body over `limit` bytes is answered with: a 413 `BAD_REQUEST`, read no further. */
export const bodyTooLargeMessage = (limit: number = MAX_BODY_BYTES): string =>
  `The request body is over ${limit} bytes.`

/**
 * Whether a billing write is one it reads: a body sent as `application/json` (in UTF-8, the
 * only charset it may name), or no body at all.
 * Any other (a form's `text/plain`, or a body with no Content-Type, which a `no-cors` fetch of a
 * Blob sends) is a 415, never parsed.
 */
export const isJsonBody = (contentType: string | null, hasBody: boolean) => {
  const type = mediaType(contentType)
  if (type === null) return !hasBody
  // JSON is UTF-8 (RFC 8259): a body labelled in another charset would be misread, so it is refused.
  const charset = /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(contentType ?? '')?.[1]?.toLowerCase()
  return (
    type === 'application/json' &&
    (charset === undefined || charset === 'utf-8' || charset === 'utf8')
  )
}

/**
 * The first key an object of valid JSON `text` gives twice, or null. `JSON.parse` keeps the last
 * value and a proxy or a log may read the first: a body like `{"amount":5,"amount":5000}` means
 * two things, so it is refused rather than read either way. O(length of the text).
 */
function repeatedKey(text: string): string | null {
  const objects: Array<Set<string> | null> = [] // null for an array
  let expectKey = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '"') {
      let end = i + 1
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1
      const keys = objects.at(-1)
      if (keys && expectKey) {
        const key = JSON.parse(text.slice(i, end + 1)) as string
        if (keys.has(key)) return key
        keys.add(key)
        expectKey = false
      }
      i = end
    } else if (c === '{') {
      objects.push(new Set())
      expectKey = true
    } else if (c === '[') {
      objects.push(null)
    } else if (c === '}' || c === ']') {
      objects.pop()
    } else if (c === ',') {
      expectKey = objects.at(-1) != null
    }
  }
  return null
}

/**
 * A billing write's body text read as JSON: an empty (or blank) body is "required", text that is
 * not JSON "not valid JSON", and an object that gives a key twice is refused (naming the key in
 * `details`), each a 400 `BAD_REQUEST` on the mock and the server alike.
 */
export function parseJsonBody(
  text: string,
): { ok: true; value: unknown } | { ok: false; message: string; details?: { key: string } } {
  if (text.trim() === '') return { ok: false, message: 'A JSON body is required.' }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { ok: false, message: 'The request body is not valid JSON.' }
  }
  const key = repeatedKey(text)
  return key === null
    ? { ok: true, value }
    : { ok: false, message: 'The request body gives a key more than once.', details: { key } }
}
