import { createPaygClient } from '@payg-kit/core'
import type { PaygMock, ScenarioName } from '@payg-kit/msw'
import { type PaygMessages, PaygProvider } from '@payg-kit/react'
import type { Decorator, Loader, Preview } from '@storybook/react-vite'
import { QueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import '../packages/ui/src/styles.css'
import './preview.css'
import { componentDescription } from './componentDescription.ts'
import { createStoryMock } from './storyMock.ts'

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
}

// Every render gets a fresh mock in its scenario, so the stories shown together on a Docs page
// each keep their own balance, card and faults.
const withStoryMock: Loader = async (context): Promise<PaygLoaded> => {
  const payg = (context.parameters.payg ?? {}) as PaygParameters
  const { mock, baseUrl } = await createStoryMock(payg.scenario ?? 'healthy', payg.setup)
  return { paygMock: mock, paygBaseUrl: baseUrl }
}

const withPayg: Decorator = (Story, context) => {
  const payg = (context.parameters.payg ?? {}) as PaygParameters
  const { paygBaseUrl } = context.loaded as PaygLoaded
  const theme = payg.theme ?? (context.globals.theme as 'light' | 'dark' | undefined) ?? 'light'
  // A fresh cache and client per story, talking to that story's mock only.
  const [{ client, queryClient }] = useState(() => ({
    client: createPaygClient({ baseUrl: paygBaseUrl, retry: { retries: 1, baseDelayMs: 200 } }),
    queryClient: new QueryClient({ defaultOptions: { queries: { retry: false } } }),
  }))
  return (
    <PaygProvider
      client={client}
      queryClient={queryClient}
      locale={payg.locale ?? 'en-US'}
      messages={payg.messages}
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
  },
  initialGlobals: { theme: 'light' },
  tags: ['autodocs'],
}

export default preview
