import { expect, test, vi } from 'vitest'
import { createPaygMock } from './createPaygMock'

// msw 3 as the mock sees it: a base class under RequestHandler.
vi.mock('msw', async (importOriginal) => {
  const real = await importOriginal<typeof import('msw')>()
  class Handler {}
  class RequestHandler extends Handler {}
  return { ...real, RequestHandler }
})

test('createPaygMock with msw 3 installed throws an error naming the supported msw', () => {
  expect(() => createPaygMock({ scenario: 'lowBalance' })).toThrow(
    /^\[@payg-kit\/msw\] supports msw \^2\.15\.0 \(msw 2\); found msw 3\.x/,
  )
})
