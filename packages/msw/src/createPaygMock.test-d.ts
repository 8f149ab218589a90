import type { RequestHandler } from 'msw'
import { describe, expectTypeOf, it } from 'vitest'
import { createPaygMock, type SCENARIO_NAMES, type ScenarioName } from './index'

describe('createPaygMock types', () => {
  it('returns msw handlers and a typed handle', () => {
    const mock = createPaygMock({ scenario: 'lowBalance', latency: [10, 50] })
    expectTypeOf(mock.handlers).toEqualTypeOf<RequestHandler[]>()
    expectTypeOf(mock.state.balance()).toEqualTypeOf<string>()
    expectTypeOf(mock.requestCount('createTopUp')).toEqualTypeOf<number>()
    expectTypeOf<(typeof SCENARIO_NAMES)[number]>().toEqualTypeOf<ScenarioName>()
  })

  it('rejects unknown operations, scenarios and fault modes', () => {
    const mock = createPaygMock()
    // @ts-expect-error not an operationId of the spec
    mock.failNext('createTopup')
    // @ts-expect-error not a scenario
    mock.reset('broke')
    // @ts-expect-error not a fault mode
    mock.failNext('createTopUp', { mode: 'explode' })
  })
})
