import { formatMoney } from '@payg-kit/core'
import { useAccount, usePaygMessages } from '@payg-kit/react'
import type { ReactNode } from 'react'

/** The header's balance in live mode: `apiPaidTokens` from Leonardo's `GET /me`. */
export function LiveBalance(): ReactNode {
  const account = useAccount()
  const { locale } = usePaygMessages()
  const state = account.data ? 'ok' : account.isError ? 'error' : 'loading'
  return (
    <div
      className="payg-root payg-balance-badge"
      data-state={state}
      aria-busy={state === 'loading' || undefined}
    >
      <span className="payg-balance-badge__label">Balance</span>
      {account.data && (
        <span className="payg-balance-badge__amount">
          {formatMoney(account.data.paidBalance, { locale })}
        </span>
      )}
      {state === 'loading' && (
        <span className="payg-skeleton" role="img" aria-label="Loading balance…" />
      )}
      {state === 'error' && (
        <>
          <span className="payg-balance-badge__status">Balance unavailable</span>
          <button
            type="button"
            className="payg-button"
            data-variant="link"
            onClick={() => account.refetch()}
          >
            Retry
          </button>
        </>
      )}
    </div>
  )
}
