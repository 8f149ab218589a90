import { NetworkError } from '@payg-kit/core'
import { onlineManager } from '@tanstack/react-query'

/** A payment was not sent because the device is offline: nothing was charged. */
export class OfflineError extends NetworkError {
  override name = 'OfflineError'

  constructor() {
    super()
    this.message = '[payg-kit] You are offline, so nothing was sent: reconnect, then try again.'
  }
}

/** Whether the device is offline, as TanStack Query's `onlineManager` or the browser says. */
export function isOffline(): boolean {
  return (
    !onlineManager.isOnline() ||
    (typeof navigator !== 'undefined' && 'onLine' in navigator && navigator.onLine === false)
  )
}

/** Throws an `OfflineError` when offline: a payment is refused at once, never queued for later. */
export function assertOnline(): void {
  if (isOffline()) throw new OfflineError()
}
