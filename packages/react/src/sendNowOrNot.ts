import { assertOnline } from './OfflineError'

/**
 * Internal: the mutation options of a billing write (a payment, a charge, a settings change):
 * sent now or not at all. Offline it fails at once with an `OfflineError`; TanStack Query's
 * default network mode would instead queue it and send it silently on reconnect.
 */
export function sendNowOrNot<TVariables, TResult>(
  send: (variables: TVariables) => Promise<TResult>,
): { networkMode: 'always'; mutationFn: (variables: TVariables) => Promise<TResult> } {
  return {
    networkMode: 'always',
    mutationFn: async (variables) => {
      assertOnline()
      return send(variables)
    },
  }
}
