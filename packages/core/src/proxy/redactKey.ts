/** Removes every written form of one secret from text, whole or streamed. */
export interface KeyRedactor {
  /** The text with every occurrence replaced; `null` when it cannot be made safe. */
  text(value: string): string | null
  /** A stream that redacts UTF-8 text across chunk boundaries; it errors when it cannot. */
  stream(): TransformStream<Uint8Array, Uint8Array>
}

const REPLACEMENTS = ['[redacted]', '***', '###', '~~~']

const hexDigits = (value: number, width: number): string =>
  [...value.toString(16).padStart(width, '0')]
    .map((digit) => (/[a-f]/.test(digit) ? `[${digit}${digit.toUpperCase()}]` : digit))
    .join('')
const literal = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')

/**
 * The forms one printable ASCII character of the key can take in an echo: itself; a JSON
 * `\uXXXX` escape, or `\/`, `\"`, `\\`, also inside nested JSON strings (up to 4 backslashes);
 * percent-encoded, also double-encoded; an HTML numeric character reference.
 */
function forms(char: string): { pattern: string; maxLength: number } {
  const code = char.charCodeAt(0)
  const alternatives = [
    literal(char),
    `\\\\{1,4}u${hexDigits(code, 4)}`,
    `%(?:25){0,2}${hexDigits(code, 2)}`,
    `&#0{0,4}${code};`,
    `&#[xX]0{0,4}${hexDigits(code, 1)};`,
  ]
  if (char === '/' || char === '"' || char === '\\') alternatives.push(`\\\\{1,4}${literal(char)}`)
  const maxLength = Math.max(4 + 5, 3 + 4 + 2, 2 + 4 + String(code).length + 1, 3 + 4 + 2 + 1)
  return { pattern: `(?:${alternatives.join('|')})`, maxLength }
}

/** A redactor of `secret` (printable ASCII), matched however an echo may have escaped it. */
export function createKeyRedactor(secret: string): KeyRedactor {
  const parts = [...secret].map(forms)
  const source = parts.map((part) => part.pattern).join('')
  const pattern = new RegExp(source, 'g')
  const probe = new RegExp(source)
  // The longest text one occurrence can take: the tail a stream must hold back.
  const longest = parts.reduce((sum, part) => sum + part.maxLength, 0)
  const replacement = REPLACEMENTS.find((candidate) => !probe.test(candidate)) ?? ''

  function redact(value: string): string | null {
    let text = value
    // A replacement next to what is left could spell the key again: repeat, then give up.
    for (let round = 0; round < 8; round++) {
      if (!probe.test(text)) return text
      text = text.replace(pattern, replacement)
    }
    return probe.test(text) ? null : text
  }

  return {
    text: redact,
    stream() {
      const decoder = new TextDecoder()
      const encoder = new TextEncoder()
      let pending = ''
      return new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          const text = redact(pending + decoder.decode(chunk, { stream: true }))
          if (text === null) throw new Error('The body could not be redacted.')
          // Hold back what could be the start of an occurrence that the next chunk completes.
          let cut = Math.max(0, text.length - (longest - 1))
          const before = text.charCodeAt(cut - 1)
          if (cut > 0 && before >= 0xd800 && before <= 0xdbff) cut -= 1
          pending = text.slice(cut)
          if (cut > 0) controller.enqueue(encoder.encode(text.slice(0, cut)))
        },
        flush(controller) {
          const text = redact(pending + decoder.decode())
          if (text === null) throw new Error('The body could not be redacted.')
          if (text) controller.enqueue(encoder.encode(text))
        },
      })
    },
  }
}
