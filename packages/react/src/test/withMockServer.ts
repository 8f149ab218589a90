import { createPaygMock, type ScenarioName } from '@payg-kit/msw'
import { cleanup } from '@testing-library/react'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { TEST_NOW } from '../../../../test/clock'

/**
 * A suite's mock at the pinned clock and the msw server answering with it: listening for the
 * suite, and after every test the page cleaned up, overrides dropped and the scenario laid out again.
 */
export function withMockServer(scenario: ScenarioName = 'healthy') {
  const mock = createPaygMock({ now: TEST_NOW, scenario })
  const server = setupServer(...mock.handlers)
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => {
    cleanup()
    server.resetHandlers()
    mock.reset(scenario)
  })
  afterAll(() => server.close())
  return { mock, server }
}
