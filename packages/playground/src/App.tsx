import type { PaygMock, ScenarioName } from '@payg-kit/msw'
import { PaygProvider } from '@payg-kit/react'
import { QueryClient } from '@tanstack/react-query'
import { type ReactNode, useEffect, useState } from 'react'
import { ApiAccessPage } from './ApiAccessPage'
import { BackendNote } from './BackendNote'
import { useCardFlow } from './CardDialog'
import { billing, client } from './client'
import { PlaygroundControls, type Theme, useLanguage } from './PlaygroundControls'
import { useTestBank } from './TestBank'

/** Props of App. */
export interface AppProps {
  /** The mock answering the page's requests, or null in live mode. */
  mock: PaygMock | null
}

const prefersDark = () => window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false

/** The playground: its own controls above a product's "API Access / Billing" settings page. */
export function App({ mock }: AppProps): ReactNode {
  const [theme, setTheme] = useState<Theme>(() => (prefersDark() ? 'dark' : 'light'))
  const [{ locale, messages }, setLocale] = useLanguage('en-US')
  const [scenario, setScenario] = useState<ScenarioName>(() =>
    mock && mock.scenario !== 'custom' ? mock.scenario : 'healthy',
  )
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: false } } }),
  )
  const bank = useTestBank(mock, locale)
  const cards = useCardFlow(mock)
  // Bumped on every scenario change: the page remounts, so no widget keeps state from before.
  const [session, setSession] = useState(0)

  useEffect(() => {
    document.documentElement.style.colorScheme = theme
  }, [theme])

  const changeScenario = (next: ScenarioName) => {
    mock?.reset(next)
    queryClient.clear()
    setScenario(next)
    setSession((count) => count + 1)
    const url = new URL(location.href)
    url.searchParams.set('scenario', next)
    history.replaceState(history.state, '', url)
  }

  return (
    <div className="payg-root playground" data-payg-theme={theme}>
      <a className="playground__skip" href="#main">
        Skip to billing
      </a>
      <PlaygroundControls
        live={mock === null}
        scenario={scenario}
        onScenarioChange={changeScenario}
        locale={locale}
        onLocaleChange={setLocale}
        theme={theme}
        onThemeChange={setTheme}
      />
      <PaygProvider
        client={client}
        queryClient={queryClient}
        locale={locale}
        messages={messages}
        billing={billing}
      >
        <BackendNote />
        <ApiAccessPage
          key={session}
          live={mock === null}
          onAuthenticatePayment={bank.onAuthenticatePayment}
          onManagePaymentMethod={cards.onManagePaymentMethod}
        />
        {cards.dialog}
      </PaygProvider>
      {bank.dialog}
    </div>
  )
}
