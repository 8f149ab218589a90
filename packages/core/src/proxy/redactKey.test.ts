import { describe, expect, it } from 'vitest'
import { createKeyRedactor } from './redactKey'

async function throughStream(key: string, chunks: Uint8Array[]): Promise<string> {
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk)
      controller.close()
    },
  })
  return new Response(source.pipeThrough(createKeyRedactor(key).stream())).text()
}

describe('createKeyRedactor', () => {
  const key = 'sk_live/Secret"9'
  const forms = [
    key,
    JSON.stringify(key).slice(1, -1),
    key.replace('/', '\\/'),
    [...key].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''),
    [...key]
      .map((c) => `\\\\u${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`)
      .join(''),
    encodeURIComponent(key),
    [...key].map((c) => `%25${c.charCodeAt(0).toString(16)}`).join(''),
    [...key].map((c) => `&#x${c.charCodeAt(0).toString(16)};`).join(''),
  ]

  it('replaces every form of the key in text, and leaves the rest', () => {
    const redactor = createKeyRedactor(key)
    for (const form of forms) {
      expect(redactor.text(`before ${form} after`)).toBe('before [redacted] after')
    }
    expect(redactor.text('sk_live/Secret"8 stays')).toBe('sk_live/Secret"8 stays')
  })

  it('picks a replacement that cannot spell the key', () => {
    expect(createKeyRedactor('e').text('the key')).toBe('th*** k***y')
  })

  it('redacts an occurrence split at any chunk boundary, and keeps multi-byte text whole', async () => {
    const encoder = new TextEncoder()
    for (const form of forms) {
      const bytes = encoder.encode(`€ ${form} — ${form} 😀`)
      for (let cut = 0; cut <= bytes.length; cut++) {
        const text = await throughStream(key, [bytes.slice(0, cut), bytes.slice(cut)])
        expect(text).toBe('€ [redacted] — [redacted] 😀')
      }
      const single = await throughStream(
        key,
        [...bytes].map((byte) => new Uint8Array([byte])),
      )
      expect(single).toBe('€ [redacted] — [redacted] 😀')
    }
  })
})
