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
import { fill, overviewText } from './overviewMessages'

/** A dollar amount in whole cents, rounded down: a balance is never shown higher than it is. */
function cents(money: Usd, locale: string | undefined): string {
  const amount = money.amount.replace(/^(-?\d+\.\d{2})\d+$/, '$1')
  return formatMoney({ ...money, amount }, { locale, minimumFractionDigits: 2 })
}

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
  // The page's own strings follow the widgets' locale.
  const { locale } = usePaygMessages()
  const text = overviewText(locale)
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
        {text.title}
      </h2>
      <dl className="playground__stats">
        <Stat
          label={onPlan ? text.planCredits : text.balance}
          note={
            info && !onPlan && info.lowBalanceThreshold
              ? fill(text.lowBelow, { amount: cents(info.lowBalanceThreshold, locale) })
              : onPlan
                ? text.legacyPlan
                : null
          }
        >
          {info
            ? onPlan && info.credits
              ? new Intl.NumberFormat(locale).format(Number(info.credits.amount))
              : cents(info.balance, locale)
            : balance.isError
              ? text.unavailable
              : loading}
        </Stat>
        <Stat
          label={text.account}
          note={
            state === 'PAUSED' ? text.addCreditToResume : state === 'LOW' ? text.topUpSoon : null
          }
        >
          {state ? (
            <span className="playground__state" data-state={state}>
              {text[`state${state}`]}
            </span>
          ) : (
            loading
          )}
        </Stat>
        <Stat
          label={text.autoTopUp}
          note={
            autoTopUp.data?.enabled && autoTopUp.data.amount && autoTopUp.data.threshold
              ? fill(text.adds, {
                  amount: cents(autoTopUp.data.amount, locale),
                  threshold: cents(autoTopUp.data.threshold, locale),
                })
              : autoTopUp.data?.disabledReason === 'PAYMENT_DECLINED'
                ? text.offAfterDeclines
                : autoTopUp.data
                  ? text.offHint
                  : null
          }
        >
          {autoTopUp.data
            ? autoTopUp.data.enabled
              ? text.on
              : text.off
            : autoTopUp.isError
              ? text.unavailable
              : loading}
        </Stat>
        <Stat
          label={text.paymentMethod}
          note={
            card.data
              ? fill(text.expires, {
                  date: `${String(card.data.expMonth).padStart(2, '0')}/${String(card.data.expYear).slice(-2)}`,
                })
              : card.data === null
                ? text.addCard
                : null
          }
        >
          {card.data
            ? `${card.data.brand.charAt(0).toUpperCase()}${card.data.brand.slice(1)} •••• ${card.data.last4}`
            : card.data === null
              ? text.noCard
              : card.isError
                ? text.unavailable
                : loading}
        </Stat>
      </dl>
    </section>
  )
}
