import type { Usd } from '@payg-kit/core'
import { formatMoney } from '@payg-kit/core'
import {
  useAutoTopUp,
  useBalance,
  usePaygMessages,
  usePaygStatus,
  usePaymentMethod,
} from '@payg-kit/react'
import type { ReactNode } from 'react'

/** A dollar amount in whole cents, rounded down: a balance is never shown higher than it is. */
function cents(money: Usd, locale: string | undefined): string {
  const amount = money.amount.replace(/^(-?\d+\.\d{2})\d+$/, '$1')
  return formatMoney({ ...money, amount }, { locale, minimumFractionDigits: 2 })
}

const STATE_TEXT = { OK: 'Active', LOW: 'Low balance', PAUSED: 'Requests paused' } as const

/** One figure of the overview: a label, a value, a line under it. */
function Stat({ label, children, note }: { label: string; children: ReactNode; note?: ReactNode }) {
  return (
    <div className="playground__stat">
      <dt className="playground__stat-label">{label}</dt>
      <dd className="playground__stat-value">{children}</dd>
      {note ? <dd className="playground__stat-note">{note}</dd> : null}
    </div>
  )
}

/** The page's first answer: the balance, whether auto top-up is on, the card, the account's state. */
export function AccountOverview(): ReactNode {
  const { locale } = usePaygMessages()
  const balance = useBalance()
  const status = usePaygStatus()
  const autoTopUp = useAutoTopUp()
  const card = usePaymentMethod()
  const info = balance.data
  const loading = <span className="playground__stat-loading">…</span>

  const onPlan = info?.billingModel === 'SUBSCRIPTION'
  const state = status.state
  return (
    <section className="payg-card playground__overview" aria-labelledby="overview-title">
      <h2 className="payg-heading" id="overview-title">
        Overview
      </h2>
      <dl className="playground__stats">
        <Stat
          label={onPlan ? 'Plan credits' : 'Balance'}
          note={
            info && !onPlan && info.lowBalanceThreshold
              ? `Low below ${cents(info.lowBalanceThreshold, locale)}`
              : onPlan
                ? 'Legacy monthly plan'
                : null
          }
        >
          {info
            ? onPlan && info.credits
              ? new Intl.NumberFormat(locale).format(Number(info.credits.amount))
              : cents(info.balance, locale)
            : balance.isError
              ? 'Unavailable'
              : loading}
        </Stat>
        <Stat
          label="Account"
          note={
            state === 'PAUSED' ? 'Add credit to resume' : state === 'LOW' ? 'Top up soon' : null
          }
        >
          {state ? (
            <span className="playground__state" data-state={state}>
              {STATE_TEXT[state]}
            </span>
          ) : (
            loading
          )}
        </Stat>
        <Stat
          label="Auto top-up"
          note={
            autoTopUp.data?.enabled && autoTopUp.data.amount && autoTopUp.data.threshold
              ? `Adds ${cents(autoTopUp.data.amount, locale)} below ${cents(autoTopUp.data.threshold, locale)}`
              : autoTopUp.data?.disabledReason === 'PAYMENT_DECLINED'
                ? 'Turned off after the card declined'
                : autoTopUp.data
                  ? 'Top up by hand, or turn it on below'
                  : null
          }
        >
          {autoTopUp.data
            ? autoTopUp.data.enabled
              ? 'On'
              : 'Off'
            : autoTopUp.isError
              ? 'Unavailable'
              : loading}
        </Stat>
        <Stat
          label="Payment method"
          note={
            card.data
              ? `Expires ${String(card.data.expMonth).padStart(2, '0')}/${String(card.data.expYear).slice(-2)}`
              : card.data === null
                ? 'Add a card to top up'
                : null
          }
        >
          {card.data
            ? `${card.data.brand.charAt(0).toUpperCase()}${card.data.brand.slice(1)} •••• ${card.data.last4}`
            : card.data === null
              ? 'No card on file'
              : card.isError
                ? 'Unavailable'
                : loading}
        </Stat>
      </dl>
    </section>
  )
}
