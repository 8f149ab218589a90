'use client'
import {
  AuthError,
  ConfigError,
  createIdempotencyKey,
  InsufficientBalanceError,
  type PaygClient,
  PaymentDeclinedError,
  RateLimitError,
  type TopUpResult,
  ValidationError,
} from '@payg-kit/core'
import {
  type MutateOptions,
  onlineManager,
  type QueryClient,
  type UseMutationResult,
  useMutation,
} from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react'
import { getClientScope } from './getClientScope'
import { isRetryableError } from './isRetryableError'
import { assertOnline, isOffline, OfflineError } from './OfflineError'
import { paygKeys } from './paygKeys'
import { usePaygContext } from './usePaygContext'
import { writeBalance } from './writeBalance'

/** What `useTopUp().mutate` takes: whole dollars, and optionally your own idempotency key. */
export interface TopUpVariables {
  amount: number
  /** Normally left out: the hook keeps one key per intent and reuses it on every retry. */
  idempotencyKey?: string
}

/**
 * What is known of a top-up whose answer was lost: `checking` while it is looked up by its
 * idempotency key, `unknown` when that failed too (it may have been charged), else null.
 */
export type TopUpOutcome = 'checking' | 'unknown' | null

/** `useTopUp`'s result: a React Query mutation whose `mutate` cannot submit the same top-up twice. */
export type UseTopUpResult = Omit<
  UseMutationResult<TopUpResult, Error, TopUpVariables>,
  'mutate' | 'mutateAsync'
> & {
  /** Starts a top-up; while one of this provider is pending, further calls do nothing. */
  mutate: (
    variables: TopUpVariables,
    options?: MutateOptions<TopUpResult, Error, TopUpVariables>,
  ) => void
  /** Starts a top-up; while one is pending, further calls return the pending promise. */
  mutateAsync: (
    variables: TopUpVariables,
    options?: MutateOptions<TopUpResult, Error, TopUpVariables>,
  ) => Promise<TopUpResult>
  /** The key of the current intent: kept after a retryable failure, cleared after success. */
  idempotencyKey: string | null
  /** Whether a lost answer is being looked up (`checking`) or could not be (`unknown`). */
  outcome: TopUpOutcome
  /** Asks again what became of a top-up whose outcome is `unknown`; sends no new payment. */
  lookUp: () => Promise<TopUpResult>
}

/** One intent: the amount and the key it is sent with, until it succeeds or fails for good. */
interface Intent {
  amount: number
  key: string
  /** Set when its answer was lost and no lookup has told what became of it yet. */
  lost: Error | null
}

/**
 * The top-up of one provider (QueryClient and client) that is pending or whose outcome is not
 * known: kept outside any component, so a remounted form, or a second one, still knows of it.
 */
interface TopUpStore {
  intent: Intent | null
  pending: Promise<TopUpResult> | null
  outcome: TopUpOutcome
  listeners: Set<() => void>
}
const stores = new WeakMap<QueryClient, Map<string, TopUpStore>>()

function storeOf(queryClient: QueryClient, client: PaygClient): TopUpStore {
  let byScope = stores.get(queryClient)
  if (byScope === undefined) {
    byScope = new Map()
    stores.set(queryClient, byScope)
  }
  const scope = getClientScope(client)
  let store = byScope.get(scope)
  if (store === undefined) {
    store = { intent: null, pending: null, outcome: null, listeners: new Set() }
    byScope.set(scope, store)
  }
  return store
}

function setOutcome(store: TopUpStore, outcome: TopUpOutcome): void {
  if (store.outcome === outcome) return
  store.outcome = outcome
  for (const listener of store.listeners) listener()
}

/**
 * Whether a failed top-up may have been charged. Only an answer that says the payment was not
 * taken proves nothing was charged; anything else (a lost answer, a 5xx, a success body the
 * client could not read, a 409 for a key already used, an error it did not classify) may have.
 */
function mayHaveCharged(error: unknown): boolean {
  return !(
    error instanceof OfflineError ||
    error instanceof RateLimitError ||
    error instanceof ValidationError ||
    error instanceof AuthError ||
    error instanceof PaymentDeclinedError ||
    error instanceof InsufficientBalanceError ||
    error instanceof ConfigError
  )
}

/**
 * Whether a failed top-up leaves its intent (and key) to be used again: also one the card's
 * issuer asks to authenticate (3-D Secure), which the same key credits once authenticated.
 */
function keepsIntent(error: unknown): boolean {
  return (
    isRetryableError(error) ||
    mayHaveCharged(error) ||
    (error instanceof PaymentDeclinedError && error.clientSecret !== null)
  )
}

/**
 * Adds credit (whole dollars). A second submit while one is pending is not sent, and a retry
 * after a network error or 5xx reuses the same idempotency key, so a top-up charges once. When
 * the answer is lost, the top-up is looked up by its key (`outcome` is `checking`) and the
 * mutation settles with what really happened; until that is known no other amount is sent (an
 * outcome left unknown while offline is looked up on reconnect). That intent is kept per provider,
 * so a remounted or second form still looks it up before any new charge.
 * A card whose issuer asks to authenticate (3-D Secure) fails with a `PaymentDeclinedError`
 * carrying `clientSecret`, and its key is kept: once the cardholder has confirmed the payment,
 * the same amount sent again credits it once.
 * Offline, nothing is sent or queued: it fails at once with an `OfflineError`. On success the
 * new balance goes into the cache (a replayed answer refetches it, and settles once it is in) and the ledger is
 * refreshed.
 *
 * @example
 * function AddTwenty() {
 *   const topUp = useTopUp()
 *   return (
 *     <button type="button" disabled={topUp.isPending} onClick={() => topUp.mutate({ amount: 20 })}>
 *       Add $20
 *     </button>
 *   )
 * }
 */
export function useTopUp(): UseTopUpResult {
  const { client, queryClient } = usePaygContext('useTopUp')
  const store = storeOf(queryClient, client)
  // Set for one run of the mutation by `lookUp`: look the lost top-up up, send nothing.
  const lookUpOnly = useRef(false)
  const subscribe = useCallback(
    (listener: () => void) => {
      store.listeners.add(listener)
      return () => {
        store.listeners.delete(listener)
      }
    },
    [store],
  )
  const readOutcome = () => store.outcome
  const outcome = useSyncExternalStore(subscribe, readOutcome, readOutcome)

  /**
   * What became of the intent's top-up: its result, or null when the server has none under its
   * key. That 404 is final (the API cancels the key, so a request still on its way is refused):
   * nothing was or will be charged under it, and the intent ends; the next one takes a new key.
   */
  const find = async (current: Intent): Promise<TopUpResult | null> => {
    let found: Awaited<ReturnType<typeof client.getTopUp>>
    try {
      // Offline, the lookup cannot answer: it runs once the device is back online.
      if (isOffline()) throw new OfflineError()
      setOutcome(store, 'checking')
      found = await client.getTopUp(current.key)
    } catch {
      setOutcome(store, 'unknown')
      throw current.lost ?? new Error('[payg-kit] The top-up could not be looked up.')
    }
    setOutcome(store, null)
    if (found === null) {
      current.lost = null
      if (store.intent === current) store.intent = null
      return null
    }
    current.lost = null
    if (found.topUp.status === 'DECLINED') {
      throw new PaymentDeclinedError({
        message: 'Your card was declined.',
        details: { topUpId: found.topUp.id },
      })
    }
    // The lookup's balance is the balance now, so it is safe to write.
    return { ...found, idempotencyKey: current.key, replayed: false }
  }

  const mutation = useMutation(
    {
      mutationKey: ['payg', 'topUp', { client: getClientScope(client) }],
      // A payment is sent now or not at all: offline it fails at once instead of being queued.
      networkMode: 'always',
      mutationFn: async (variables: TopUpVariables): Promise<TopUpResult> => {
        let send = variables
        const only = lookUpOnly.current
        lookUpOnly.current = false
        const current = store.intent
        if (current?.lost) {
          // The last answer was lost: first learn what became of that top-up (offline, it stays
          // unknown: saying nothing was sent would not be true of the lost one).
          const lost = current.lost
          const found = await find(current)
          if (found) return found
          if (only) throw lost
          // Nothing was charged under that key, and nothing can be now: a new intent, a new key.
          const key = createIdempotencyKey()
          store.intent = { amount: send.amount, key, lost: null }
          send = { amount: send.amount, idempotencyKey: key }
        }
        assertOnline()
        try {
          return await client.topUp(send)
        } catch (error) {
          const sent = store.intent
          if (!mayHaveCharged(error) || !sent || sent.key !== send.idempotencyKey) throw error
          sent.lost = error instanceof Error ? error : new Error(String(error))
          const found = await find(sent)
          if (found) return found
          if (sent.lost) setOutcome(store, 'unknown')
          throw error
        }
      },
      onSuccess: (result) => {
        // A replay carries the balance of back then: refetch it rather than write it, and settle
        // once the fresh balance is in, so that what is shown with the result is today's.
        if (!result.replayed) writeBalance(queryClient, client, result.balance)
        return Promise.all([
          result.replayed &&
            queryClient.invalidateQueries({ queryKey: paygKeys.balance(client), exact: true }),
          queryClient.invalidateQueries({ queryKey: paygKeys.transactions(client) }),
          queryClient.invalidateQueries({ queryKey: paygKeys.account(client) }),
        ])
      },
    },
    queryClient,
  )
  const start = mutation.mutateAsync

  const run = useCallback(
    (variables: TopUpVariables, options?: MutateOptions<TopUpResult, Error, TopUpVariables>) => {
      // One top-up at a time per provider, whichever form or hook sent it.
      if (store.pending) return store.pending
      const current = store.intent
      let sent = variables
      if (current?.lost) {
        // Until the lost one is known, the intent stays the same: its key goes along.
        sent = { amount: variables.amount, idempotencyKey: current.key }
      } else {
        const key =
          variables.idempotencyKey ??
          (current !== null && current.amount === variables.amount
            ? current.key
            : createIdempotencyKey())
        store.intent = { amount: variables.amount, key, lost: null }
        sent = { amount: variables.amount, idempotencyKey: key }
      }
      const promise = start(sent, options)
      store.pending = promise
      promise.then(
        () => {
          store.intent = null
        },
        (error: unknown) => {
          if (!keepsIntent(error) && !store.intent?.lost) store.intent = null
        },
      )
      // Cleared only once the top-up has settled (after its onSuccess/onError callbacks ran).
      promise
        .finally(() => {
          if (store.pending === promise) store.pending = null
        })
        .catch(() => {})
      return promise
    },
    [start, store],
  )
  const mutateAsync = useCallback(
    (variables: TopUpVariables, options?: MutateOptions<TopUpResult, Error, TopUpVariables>) =>
      run(variables, options),
    [run],
  )
  const mutate = useCallback(
    (variables: TopUpVariables, options?: MutateOptions<TopUpResult, Error, TopUpVariables>) => {
      run(variables, options).catch(() => {})
    },
    [run],
  )
  const lookUp = useCallback(() => {
    const current = store.intent
    if (store.pending || !current?.lost) {
      return store.pending ?? Promise.reject(new Error('[payg-kit] No top-up to look up.'))
    }
    lookUpOnly.current = true
    return run({ amount: current.amount })
  }, [run, store])

  // An outcome left unknown for want of a network is looked up as soon as it is back.
  useEffect(
    () =>
      onlineManager.subscribe((online) => {
        if (online && store.intent?.lost && !store.pending) lookUp().catch(() => {})
      }),
    [lookUp, store],
  )

  const finished =
    mutation.status === 'success' ||
    (mutation.status === 'error' && !keepsIntent(mutation.error) && outcome !== 'unknown')
  // A form mounted after the answer was lost knows its key from the provider's store.
  const idempotencyKey = finished
    ? null
    : (mutation.variables?.idempotencyKey ??
      (outcome === 'unknown' ? (store.intent?.key ?? null) : null))
  // The store says `unknown` a moment before this hook's mutation settles, and still says it as a
  // new submit starts: while the mutation is pending the lookup is under way, so `outcome` reads
  // `checking` and never disagrees with `isPending` in one render.
  const shown: TopUpOutcome = outcome === 'unknown' && mutation.isPending ? 'checking' : outcome
  return { ...mutation, mutate, mutateAsync, idempotencyKey, outcome: shown, lookUp }
}
