import { createPaygClient } from '@payg-kit/core'
import { createPaygMock, type ScenarioName } from '@payg-kit/msw'
import { type PaygMessages, PaygProvider } from '@payg-kit/react'
import { loadPaygMessages } from '@payg-kit/ui/locales'
import type { Decorator, Loader, Preview } from '@storybook/react-vite'
import { QueryClient } from '@tanstack/react-query'
import { mswLoader } from 'msw-storybook-addon/csf3'
import { useMemo, useState } from 'react'
import '../packages/ui/src/styles.css'

/** What a story says about the world it runs in: a mock scenario, a locale, a theme. */
export interface PaygParameters {
  scenario?: ScenarioName
  locale?: string
  theme?: 'light' | 'dark'
  messages?: PaygMessages
  /** Runs after the mock is reset to the scenario: seed state, inject faults. */
  setup?: (mock: typeof paygMock) => void
}

/** The instant every story's mock starts at (see main.ts). */
declare const __PAYG_STORY_NOW__: string

// One stateful mock for the whole Storybook; every story resets it to its own scenario, laid out
// relative to the same pinned clock.
const paygMock = createPaygMock({
  scenario: 'healthy',
  latency: [120, 300],
  now: __PAYG_STORY_NOW__,
})

/** A story's locale: its own `payg.locale`, else the toolbar's. */
const localeOf = (context: Parameters<Loader>[0]) =>
  ((context.parameters.payg ?? {}) as PaygParameters).locale ??
  (context.globals.locale as string | undefined) ??
  'en-US'

/** Loads the shipped catalog for the story's locale before it renders. */
const catalogLoader: Loader = async (context) => ({
  paygCatalog: await loadPaygMessages(localeOf(context)),
})

const withPayg: Decorator = (Story, context) => {
  const payg = (context.parameters.payg ?? {}) as PaygParameters
  const catalog = context.loaded.paygCatalog as PaygMessages | undefined
  // The catalog's strings, then the story's own overrides.
  const messages = useMemo(() => ({ ...catalog, ...payg.messages }), [catalog, payg.messages])
  const theme = payg.theme ?? (context.globals.theme as 'light' | 'dark' | undefined) ?? 'light'
  // A fresh cache and client per story, so no story sees another's data.
  const [{ client, queryClient }] = useState(() => ({
    client: createPaygClient({ retry: { retries: 1, baseDelayMs: 200 } }),
    queryClient: new QueryClient({ defaultOptions: { queries: { retry: false } } }),
  }))
  return (
    <PaygProvider
      client={client}
      queryClient={queryClient}
      locale={localeOf(context)}
      messages={messages}
    >
      <div
        data-payg-theme={theme}
        className="payg-root"
        style={{
          padding: '1.5rem',
          background: 'var(--payg-color-bg)',
          minHeight: '100%',
        }}
      >
        <Story />
      </div>
    </PaygProvider>
  )
}

const preview: Preview = {
  loaders: [mswLoader(), catalogLoader],
  decorators: [withPayg],
  beforeEach(context) {
    const payg = (context.parameters.payg ?? {}) as PaygParameters
    paygMock.reset(payg.scenario ?? 'healthy')
    payg.setup?.(paygMock)
  },
  parameters: {
    msw: paygMock.handlers,
    layout: 'fullscreen',
    // An accessibility violation fails the story when stories run as tests.
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
  globalTypes: {
    theme: {
      description: 'Light or dark theme',
      toolbar: { title: 'Theme', icon: 'mirror', items: ['light', 'dark'], dynamicTitle: true },
    },
    locale: {
      description: 'The widgets’ language and formats (a story with its own locale keeps it)',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en-US', title: 'English' },
          { value: 'de-DE', title: 'Deutsch' },
          { value: 'fr-FR', title: 'Français' },
          { value: 'es-ES', title: 'Español' },
          { value: 'pt-BR', title: 'Português (Brasil)' },
          { value: 'ja-JP', title: '日本語' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en-US' },
  tags: ['autodocs'],
}

export default preview
