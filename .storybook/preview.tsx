import { createPaygClient } from '@payg-kit/core'
import type { PaygMock, ScenarioName } from '@payg-kit/msw'
import { type PaygMessages, PaygProvider } from '@payg-kit/react'
import { loadPaygMessages } from '@payg-kit/ui/locales'
import type { Decorator, Loader, Preview } from '@storybook/react-vite'
import { QueryClient } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import '../packages/ui/src/styles.css'
import './preview.css'
import { componentDescription } from './componentDescription.ts'
import { createStoryMock, registerStoryCache } from './storyMock.ts'

/** What a story says about the world it runs in: a mock scenario, a locale, a theme. */
export interface PaygParameters {
  scenario?: ScenarioName
  locale?: string
  theme?: 'light' | 'dark'
  messages?: PaygMessages
  /** Runs on the story's fresh mock before it renders: seed state, inject faults. */
  setup?: (mock: PaygMock) => void
}

/** What the loader hands every story render: its own mock and where it answers. */
interface PaygLoaded {
  paygMock: PaygMock
  paygBaseUrl: string
  paygCatalog: PaygMessages
}

/** A story's locale: its own `payg.locale`, else the toolbar's. */
const localeOf = (context: Parameters<Loader>[0]) =>
  ((context.parameters.payg ?? {}) as PaygParameters).locale ??
  (context.globals.locale as string | undefined) ??
  'en-US'

// Every render gets a fresh mock in its scenario, so the stories shown together on a Docs page
// each keep their own balance, card and faults.
const withStoryMock: Loader = async (context): Promise<PaygLoaded> => {
  const payg = (context.parameters.payg ?? {}) as PaygParameters
  const [{ mock, baseUrl }, catalog] = await Promise.all([
    createStoryMock(payg.scenario ?? 'healthy', payg.setup),
    // The shipped catalog for the story's locale, loaded before it renders.
    loadPaygMessages(localeOf(context)),
  ])
  return { paygMock: mock, paygBaseUrl: baseUrl, paygCatalog: catalog }
}

const withPayg: Decorator = (Story, context) => {
  const payg = (context.parameters.payg ?? {}) as PaygParameters
  const { paygMock, paygBaseUrl, paygCatalog } = context.loaded as PaygLoaded
  // The catalog's strings, then the story's own overrides.
  const messages = useMemo(
    () => ({ ...paygCatalog, ...payg.messages }),
    [paygCatalog, payg.messages],
  )
  const theme = payg.theme ?? (context.globals.theme as 'light' | 'dark' | undefined) ?? 'light'
  // A fresh cache and client per story, talking to that story's mock only.
  const [{ client, queryClient }] = useState(() => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    // A story test waits for this cache to be idle before its screenshots.
    registerStoryCache(paygMock, queryClient)
    return {
      client: createPaygClient({ baseUrl: paygBaseUrl, retry: { retries: 1, baseDelayMs: 200 } }),
      queryClient,
    }
  })
  return (
    <PaygProvider
      client={client}
      queryClient={queryClient}
      locale={localeOf(context)}
      messages={messages}
    >
      <div
        data-payg-theme={theme}
        data-payg-story-theme={payg.theme ? 'fixed' : 'global'}
        className={`payg-root payg-story payg-story--${context.viewMode === 'docs' ? 'docs' : 'canvas'}`}
      >
        <Story />
      </div>
    </PaygProvider>
  )
}

const preview: Preview = {
  loaders: [withStoryMock],
  decorators: [withPayg],
  parameters: {
    layout: 'fullscreen',
    // An accessibility violation fails the story when stories run as tests.
    a11y: { test: 'error' },
    controls: { expanded: true },
    docs: { extractComponentDescription: componentDescription },
    options: {
      storySort: { order: ['Introduction', 'Overview', 'Widgets'] },
    },
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
