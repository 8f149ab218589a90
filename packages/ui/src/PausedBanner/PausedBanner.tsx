'use client'
import { compare, subtract } from '@payg-kit/core'
import { usePaygStatus } from '@payg-kit/react'
import { type ReactNode, useEffect, useRef, useState } from 'react'
import { Alert } from '../primitives/Alert'
import { TopUpForm, type TopUpFormProps } from '../TopUpForm/TopUpForm'
import { useFormat } from '../useFormat'
import { useMessages } from '../useMessages'

/** PausedBanner's strings, overridable through `PaygProvider`'s `messages`. */
export const pausedBannerMessages = {
  'pausedBanner.title': 'Requests are paused',
  'pausedBanner.body':
    'Your balance has run out, so new requests are refused (and not charged) until you add credit.',
  'pausedBanner.shortfall':
    'The last request needed {required} and the balance was {balance}: {shortfall} short.',
  'pausedBanner.topUp': 'Top up',
  'pausedBanner.resumed': 'Credit added: requests run again. Your balance is {balance}.',
} as const

/** Props of PausedBanner. */
export interface PausedBannerProps {
  /** Shows a "Top up" button that calls this. */
  onTopUpClick?: () => void
  /** Shows a TopUpForm under the message, so credit can be added in place. */
  showTopUpForm?: boolean
  /** The shown form's 3-D Secure step and card flow, as TopUpForm takes them. */
  topUpFormProps?: Pick<
    TopUpFormProps,
    'onAuthenticatePayment' | 'onManagePaymentMethod' | 'managePaymentMethodHref'
  >
  className?: string
}

/**
 * An alert while requests are paused for lack of balance (a zero balance, or a refusal from any
 * request), with the shortfall when known and a way to top up. Renders nothing otherwise, so it
 * disappears as soon as credit is added; after a top-up in its own form, a short confirmation
 * takes its place and the focus, so a keyboard user is not dropped at the top of the page.
 * @example <PausedBanner onTopUpClick={() => navigate('/billing')} />
 */
export function PausedBanner({
  onTopUpClick,
  showTopUpForm,
  topUpFormProps,
  className,
}: PausedBannerProps): ReactNode {
  const { t } = useMessages(pausedBannerMessages)
  const format = useFormat()
  const { isPaused, pause } = usePaygStatus()
  const [resumed, setResumed] = useState<string | null>(null)
  const resumedRef = useRef<HTMLParagraphElement>(null)
  const showResumed = !isPaused && resumed !== null
  useEffect(() => {
    if (showResumed) resumedRef.current?.focus()
  }, [showResumed])
  useEffect(() => {
    if (isPaused) setResumed(null)
  }, [isPaused])

  if (showResumed) {
    return (
      <div
        className={['payg-root', 'payg-paused-banner', className].filter(Boolean).join(' ')}
        data-state="resumed"
      >
        <Alert tone="success">
          <p role="status" tabIndex={-1} ref={resumedRef}>
            {resumed}
          </p>
        </Alert>
      </div>
    )
  }
  if (!isPaused) return null

  // Only a refusal that stated both figures, in the same unit, gives a shortfall.
  const required = pause?.required
  const balance = pause?.balance
  const shortfall =
    required && balance && required.unit === balance.unit && compare(required, balance) > 0
      ? subtract(required, balance)
      : null

  return (
    <div
      className={['payg-root', 'payg-paused-banner', className].filter(Boolean).join(' ')}
      data-state="paused"
    >
      <Alert
        tone="danger"
        role="alert"
        actions={
          onTopUpClick && (
            <button type="button" className="payg-button" onClick={onTopUpClick}>
              {t('pausedBanner.topUp')}
            </button>
          )
        }
      >
        <p className="payg-paused-banner__title">{t('pausedBanner.title')}</p>
        <p>{t('pausedBanner.body')}</p>
        {shortfall && required && balance && (
          <p>
            {t('pausedBanner.shortfall', {
              required: format.price(required),
              balance: format.money(balance),
              shortfall: format.price(shortfall),
            })}
          </p>
        )}
      </Alert>
      {showTopUpForm && (
        <TopUpForm
          {...topUpFormProps}
          onSuccess={(result) =>
            setResumed(t('pausedBanner.resumed', { balance: format.money(result.balance.balance) }))
          }
        />
      )}
    </div>
  )
}
