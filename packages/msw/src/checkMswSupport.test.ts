import { describe, expect, test } from 'vitest'
import { checkMswSupport, currentMswRuntime, SUPPORTED_MSW } from './checkMswSupport'
import { createPaygMock } from './createPaygMock'

describe('checkMswSupport', () => {
  test('accepts msw 2, the installed one, on any runtime', () => {
    expect(currentMswRuntime().mswMajor).toBe(2)
    expect(() => createPaygMock()).not.toThrow()
    expect(() => checkMswSupport({ mswMajor: 2, hasPromiseWithResolvers: false })).not.toThrow()
  })

  test('names msw 3 on a Node without Promise.withResolvers as the cause', () => {
    expect(() =>
      checkMswSupport({ mswMajor: 3, hasPromiseWithResolvers: false, nodeVersion: '20.19.0' }),
    ).toThrow(
      '[@payg-kit/msw] supports msw ^2.15.0 (msw 2); found msw 3.x, which needs Node 22 (Node 20.19.0 has no Promise.withResolvers, so every mocked request would fail as a network error). Install msw@2: npm install --save-dev msw@^2.15.0',
    )
  })

  test('refuses msw 3 on Node 22 too: it is not a supported version', () => {
    expect(() =>
      checkMswSupport({ mswMajor: 3, hasPromiseWithResolvers: true, nodeVersion: '22.12.0' }),
    ).toThrow(
      `[@payg-kit/msw] supports msw ${SUPPORTED_MSW} (msw 2); found msw 3.x. Install msw@2: npm install --save-dev msw@${SUPPORTED_MSW}`,
    )
  })

  test('says which runtime lacks Promise.withResolvers outside Node', () => {
    expect(() => checkMswSupport({ mswMajor: 3, hasPromiseWithResolvers: false })).toThrow(
      /needs Node 22 \(this runtime has no Promise\.withResolvers/,
    )
  })

  test('the supported range is the one package.json declares', async () => {
    const manifest = await import('../package.json', { with: { type: 'json' } })
    expect(manifest.default.peerDependencies.msw).toBe(SUPPORTED_MSW)
  })
})
