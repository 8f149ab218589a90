import { createPaygClient } from '@payg-kit/core'
import { createPaygMock, type ScenarioName } from '@payg-kit/msw'
import { type PaygMessages, PaygProvider } from '@payg-kit/react'
import { QueryClient } from '@tanstack/react-query'
import axe from 'axe-core'
import { setupWorker } from 'msw/browser'
import type { ReactNode } from 'react'
import { expect } from 'vitest'
import { render } from 'vitest-browser-react'
import { TEST_NOW } from '../../../../test/clock'
import '../styles.css'

/** One mock per test file, its clock pinned, reset to a scenario by every render. */
export const mock = createPaygMock({ scenario: 'healthy', now: TEST_NOW })
/** The msw worker: `worker.use(...)` overrides a response for one test (reset by every render). */
export const worker = setupWorker(...mock.handlers)
let started: Promise<unknown> | undefined

/** Renders `ui` inside a PaygProvider with a fresh cache, against the mock in `scenario`. */
export async function renderWithMock(
  ui: ReactNode,
  options: {
    scenario?: ScenarioName
    locale?: string
    messages?: PaygMessages
    /** Runs after the mock is reset to the scenario, before rendering: seed state, inject faults. */
    setup?: (paygMock: typeof mock) => void
  } = {},
) {
  started ??= worker.start({ quiet: true, onUnhandledRequest: 'error' })
  await started
  worker.resetHandlers()
  mock.reset(options.scenario ?? 'healthy')
  options.setup?.(mock)
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const client = createPaygClient({ retry: false })
  const screen = await render(
    <PaygProvider
      client={client}
      queryClient={queryClient}
      locale={options.locale ?? 'en-US'}
      messages={options.messages}
    >
      {ui}
    </PaygProvider>,
  )
  return { screen, queryClient, client }
}

/**
 * Fails with the list of axe violations in `container`, if any. `region` is off: landmarks are
 * the host page's business, not a widget's.
 */
export async function expectNoA11yViolations(container: Element = document.body) {
  const results = await axe.run(container, {
    resultTypes: ['violations'],
    rules: { region: { enabled: false } },
  })
  expect(
    results.violations.map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
    ),
  ).toEqual([])
}
