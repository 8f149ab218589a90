'use client'
import {
  add,
  compare,
  formatMoney,
  PaymentDeclinedError,
  type TopUpResult,
  type Usd,
  usd,
  ValidationError,
} from '@payg-kit/core'
import { DEFAULT_TOP_UP_LIMITS } from '@payg-kit/core/rules'
import { OfflineError, useAutoTopUp, useBalance, usePaymentMethod, useTopUp } from '@payg-kit/react'
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react'
import { type MoneyInputResult, parseMoneyInput } from '../parseMoneyInput'
import { Alert } from '../primitives/Alert'
import { Amount } from '../primitives/Amount'
import { MoneyInput } from '../primitives/MoneyInput'
import {
  PaymentMethodAction,
  type PaymentMethodActionProps,
} from '../primitives/PaymentMethodAction'
import { checkDollars, propError } from '../propError'
import { useFormat } from '../useFormat'
import { useMessages } from '../useMessages'
import { useMoneyInputMessage } from '../useMoneyInputMessage'

/** TopUpForm's strings, overridable through `PaygProvider`'s `messages`. */
export const topUpFormMessages = {
  'topUpForm.title': 'Add credit',
  'topUpForm.presets': 'Choose an amount',
  'topUpForm.amount': 'Amount (USD)',
  'topUpForm.hint': 'Whole dollars, from {min} to {max}.',
  'topUpForm.errorEmpty': 'Enter an amount.',
  'topUpForm.errorMin': 'The minimum top-up is {min}.',
  'topUpForm.errorMax': 'The maximum top-up is {max}.',
  'topUpForm.errorServer': 'The server did not accept this amount.',
  'topUpForm.card': 'Pays with {brand} ending in {last4}, expires {expiry}',
  'topUpForm.cardLoading': 'Loading payment method…',
  'topUpForm.cardError': 'The saved card could not be loaded.',
  'topUpForm.noCard': 'No card on file: add a payment method before topping up.',
  'topUpForm.balanceNow': 'Current balance',
  'topUpForm.balanceAfter': 'Balance after top-up',
  'topUpForm.submit': 'Add {amount}',
  'topUpForm.submitNoAmount': 'Add credit',
  'topUpForm.pending': 'Adding {amount}…',
  'topUpForm.success': 'Added {amount}. New balance {balance}.',
  'topUpForm.successNoBalance': 'Added {amount}.',
  'topUpForm.reference': 'Reference: {id}',
  'topUpForm.again': 'Top up again',
  'topUpForm.changeCard': 'Change',
  'topUpForm.addCard': 'Add a card',
  'topUpForm.updateCard': 'Use another card',
  'topUpForm.confirmationTitle': 'Credit added',
  'topUpForm.amountAdded': 'Amount added',
  'topUpForm.newBalance': 'New balance',
  'topUpForm.referenceLabel': 'Reference',
  'topUpForm.checking': 'The answer was lost on the way. Checking whether the top-up went through…',
  'topUpForm.unknown':
    'We could not confirm whether the top-up went through, so it may have been charged. Check again before you try another amount: nothing is charged twice.',
  'topUpForm.checkAgain': 'Check again',
  'topUpForm.offline': 'You’re offline, so nothing was sent or charged. Reconnect, then try again.',
  'topUpForm.declined':
    'Your card was declined, so nothing was charged. Try again or use another card.',
  'topUpForm.noPaymentMethod':
    'There is no card on file, so nothing was charged. Add a payment method, then try again.',
  'topUpForm.failed': 'The top-up did not go through and nothing was charged. Try again.',
  'topUpForm.authenticate':
    'Your bank asks you to confirm this payment. Nothing has been charged yet.',
  'topUpForm.authenticateElsewhere':
    'Your bank asks you to confirm this payment. Confirm it in your banking app, then try again. Nothing has been charged yet.',
  'topUpForm.confirmPayment': 'Confirm payment',
  'topUpForm.tryAgain': 'Try again',
  'topUpForm.authenticating': 'Waiting for your bank to confirm the payment…',
} as const

/** The states TopUpForm shows, also its `data-state`. */
export type TopUpFormState =
  | 'idle'
  | 'invalid'
  | 'pending'
  | 'checking'
  | 'unknown'
  | 'success'
  | 'authentication'
  | 'authenticating'
  | 'declined'
  | 'offline'
  | 'error'

/** Props of TopUpForm. */
export interface TopUpFormProps extends PaymentMethodActionProps {
  /** Whole-dollar amounts offered as choices. Default `[10, 25, 50, 100]`. */
  presets?: readonly number[]
  /** The amount chosen at first. Default: the first preset. */
  defaultAmount?: number
  /**
   * The smallest top-up to offer, in whole dollars. Default: the server's policy
   * (`topUpLimits` of `GET /billing/auto-top-up`), else the spec's default, 5.
   */
  min?: number
  /** The largest top-up to offer, in whole dollars. Default: the server's policy, else 10,000. */
  max?: number
  /** Called once per completed top-up, with the new balance. */
  onSuccess?: (result: TopUpResult) => void
  /**
   * Runs the card issuer's check (3-D Secure) when a top-up asks for one: confirm the payment with
   * `clientSecret` (Stripe.js: `stripe.handleNextAction({ clientSecret })`) and settle once the
   * cardholder is done. The form then sends the same top-up again (same idempotency key), which
   * the server credits once if it was confirmed. Without it, the form asks the cardholder to
   * confirm in their banking app and try again.
   */
  onAuthenticatePayment?: (payment: { clientSecret: string; amount: number }) => unknown
  className?: string
}

type Problem = 'Empty' | 'Min' | 'Max' | Extract<MoneyInputResult, { ok: false }>

const DEFAULT_PRESETS = [10, 25, 50, 100] as const

/** The amount typed, as whole dollars, or what is wrong with it. Never read through a float. */
function parseAmount(
  text: string,
  locale: string | undefined,
  min: number,
  max: number,
): number | Problem {
  const read = parseMoneyInput(text, { locale, wholeUnits: true })
  if (!read.ok) return read.reason === 'empty' ? 'Empty' : read
  // Compared exactly, so a huge number is not rounded into range.
  if (compare(usd(read.value), usd(min)) < 0) return 'Min'
  if (compare(usd(read.value), usd(max)) > 0) return 'Max'
  return Number(read.value)
}

/** Whether the focus is on nobody: the element that had it was removed, or the page has it. */
function focusLost(): boolean {
  const active = document.activeElement
  return active === null || active === document.body
}

/**
 * A manual top-up: preset or typed whole-dollar amounts checked before sending, the card on
 * file, the balance after the top-up, and one charge however many times it is submitted.
 * @example <TopUpForm presets={[20, 50, 100]} onSuccess={(result) => close()} />
 */
export function TopUpForm({
  presets = DEFAULT_PRESETS,
  defaultAmount,
  min: minProp,
  max: maxProp,
  onSuccess,
  onAuthenticatePayment,
  className,
  onManagePaymentMethod,
  managePaymentMethodHref,
}: TopUpFormProps): ReactNode {
  // A plain-JS caller can pass anything: say which prop is wrong, past the error boundary.
  checkDollars('TopUpForm', 'min', minProp)
  checkDollars('TopUpForm', 'max', maxProp)
  checkDollars('TopUpForm', 'defaultAmount', defaultAmount)
  for (const preset of presets) checkDollars('TopUpForm', 'presets', preset)
  if (new Set(presets).size !== presets.length) {
    throw propError('TopUpForm', `presets must be distinct, got ${presets}.`)
  }
  if (minProp !== undefined && maxProp !== undefined && minProp > maxProp) {
    throw propError('TopUpForm', `min ${minProp} is over max ${maxProp}.`)
  }
  const { t } = useMessages(topUpFormMessages)
  const format = useFormat()
  const moneyInputMessage = useMoneyInputMessage()
  const balance = useBalance()
  const card = usePaymentMethod()
  // The server's top-up policy, as it states it (shared with AutoTopUpSettings' query).
  const policy = useAutoTopUp().data?.topUpLimits ?? DEFAULT_TOP_UP_LIMITS
  const min = minProp ?? policy.minimum
  const max = maxProp ?? policy.maximum
  const topUp = useTopUp()
  const id = useId()
  const inputRef = useRef<HTMLInputElement>(null)
  const lastSubmit = useRef<Promise<TopUpResult> | null>(null)
  const choices = presets.filter((preset) => preset >= min && preset <= max)
  const [text, setText] = useState(() => String(defaultAmount ?? choices[0] ?? ''))
  const [attempted, setAttempted] = useState(false)
  // While the app's 3-D Secure flow (`onAuthenticatePayment`) runs.
  const [authenticating, setAuthenticating] = useState(false)
  const mounted = useRef(true)
  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])

  // Whole-dollar amounts read better without cents: "$25", not "$25.00".
  const dollars = (amount: number | Usd) =>
    formatMoney(typeof amount === 'number' ? usd(amount) : amount, {
      locale: format.locale,
      minimumFractionDigits: 0,
    })
  const parsed = parseAmount(text, format.locale, min, max)
  const amount = typeof parsed === 'number' ? parsed : null

  let fieldError = ''
  if (attempted && typeof parsed === 'string') {
    fieldError = t(`topUpForm.error${parsed}`, { min: dollars(min), max: dollars(max) })
  } else if (attempted && typeof parsed === 'object') {
    fieldError = moneyInputMessage(parsed, { wholeUnits: true })
  } else if (topUp.error instanceof ValidationError) {
    // The server's own limits win over the props when it states them.
    const field = topUp.error.fieldErrors.find((error) => error.field === 'amount')
    const limits = (topUp.error.details ?? {}) as { minimum?: unknown; maximum?: unknown }
    const code = field?.code
    fieldError =
      code === 'TOO_SMALL' && typeof limits.minimum === 'number'
        ? t('topUpForm.errorMin', { min: dollars(limits.minimum) })
        : code === 'TOO_LARGE' && typeof limits.maximum === 'number'
          ? t('topUpForm.errorMax', { max: dollars(limits.maximum) })
          : (field?.message ?? t('topUpForm.errorServer'))
  }

  const error = topUp.error
  // The card's issuer asks the cardholder to authenticate: not a decline, nothing charged yet.
  const asked = error instanceof PaymentDeclinedError ? error.clientSecret : null
  const declined = error instanceof PaymentDeclinedError && asked === null
  let alert = ''
  if (authenticating) {
    // The status says what is happening; nothing to act on.
  } else if (asked !== null) {
    alert = t(onAuthenticatePayment ? 'topUpForm.authenticate' : 'topUpForm.authenticateElsewhere')
  } else if (declined) {
    alert = t(
      error.code === 'NO_PAYMENT_METHOD' ? 'topUpForm.noPaymentMethod' : 'topUpForm.declined',
    )
  } else if (error instanceof OfflineError) {
    alert = t('topUpForm.offline')
  } else if (topUp.outcome === 'unknown') {
    alert = t('topUpForm.unknown')
  } else if (error && !(error instanceof ValidationError)) {
    // A lost answer has been looked up by now: this one was not charged.
    alert = t('topUpForm.failed')
  }

  // What is wrong now comes before what went right last time.
  const state: TopUpFormState =
    topUp.outcome === 'checking'
      ? 'checking'
      : topUp.isPending
        ? 'pending'
        : authenticating
          ? 'authenticating'
          : asked !== null
            ? 'authentication'
            : declined
              ? 'declined'
              : error instanceof OfflineError
                ? 'offline'
                : topUp.outcome === 'unknown'
                  ? 'unknown'
                  : alert
                    ? 'error'
                    : fieldError
                      ? 'invalid'
                      : topUp.isSuccess
                        ? 'success'
                        : 'idle'
  // After a success the form shows the result and sends nothing until "Top up again".
  const done = state === 'success'

  const change = (next: string) => {
    if (done) return
    setText(next)
    // A refusal is about the amount that was sent; a new amount starts over. A top-up whose
    // outcome is unknown is not forgotten: the next submit looks it up first.
    if (topUp.isError && topUp.outcome !== 'unknown') topUp.reset()
  }

  // "Top up again" brings the form back: the focus goes to its amount.
  const focusAmount = useRef(false)
  useEffect(() => {
    if (!done && focusAmount.current) {
      focusAmount.current = false
      inputRef.current?.focus()
    }
  })
  // The confirmation takes the place of the field or button that had the focus: the focus goes
  // to it, so the keyboard keeps its place (unless the user has moved on elsewhere).
  const confirmationRef = useRef<HTMLParagraphElement>(null)
  useEffect(() => {
    if (done && focusLost()) confirmationRef.current?.focus()
  }, [done])
  const again = () => {
    topUp.reset()
    lastSubmit.current = null
    setAttempted(false)
    focusAmount.current = true
  }

  /**
   * Sends `value`; when the card's issuer asks to authenticate, runs the app's 3-D Secure flow
   * once, then sends the same top-up again (`confirmed`: without asking a second time).
   */
  const send = (value: number, confirmed = false) => {
    // While a top-up is pending useTopUp hands back the same promise and sends nothing.
    const promise = topUp.mutateAsync({ amount: value })
    if (promise === lastSubmit.current) return
    lastSubmit.current = promise
    promise.then(
      (result) => onSuccess?.(result),
      (failure: unknown) => {
        if (!confirmed && failure instanceof PaymentDeclinedError && failure.clientSecret) {
          void authenticate(failure.clientSecret, value)
        }
      },
    )
  }
  const authenticate = async (clientSecret: string, value: number) => {
    if (!onAuthenticatePayment) return
    setAuthenticating(true)
    try {
      await onAuthenticatePayment({ clientSecret, amount: value })
    } catch {
      // Cancelled or failed: the answer to the same top-up says what became of the payment.
    }
    if (!mounted.current) return
    setAuthenticating(false)
    // The app's step may have been a dialog over the page, and "Confirm payment" is gone while
    // it runs: the focus comes back to the amount rather than to nowhere.
    if (focusLost()) focusAmount.current = true
    send(value, true)
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (done || authenticating) return
    setAttempted(true)
    if (amount === null) {
      inputRef.current?.focus()
      return
    }
    if (card.data === null) return
    send(amount)
  }

  let cardText = t('topUpForm.cardLoading')
  let cardState = 'loading'
  if (card.data) {
    cardState = 'ok'
    const { brand, last4, expMonth, expYear } = card.data
    cardText = t('topUpForm.card', {
      brand: brand.charAt(0).toUpperCase() + brand.slice(1),
      last4,
      expiry: new Intl.DateTimeFormat(format.locale, { month: '2-digit', year: 'numeric' }).format(
        new Date(expYear, expMonth - 1),
      ),
    })
  } else if (card.data === null) {
    cardState = 'none'
    cardText = t('topUpForm.noCard')
  } else if (card.isError) {
    cardState = 'error'
    cardText = t('topUpForm.cardError')
  }

  const current = balance.data?.balance
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const pending = topUp.isPending || authenticating
  const result = done ? topUp.data : undefined
  // A replayed answer carries the balance of back then: show the one read again since (useTopUp
  // settles a replay only once it is in), or none when that read failed.
  const newBalance = !result
    ? undefined
    : !result.replayed
      ? result.balance.balance
      : balance.isError
        ? undefined
        : balance.data?.balance
  const shownAmount = pending ? (topUp.variables?.amount ?? amount) : amount

  const cardAction =
    cardState === 'ok' || cardState === 'none' ? (
      <PaymentMethodAction
        onManagePaymentMethod={onManagePaymentMethod}
        managePaymentMethodHref={managePaymentMethodHref}
        label={t(cardState === 'ok' ? 'topUpForm.changeCard' : 'topUpForm.addCard')}
        variant={cardState === 'ok' ? 'link' : 'secondary'}
      />
    ) : null
  const status = (
    <p className="payg-top-up-form__status" role="status">
      {state === 'checking' && t('topUpForm.checking')}
      {state === 'authenticating' && t('topUpForm.authenticating')}
      {result && (
        <>
          {newBalance
            ? t('topUpForm.success', {
                amount: dollars(result.topUp.amount),
                balance: format.money(newBalance),
              })
            : t('topUpForm.successNoBalance', { amount: dollars(result.topUp.amount) })}{' '}
          <span className="payg-visually-hidden">
            {t('topUpForm.reference', { id: result.topUp.id })}
          </span>
        </>
      )}
    </p>
  )

  return (
    <form
      className={['payg-root', 'payg-card', 'payg-top-up-form', className]
        .filter(Boolean)
        .join(' ')}
      data-state={state}
      aria-labelledby={`${id}-title`}
      aria-busy={pending || undefined}
      noValidate
      onSubmit={submit}
    >
      <h2 className="payg-heading" id={`${id}-title`}>
        {t('topUpForm.title')}
      </h2>
      {result ? (
        <div className="payg-top-up-form__confirmation">
          <Alert tone="success">
            <p className="payg-alert__title" ref={confirmationRef} tabIndex={-1}>
              {t('topUpForm.confirmationTitle')}
            </p>
            {status}
          </Alert>
          <dl className="payg-facts">
            <dt>{t('topUpForm.amountAdded')}</dt>
            <dd>
              <Amount value={result.topUp.amount} />
            </dd>
            {newBalance && (
              <>
                <dt>{t('topUpForm.newBalance')}</dt>
                <dd>
                  <Amount value={newBalance} />
                </dd>
              </>
            )}
            <dt>{t('topUpForm.referenceLabel')}</dt>
            <dd className="payg-top-up-form__reference">{result.topUp.id}</dd>
          </dl>
          <div className="payg-top-up-form__actions">
            <button type="button" className="payg-button" onClick={again}>
              {t('topUpForm.again')}
            </button>
          </div>
        </div>
      ) : (
        <div className="payg-top-up-form__body">
          <div className="payg-top-up-form__main">
            {choices.length > 0 && (
              <fieldset className="payg-segmented payg-top-up-form__presets">
                <legend className="payg-label">{t('topUpForm.presets')}</legend>
                {choices.map((preset) => (
                  <label key={preset} className="payg-segmented__option payg-top-up-form__preset">
                    <input
                      type="radio"
                      name={`${id}-preset`}
                      value={preset}
                      checked={amount === preset}
                      onChange={() => change(String(preset))}
                    />
                    {dollars(preset)}
                  </label>
                ))}
              </fieldset>
            )}
            <div className="payg-field">
              <label className="payg-label" htmlFor={`${id}-amount`}>
                {t('topUpForm.amount')}
              </label>
              <MoneyInput
                locale={format.locale}
                inputRef={inputRef}
                id={`${id}-amount`}
                value={text}
                onChange={(event) => change(event.target.value)}
                aria-invalid={fieldError ? true : undefined}
                aria-describedby={fieldError ? `${errorId} ${hintId}` : hintId}
              />
              <span className="payg-hint" id={hintId}>
                {t('topUpForm.hint', { min: dollars(min), max: dollars(max) })}
              </span>
              {fieldError && (
                <span className="payg-field-error" id={errorId}>
                  {fieldError}
                </span>
              )}
            </div>
          </div>
          <div className="payg-top-up-form__aside">
            <div className="payg-top-up-form__card" data-state={cardState}>
              <p className="payg-top-up-form__card-text">{cardText}</p>
              {cardAction}
            </div>
            <dl className="payg-facts payg-top-up-form__balances">
              <dt>{t('topUpForm.balanceNow')}</dt>
              <dd>{current ? <Amount value={current} /> : '–'}</dd>
              <dt>{t('topUpForm.balanceAfter')}</dt>
              <dd>
                {current && amount !== null ? <Amount value={add(current, usd(amount))} /> : '–'}
              </dd>
            </dl>
          </div>
        </div>
      )}
      {alert && (
        <Alert
          tone={asked !== null ? 'warning' : 'danger'}
          role="alert"
          actions={
            asked !== null ? (
              <>
                <button
                  type="button"
                  className="payg-button"
                  data-variant="secondary"
                  onClick={() => {
                    const value = topUp.variables?.amount
                    if (value === undefined) return
                    if (onAuthenticatePayment) void authenticate(asked, value)
                    else send(value, true)
                  }}
                >
                  {t(onAuthenticatePayment ? 'topUpForm.confirmPayment' : 'topUpForm.tryAgain')}
                </button>
                {(onManagePaymentMethod || managePaymentMethodHref) && (
                  <PaymentMethodAction
                    onManagePaymentMethod={onManagePaymentMethod}
                    managePaymentMethodHref={managePaymentMethodHref}
                    label={t('topUpForm.updateCard')}
                  />
                )}
              </>
            ) : state === 'unknown' ? (
              <button
                type="button"
                className="payg-button"
                data-variant="secondary"
                onClick={() => {
                  topUp.lookUp().then(
                    (found) => onSuccess?.(found),
                    () => {},
                  )
                }}
              >
                {t('topUpForm.checkAgain')}
              </button>
            ) : declined && (onManagePaymentMethod || managePaymentMethodHref) ? (
              <PaymentMethodAction
                onManagePaymentMethod={onManagePaymentMethod}
                managePaymentMethodHref={managePaymentMethodHref}
                label={t(
                  error.code === 'NO_PAYMENT_METHOD' ? 'topUpForm.addCard' : 'topUpForm.updateCard',
                )}
              />
            ) : null
          }
        >
          <p>{alert}</p>
        </Alert>
      )}
      {!result && (
        <div className="payg-top-up-form__actions">
          <button
            type="submit"
            className="payg-button"
            aria-disabled={pending || card.data === null || undefined}
          >
            {shownAmount === null
              ? t('topUpForm.submitNoAmount')
              : t(pending ? 'topUpForm.pending' : 'topUpForm.submit', {
                  amount: dollars(shownAmount),
                })}
          </button>
          {status}
        </div>
      )}
    </form>
  )
}
