import openapiTS from 'openapi-typescript'
import { describe, expect, it } from 'vitest'
import { compileOperation, PATH_PARAMETERS } from './pathParameters'

describe('PATH_PARAMETERS', () => {
  it('has exactly the path parameters of openapi/payg.yaml, with their schemas', async () => {
    const fromSpec: Record<string, Record<string, unknown>> = {}
    await openapiTS(new URL('../../openapi/payg.yaml', import.meta.url), {
      transform(schema, { path }) {
        const match = /^#\/paths\/([^/]+)\/[a-z]+\/parameters\/path\/(.+)$/.exec(path ?? '')
        if (!match) return undefined
        const template = (match[1] as string).replace(/~1/g, '/').replace(/~0/g, '~')
        fromSpec[template] = { ...fromSpec[template], [match[2] as string]: schema }
        return undefined
      },
    })
    expect(Object.keys(fromSpec).length).toBeGreaterThan(0)
    expect(PATH_PARAMETERS).toEqual(fromSpec)
  })
})

describe('compileOperation', () => {
  const match = compileOperation('GET /generations/{id}')
  it('matches literal segments exactly and parameters by their schema', () => {
    expect(match('GET', '/generations/7f3b2c1d-4e5a-4b6c-8d7e-9f0a1b2c3d4e')).toEqual({ ok: true })
    expect(match('POST', '/generations/7f3b2c1d-4e5a-4b6c-8d7e-9f0a1b2c3d4e')).toEqual({
      ok: false,
    })
    expect(match('GET', '/generation/7f3b2c1d-4e5a-4b6c-8d7e-9f0a1b2c3d4e')).toEqual({ ok: false })
    for (const id of ['', '.', '..', 'gen_42', '7f3b2c1d-4e5a-4b6c-8d7e-9f0a1b2c3d4e.', '%2e']) {
      expect(match('GET', `/generations/${id}`)).toEqual({
        ok: false,
        invalid: '`id` must be a UUID.',
      })
    }
  })

  it('refuses a template whose parameter the spec does not have', () => {
    expect(() => compileOperation('GET /billing/{account}')).toThrow(/\{account\}/)
  })
})
