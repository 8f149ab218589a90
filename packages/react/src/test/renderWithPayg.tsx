import { createPaygClient, type PaygClient } from '@payg-kit/core'
import { QueryClient } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import type { ReactElement } from 'react'
import { PaygProvider } from '../PaygProvider'

/**
 * Renders `ui` inside a `PaygProvider` with a fresh QueryClient and a client that talks to the
 * mock's default base URL without client-side retries (each request the mock logs is one call).
 */
export function renderWithPayg(
  ui: ReactElement,
  {
    client = createPaygClient({ retry: false }),
    queryClient = new QueryClient(),
  }: { client?: PaygClient; queryClient?: QueryClient } = {},
) {
  const wrap = (node: ReactElement) => (
    <PaygProvider client={client} queryClient={queryClient}>
      {node}
    </PaygProvider>
  )
  const result = render(wrap(ui))
  return {
    ...result,
    client,
    queryClient,
    rerender: (next: ReactElement) => result.rerender(wrap(next)),
  }
}
