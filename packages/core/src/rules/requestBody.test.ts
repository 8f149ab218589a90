import { describe, expect, it } from 'vitest'
import { IDEMPOTENCY_KEY_MESSAGE, readIdempotencyKey } from './idempotency'
import { isJsonBody, parseJsonBody } from './requestBody'

describe('parseJsonBody', () => {
  it('reads JSON, and words a blank body and text that is not JSON apart', () => {
    expect(parseJsonBody('{"amount": 10}')).toEqual({ ok: true, value: { amount: 10 } })
    expect(parseJsonBody(' \n\t')).toEqual({ ok: false, message: 'A JSON body is required.' })
    expect(parseJsonBody('{"amount": 10')).toEqual({
      ok: false,
      message: 'The request body is not valid JSON.',
    })
  })

  it.each([
    ['{"amount":5,"amount":5000}', 'amount'],
    ['{"amount":5,"\\u0061mount":5000}', 'amount'],
    ['{"a":{"b":1},"a":2}', 'a'],
    ['[{"x":1},{"y":{"z":1,"z":2}}]', 'z'],
    ['{"":1,"":2}', ''],
  ])('refuses %s, which gives the key %j twice', (text, key) => {
    expect(parseJsonBody(text)).toEqual({
      ok: false,
      message: 'The request body gives a key more than once.',
      details: { key },
    })
  })

  it.each([
    '{"a":1,"b":{"a":2},"c":[{"a":3},{"a":4}]}',
    '{"a":"\\"a\\": 1, {\\"a\\"","b":"a"}',
    '{"a":["a","a"],"b":"\\\\","c":"}{,"}',
    '[["a","a"],{"a":1}]',
  ])('reads %s, where no object repeats a key', (text) => {
    expect(parseJsonBody(text)).toEqual({ ok: true, value: JSON.parse(text) })
  })
})

describe('isJsonBody', () => {
  it.each([
    ['application/json', true],
    ['Application/JSON; charset=UTF-8', true],
    ['application/json;charset="utf-8"', true],
    ['application/json; charset=utf8', true],
    ['application/json; charset=utf-16', false],
    ['application/json; charset=latin1', false],
    ['application/json-patch+json', false],
    ['text/plain', false],
  ])('%s: %s', (type, read) => {
    expect(isJsonBody(type, true)).toBe(read)
  })

  it('takes no Content-Type only without a body', () => {
    expect(isJsonBody(null, false)).toBe(true)
    expect(isJsonBody(null, true)).toBe(false)
  })
})

describe('readIdempotencyKey', () => {
  it('reads a key of the spec, and no key (or an empty one) as none', () => {
    expect(readIdempotencyKey('6f1c9a52-2a6b-4c1e-9d0e-2f7b1f3c8a10')).toEqual({
      ok: true,
      key: '6f1c9a52-2a6b-4c1e-9d0e-2f7b1f3c8a10',
    })
    expect(readIdempotencyKey(null)).toEqual({ ok: true, key: null })
    expect(readIdempotencyKey('')).toEqual({ ok: true, key: null })
  })

  it('needs a key where the write requires one, and refuses a malformed one', () => {
    expect(readIdempotencyKey(null, true)).toEqual({
      ok: false,
      message: 'The Idempotency-Key header is required for top-ups.',
    })
    for (const key of ['..', '.a', 'a b', 'a/b', 'é', 'x'.repeat(256)]) {
      expect(readIdempotencyKey(key), key).toEqual({ ok: false, message: IDEMPOTENCY_KEY_MESSAGE })
    }
    expect(readIdempotencyKey('a.b~c_d-e'), 'x'.repeat(255)).toEqual({ ok: true, key: 'a.b~c_d-e' })
    expect(readIdempotencyKey('x'.repeat(255)).ok).toBe(true)
  })
})
