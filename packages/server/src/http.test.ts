import { describe, expect, it } from 'vitest'
import { MAX_BODY_BYTES, readText } from './http'

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request('http://127.0.0.1/billing/top-ups', {
    method: 'POST',
    body,
    headers,
    duplex: 'half',
  } as RequestInit)

/** A stream of `chunks` as a Fetch adapter might give it. */
const streamOf = (chunks: unknown[]) =>
  new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk)
      controller.close()
    },
  })

describe('readText', () => {
  it('reads UTF-8 split anywhere, up to the limit and not a byte past it', async () => {
    const bytes = new TextEncoder().encode('{"note":"Grüße, 日本"}')
    const split = streamOf([...bytes].map((byte) => new Uint8Array([byte])))
    expect(await readText(post(split as BodyInit))).toBe('{"note":"Grüße, 日本"}')
    expect(await readText(post('x'.repeat(MAX_BODY_BYTES)))).toHaveLength(MAX_BODY_BYTES)
    await expect(readText(post('x'.repeat(MAX_BODY_BYTES + 1)))).rejects.toMatchObject({
      status: 413,
    })
  })

  it('says the setup is at fault for a body read before the handler, not the client', async () => {
    const request = post('{"amount":5}')
    await request.text()
    await expect(readText(request)).rejects.toThrow(/before any body parser/)
    await expect(readText(request)).rejects.not.toMatchObject({ status: 400 })
  })

  it('refuses a stream of strings (it has no size) instead of reading past the limit', async () => {
    const strings = streamOf(Array.from({ length: 100 }, () => 'x'.repeat(1024)))
    await expect(readText(post(strings as BodyInit))).rejects.toThrow(/other than bytes/)
  })
})
