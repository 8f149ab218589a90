'use client'
import { createPaygClient, type PaygClient, type PaygClientOptions } from '@payg-kit/core'
import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query'
import { type ReactNode, useContext, useEffect, useMemo, useRef } from 'react'
import { type BillingMode, LEONARDO_API_ACCESS_URL } from './billingExtensionQueryOptions'
import { PaygContext, type PaygContextValue } from './PaygContext'
import { rememberCostUnits } from './rememberCostUnits'
import type { PaygMessages } from './types'

interface CommonProps {
  children?: ReactNode
  /**
   * The QueryClient to cache in. Without one, the app's own `QueryClientProvider` is used when
   * there is one, and otherwise the provider creates a QueryClient once.
   */
  queryClient?: QueryClient
  /** A BCP 47 locale for formatting (`'en-US'`, `'de-DE'`); the browser's when omitted. */
  locale?: string
  /** Overrides for the strings shown by `@payg-kit/ui`, by key. */
  messages?: PaygMessages
  /**
   * Whether the API has the billing extension (`/billing/*`). `'auto'` (the default) finds out
   * once, from the first balance request; `'none'` for Leonardo's public API, which has none.
   */
  billing?: BillingMode
  /** Where the account's billing is managed without the extension. Default: Leonardo's API Access tab. */
  apiAccessUrl?: string
}

interface WithClient extends CommonProps {
  /** A client from `createPaygClient`. */
  client: PaygClient
  options?: never
}

interface WithOptions extends CommonProps {
  /** Options for `createPaygClient`; the client is created once, on the first render. */
  options: PaygClientOptions
  client?: never
}

/** Props of `PaygProvider`: a client, or the options to create one. */
export type PaygProviderProps = WithClient | WithOptions

const EMPTY_MESSAGES: PaygMessages = {}

function isClient(value: unknown): value is PaygClient {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as PaygClient).getBalance === 'function'
  )
}

function resolveClient(client: unknown, options: unknown): PaygClient {
  if (client !== undefined) {
    if (!isClient(client)) {
      throw new TypeError(
        '[payg-kit] <PaygProvider client={...}> expects a client made by createPaygClient() from @payg-kit/core.',
      )
    }
    return client
  }
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      '[payg-kit] <PaygProvider> needs a `client` (from createPaygClient()) or `options` to create one, e.g. <PaygProvider options={{ baseUrl: "/api/payg" }}>.',
    )
  }
  return createPaygClient(options as PaygClientOptions)
}

/**
 * Gives the kit's hooks a client and a React Query cache.
 *
 * @example
 * const client = createPaygClient({ baseUrl: '/api/payg' })
 *
 * export function App() {
 *   return (
 *     <PaygProvider client={client} locale="en-US">
 *       <BillingPage />
 *     </PaygProvider>
 *   )
 * }
 */
export function PaygProvider(props: PaygProviderProps) {
  const {
    children,
    queryClient: givenQueryClient,
    locale,
    messages = EMPTY_MESSAGES,
    billing = 'auto',
    apiAccessUrl = LEONARDO_API_ACCESS_URL,
  } = props
  const appQueryClient = useContext(QueryClientContext)
  // Created lazily and once (the ref pattern React documents for expensive objects).
  const own = useRef<{ client?: PaygClient; queryClient?: QueryClient }>({})
  let client: PaygClient
  if (props.client !== undefined) {
    client = resolveClient(props.client, undefined)
  } else {
    own.current.client ??= resolveClient(undefined, props.options)
    client = own.current.client
  }
  let queryClient = givenQueryClient ?? appQueryClient
  if (queryClient === undefined) {
    own.current.queryClient ??= new QueryClient()
    queryClient = own.current.queryClient
  }

  // A job's `cost.unit` is the API naming the account's unit: keep the last one for estimates.
  useEffect(() => rememberCostUnits(queryClient, client), [queryClient, client])

  const value = useMemo<PaygContextValue>(
    () => ({ client, queryClient, locale, messages, billing, apiAccessUrl }),
    [client, queryClient, locale, messages, billing, apiAccessUrl],
  )
  const content = <PaygContext.Provider value={value}>{children}</PaygContext.Provider>
  // Reuse the app's QueryClientProvider when it already provides this client.
  if (queryClient === appQueryClient) return content
  return <QueryClientProvider client={queryClient}>{content}</QueryClientProvider>
}
