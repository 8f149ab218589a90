import '@payg-kit/ui/styles.css'
import './playground.css'
import type { PaygMock } from '@payg-kit/msw'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'

async function start(): Promise<void> {
  let mock: PaygMock | null = null
  if (!__PAYG_LIVE__) {
    // Loaded only in mock mode, so a live page carries no service worker.
    const { scenarioFromSearch, startMock } = await import('./startMock')
    mock = await startMock(scenarioFromSearch(location.search), {
      billingOnServer: __PAYG_BILLING_SERVER__ !== null,
    })
    window.paygMock = mock
  }
  const root = document.getElementById('root')
  if (!root) throw new Error('[playground] index.html has no #root element.')
  createRoot(root).render(
    <StrictMode>
      <App mock={mock} />
    </StrictMode>,
  )
}

void start()
