import { createPaygMock, type PaygMock, SCENARIO_NAMES, type ScenarioName } from '@payg-kit/msw'
import { http, passthrough } from 'msw'
import { setupWorker } from 'msw/browser'
import { PROXY_PATH } from './proxyPath'

/** `?scenario=lowBalance` picks the scenario the page opens on; anything else means `healthy`. */
export function scenarioFromSearch(search: string): ScenarioName {
  const name = new URLSearchParams(search).get('scenario')
  return SCENARIO_NAMES.find((scenario) => scenario === name) ?? 'healthy'
}

/**
 * Starts the stateful mock in a service worker, answering where the live proxy would. With
 * `billingOnServer`, every `/billing` request goes past the mock to the dev server's billing server.
 */
export async function startMock(
  scenario: ScenarioName,
  { billingOnServer = false }: { billingOnServer?: boolean } = {},
): Promise<PaygMock> {
  const mock = createPaygMock({ scenario, baseUrl: PROXY_PATH })
  const toServer = billingOnServer ? [http.all(`${PROXY_PATH}/billing/*`, () => passthrough())] : []
  await setupWorker(...toServer, ...mock.handlers).start({
    quiet: true,
    onUnhandledRequest: 'bypass',
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  })
  return mock
}
