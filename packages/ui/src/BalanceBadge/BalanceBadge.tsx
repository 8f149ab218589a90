'use client'
import { compare, type Money, usd } from '@payg-kit/core'
import { useBalance, usePaygStatus } from '@payg-kit/react'
import { type ReactNode, useEffect, useRef, useState } from 'react'
import { Amount } from '../primitives/Amount'
import { propError } from '../propError'
import { useFormat } from '../useFormat'
import { useMessages } from '../useMessages'

/** BalanceBadge's strings, overridable through `PaygProvider`'s `messages`. */
export const balanceBadgeMessages = {
  'balanceBadge.label': 'Balance',
  'balanceBadge.creditsLabel': 'Plan credits',
  'balanceBadge.loading': 'Loading balance…',
  'balanceBadge.low': 'Low',
  'balanceBadge.paused': 'Requests paused',
  'balanceBadge.error': 'Balance unavailable',
  'balanceBadge.retry': 'Retry',
  'balanceBadge.topUp': 'Top up',
  'balanceBadge.announce': 'Balance is now {amount}',
} as const

/** The states BalanceBadge shows, also its `data-state`. */
export type BalanceBadgeState = 'loading' | 'error' | 'ok' | 'low' | 'paused'

/** Props of BalanceBadge. */
export interface BalanceBadgeProps {
  /** Show the low state below this many dollars, whatever the account's own threshold. */
  lowThreshold?: number
  /** Shows a "Top up" button when low or paused. */
  onTopUpClick?: () => void
  /** Poll the balance every this many ms (off by default). */
  refetchInterval?: number
  className?: string
}

/**
 * The account's balance: dollars on PAYG, credits on a legacy plan; low, paused at zero, or
 * failed with a retry. Changes are announced politely to screen readers.
 * @example <BalanceBadge onTopUpClick={() => setTopUpOpen(true)} />
 */
export function BalanceBadge({
  lowThreshold,
  onTopUpClick,
  refetchInterval,
  className,
}: BalanceBadgeProps): ReactNode {
  if (lowThreshold !== undefined && !(Number.isFinite(lowThreshold) && lowThreshold >= 0)) {
    throw propError('BalanceBadge', `lowThreshold must be dollars, 0 or more, got ${lowThreshold}.`)
  }
  const { t } = useMessages(balanceBadgeMessages)
  const format = useFormat()
  const balance = useBalance(refetchInterval ? { refetchInterval } : undefined)
  const status = usePaygStatus()
  const info = balance.data

  const shown: Money | undefined =
    info && (info.billingModel === 'SUBSCRIPTION' && info.credits ? info.credits : info.balance)
  const amountText = shown ? format.money(shown) : ''

  let state: BalanceBadgeState = 'loading'
  if (info) {
    const belowProp =
      lowThreshold !== undefined &&
      info.billingModel === 'PAYG' &&
      compare(info.balance, usd(lowThreshold)) < 0
    state = status.isPaused ? 'paused' : status.isLow || belowProp ? 'low' : 'ok'
  } else if (balance.isError) {
    state = 'error'
  }

  // Announce changes after the first figure, not the first figure itself.
  const [announcement, setAnnouncement] = useState('')
  const previous = useRef<string | null>(null)
  useEffect(() => {
    if (!amountText) return
    if (previous.current !== null && previous.current !== amountText) {
      setAnnouncement(t('balanceBadge.announce', { amount: amountText }))
    }
    previous.current = amountText
  }, [amountText, t])

  const label =
    info?.billingModel === 'SUBSCRIPTION' && info.credits
      ? t('balanceBadge.creditsLabel')
      : t('balanceBadge.label')

  return (
    <div
      className={['payg-root', 'payg-balance-badge', className].filter(Boolean).join(' ')}
      data-state={state}
      aria-busy={state === 'loading' || undefined}
    >
      <span className="payg-balance-badge__label">{label}</span>
      {state === 'loading' && (
        <span className="payg-skeleton" role="img" aria-label={t('balanceBadge.loading')} />
      )}
      {state === 'error' && (
        <>
          <span className="payg-balance-badge__status">{t('balanceBadge.error')}</span>
          <button
            type="button"
            className="payg-button"
            data-variant="link"
            onClick={() => balance.refetch()}
          >
            {t('balanceBadge.retry')}
          </button>
        </>
      )}
      {shown && (
        <span className="payg-balance-badge__amount">
          <Amount value={shown} />
        </span>
      )}
      {(state === 'low' || state === 'paused') && (
        <span className="payg-balance-badge__status">
          {state === 'low' ? t('balanceBadge.low') : t('balanceBadge.paused')}
        </span>
      )}
      {onTopUpClick && (state === 'low' || state === 'paused') && (
        <button type="button" className="payg-button" data-variant="link" onClick={onTopUpClick}>
          {t('balanceBadge.topUp')}
        </button>
      )}
      <span className="payg-visually-hidden" role="status" aria-live="polite">
        {announcement}
      </span>
    </div>
  )
}
