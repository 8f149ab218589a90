'use client'
import {
  type AutoTopUpInfo,
  type AutoTopUpResult,
  compare,
  divide,
  floorDiv,
  isNegative,
  isZero,
  multiply,
  PaymentDeclinedError,
  subtract,
  type UsageInfo,
  type Usd,
  usd,
  ValidationError,
} from '@payg-kit/core'
import { AUTO_TOP_UP_LIMITS, DEFAULT_TOP_UP_LIMITS } from '@payg-kit/core/rules'
import {
  useAutoTopUp,
  useBalance,
  useDisableAutoTopUp,
  useUpdateAutoTopUp,
  useUsage,
} from '@payg-kit/react'
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react'
import { formatMoneyInput, type MoneyInputResult, parseMoneyInput } from '../parseMoneyInput'
import { Alert } from '../primitives/Alert'
import { MoneyInput } from '../primitives/MoneyInput'
import {
  PaymentMethodAction,
  type PaymentMethodActionProps,
} from '../primitives/PaymentMethodAction'
import { Switch } from '../primitives/Switch'
import { RetryAlert } from '../RetryAlert'
import { useFormat } from '../useFormat'
import { useMessages } from '../useMessages'
import { useMoneyInputMessage } from '../useMoneyInputMessage'

/** AutoTopUpSettings' strings, overridable through `PaygProvider`'s `messages`. */
export const autoTopUpSettingsMessages = {
  'autoTopUpSettings.title': 'Auto top-up',
  'autoTopUpSettings.description': 'Add credit from your saved card when the balance runs low.',
  'autoTopUpSettings.loading': 'Loading auto top-up settings…',
  'autoTopUpSettings.error': 'Auto top-up settings could not be loaded.',
  'autoTopUpSettings.retry': 'Retry',
  'autoTopUpSettings.enabled': 'Top up automatically',
  'autoTopUpSettings.threshold': 'When the balance falls below',
  'autoTopUpSettings.thresholdHint': 'Whole dollars.',
  'autoTopUpSettings.amount': 'Add this amount',
  'autoTopUpSettings.amountHint': 'Whole dollars, at least {min}.',
  'autoTopUpSettings.cap': 'Monthly limit (optional)',
  'autoTopUpSettings.capHint':
    'The most to add automatically in a month. Leave empty for no limit.',
  'autoTopUpSettings.capUsed': '{spent} added automatically this month.',
  'autoTopUpSettings.suggested': 'Suggested by the planner. Review the values, then save.',
  'autoTopUpSettings.willCharge':
    'Saving will add {amount} now: the balance ({balance}) is already below the threshold.',
  'autoTopUpSettings.willChargeSeveral':
    '{amount} leaves you below {threshold}: auto top-up will add {total} at once ({count} × {amount}).',
  'autoTopUpSettings.willStopAtCap':
    'Saving will add {total} at once ({count} × {amount}), all the monthly limit allows, and the balance will still be below {threshold}. Raise the limit to reach it.',
  'autoTopUpSettings.capUsedUp':
    'The monthly limit leaves no room for a top-up of {amount}, so the balance ({balance}) stays below {threshold}. Raise the limit to top up.',
  'autoTopUpSettings.save': 'Save',
  'autoTopUpSettings.saving': 'Saving…',
  'autoTopUpSettings.cancel': 'Cancel',
  'autoTopUpSettings.savedOn':
    'Saved. {amount} will be added when the balance falls below {threshold}.',
  'autoTopUpSettings.savedOff': 'Saved. Auto top-up is off.',
  'autoTopUpSettings.toppedUp': '{amount} was added to your balance.',
  'autoTopUpSettings.toppedUpSeveral':
    '{total} was added to your balance at once ({count} × {amount}).',
  'autoTopUpSettings.topUpDeclined': 'The top-up of {amount} was declined: update your card.',
  'autoTopUpSettings.turnedOff': 'Auto top-up is off.',
  'autoTopUpSettings.disabledDeclined':
    'Auto top-up turned itself off after repeated declined payments. Update your card, then turn it on again.',
  'autoTopUpSettings.disabledNoCard':
    'Auto top-up turned off because no card is saved. Add a card, then turn it on again.',
  'autoTopUpSettings.failures':
    '{count, plural, one {An automatic top-up was declined.} other {# automatic top-ups in a row were declined.}} Update your card to keep auto top-up on.',
  'autoTopUpSettings.lastAttempt': 'Last automatic top-up',
  'autoTopUpSettings.lastSucceeded': 'Succeeded: {amount} added on {date}',
  'autoTopUpSettings.lastDeclined': 'Declined: {amount} not added on {date}',
  'autoTopUpSettings.lastCapReached': 'Monthly limit reached: {amount} not added on {date}',
  'autoTopUpSettings.noAttempt': 'None yet.',
  'autoTopUpSettings.errorRequired': 'Enter an amount in whole dollars.',
  'autoTopUpSettings.errorTooLarge': 'That amount is too large.',
  'autoTopUpSettings.errorThresholdMin': 'The threshold must be at least {min}.',
  'autoTopUpSettings.errorAmountMin': 'The smallest top-up is {min}.',
  'autoTopUpSettings.errorAmountMax': 'The largest top-up is {max}.',
  'autoTopUpSettings.errorCapBelowAmount':
    'The monthly limit must be at least the top-up amount ({amount}).',
  'autoTopUpSettings.saveFailed': 'The settings were not saved. Try again.',
  'autoTopUpSettings.saveDeclined':
    'Your card was declined, so auto top-up stays off. Update your card, then try again.',
  'autoTopUpSettings.saveNoCard': 'Add a card before turning on auto top-up.',
  'autoTopUpSettings.updateCard': 'Update card',
  'autoTopUpSettings.addCard': 'Add a card',
  'autoTopUpSettings.prefilled':
    'We filled in a starting point: {amount} whenever the balance falls below {threshold}. Adjust it, then save.',
  'autoTopUpSettings.prefilledFromSpend':
    'From your spend of {spent} in the last 30 days: add {amount} (about two weeks of use) whenever the balance falls below {threshold} (about three days). Adjust it, then save.',
  'autoTopUpSettings.turnOffFailed': 'Auto top-up could not be turned off. Try again.',
} as const

type MessageKey = keyof typeof autoTopUpSettingsMessages

/** The states AutoTopUpSettings shows, also its `data-state`. */
export type AutoTopUpSettingsState = 'loading' | 'error' | 'on' | 'off' | 'suspended'

/** Props of AutoTopUpSettings. */
export interface AutoTopUpSettingsProps extends PaymentMethodActionProps {
  /** Pre-fills the form (and switches it on), e.g. from CostCalculator's planner. Whole dollars. */
  suggestion?: { threshold: number; amount: number }
  /**
   * What turning it on fills in when nothing is saved and there is no spend in the last 30 days
   * to start from (with spend it fills about three days of it and about two weeks of it). Whole
   * dollars. Default $10 and $25.
   */
  defaults?: { threshold: number; amount: number }
  /** Called with the server's answer after the settings are saved or turned off. */
  onSaved?: (result: AutoTopUpResult) => void
  className?: string
}

// The top-up bounds when the server does not name its own (`topUpLimits`) are the spec's
// default; the server enforces its policy either way, and its field errors are shown on the
// fields too. A setting holds at most the spec's bound (every setting has the same).
const MAX_DOLLARS = AUTO_TOP_UP_LIMITS.amount.maximum
const DEFAULTS = { threshold: 10, amount: 25 }
/** The spend a pre-filled threshold covers, and a pre-filled amount, in days. */
const THRESHOLD_DAYS = 3
const AMOUNT_DAYS = 14

/**
 * What turning auto top-up on fills in: from the recent spend, a threshold of about three days of
 * it and an amount of about two weeks, rounded up to whole dollars; without dollar spend, the
 * defaults. The amount is kept within the top-up limits (`covers` says whether they left both
 * figures as the spend gave them).
 */
function startingPoint(
  usage: UsageInfo | undefined,
  defaults: { threshold: number; amount: number },
  limits: { minimum: number; maximum: number },
): { threshold: number; amount: number; spent: Usd | null; covers: boolean } {
  const within = (dollars: number) => Math.min(limits.maximum, Math.max(limits.minimum, dollars))
  const spent = usage?.unit === 'USD' ? (usage.total as Usd) : null
  const days = usage?.buckets.length ?? 0
  if (!spent || days === 0 || isZero(spent) || isNegative(spent)) {
    return {
      threshold: Math.max(1, defaults.threshold),
      amount: within(defaults.amount),
      spent: null,
      covers: false,
    }
  }
  const covering = (span: number) => Number(divide(multiply(spent, span), days, 0, 'ceil').amount)
  const threshold = Math.max(1, covering(THRESHOLD_DAYS))
  const amount = within(covering(AMOUNT_DAYS))
  // Raised to the smallest threshold or top-up, or cut to the largest top-up, they no longer
  // cover three days and two weeks, and the widget does not say they do.
  const covers = threshold === covering(THRESHOLD_DAYS) && amount === covering(AMOUNT_DAYS)
  return { threshold, amount, spent, covers }
}

type FieldName = 'threshold' | 'amount' | 'monthlyCap'
interface Values {
  enabled: boolean
  threshold: string
  amount: string
  monthlyCap: string
}
type Problem =
  | { key: MessageKey; values?: Record<string, string> }
  | { text: string }
  | { input: Extract<MoneyInputResult, { ok: false }> }

/** The saved settings, written as the field reads them back in `locale`. */
function savedValues(info: AutoTopUpInfo | undefined, locale: string | undefined): Values {
  const field = (value: { amount: string } | null | undefined) =>
    value ? formatMoneyInput(value.amount, locale) : ''
  return {
    enabled: info?.enabled ?? false,
    threshold: field(info?.threshold),
    amount: field(info?.amount),
    monthlyCap: field(info?.monthlyCap),
  }
}

/** Whole dollars from what was typed, or why not. */
function parseDollars(text: string, locale: string | undefined): number | Problem {
  const read = parseMoneyInput(text, { locale, wholeUnits: true })
  if (!read.ok) {
    return read.reason === 'empty' ? { key: 'autoTopUpSettings.errorRequired' } : { input: read }
  }
  // Compared as a decimal string's length first: a 30-digit number is never read as a float.
  const dollars = Number(read.value)
  return read.value.length > 10 || dollars > MAX_DOLLARS
    ? { key: 'autoTopUpSettings.errorTooLarge' }
    : dollars
}

/**
 * What saving these settings does at once while the balance is below the threshold: auto top-up
 * adds `amount` as many times as it takes to reach the threshold, within the whole multiples the
 * monthly limit allows, as one payment of `count` x `amount`.
 */
function planTopUps(
  balance: Usd,
  threshold: number,
  amount: number,
  room: Usd | null,
): { count: number; total: Usd; reaches: boolean } {
  const needed = Number(divide(subtract(usd(threshold), balance), amount, 0, 'ceil').amount)
  const allowed = room === null ? needed : Math.max(0, floorDiv(room, usd(amount)))
  const count = Math.min(needed, allowed)
  return { count, total: multiply(usd(amount), count), reaches: count === needed }
}

/**
 * Auto top-up settings: on/off, threshold, amount and an optional monthly limit, with
 * validation, a warning when saving will charge at once, the last attempt and any failures.
 * @example <AutoTopUpSettings suggestion={planned} onSaved={() => toast('Saved')} />
 */
export function AutoTopUpSettings({
  suggestion,
  defaults = DEFAULTS,
  onSaved,
  className,
  onManagePaymentMethod,
  managePaymentMethodHref,
}: AutoTopUpSettingsProps): ReactNode {
  const { t } = useMessages(autoTopUpSettingsMessages)
  const format = useFormat()
  const moneyInputMessage = useMoneyInputMessage()
  const settings = useAutoTopUp()
  const balance = useBalance()
  const update = useUpdateAutoTopUp()
  const disable = useDisableAutoTopUp()
  const id = useId()
  const inputs = useRef<Partial<Record<FieldName, HTMLInputElement | null>>>({})

  const saved = settings.data
  const limits = saved?.topUpLimits ?? DEFAULT_TOP_UP_LIMITS
  // The last 30 days of spend, for what turning it on fills in. The form shows once it is in (or
  // failed, then the defaults are filled in), so what a click fills in never depends on timing.
  const recent = useUsage({ days: 30 })
  const ready = saved !== undefined && !(recent.isPending && recent.fetchStatus === 'fetching')
  // Only what the user (or a suggestion) changed; the rest shows the saved settings.
  const [draft, setDraft] = useState<Partial<Values>>({})
  const [fromPlanner, setFromPlanner] = useState(false)
  const [prefilled, setPrefilled] = useState<ReturnType<typeof startingPoint> | null>(null)
  const [submitted, setSubmitted] = useState(false)
  const [serverErrors, setServerErrors] = useState<Partial<Record<FieldName, string>>>({})
  const [formError, setFormError] = useState<MessageKey | null>(null)
  const [result, setResult] = useState('')

  const suggestedThreshold = suggestion?.threshold
  const suggestedAmount = suggestion?.amount
  useEffect(() => {
    if (suggestedThreshold === undefined || suggestedAmount === undefined) return
    setDraft((current) => ({
      ...current,
      enabled: true,
      threshold: String(suggestedThreshold),
      amount: String(suggestedAmount),
    }))
    setFromPlanner(true)
    setServerErrors({})
    setResult('')
  }, [suggestedThreshold, suggestedAmount])

  const values: Values = { ...savedValues(saved, format.locale), ...draft }
  const money = (dollars: number | string) => format.money(usd(dollars))

  const problems: Partial<Record<FieldName, Problem>> = {}
  const threshold = parseDollars(values.threshold, format.locale)
  const amount = parseDollars(values.amount, format.locale)
  // No limit when the field is left empty (invisible characters count as empty).
  const cap = /^[\s\p{Cf}]*$/u.test(values.monthlyCap)
    ? null
    : parseDollars(values.monthlyCap, format.locale)
  if (typeof threshold !== 'number') problems.threshold = threshold
  else if (threshold < 1)
    problems.threshold = { key: 'autoTopUpSettings.errorThresholdMin', values: { min: money(1) } }
  if (typeof amount !== 'number') problems.amount = amount
  else if (amount < limits.minimum)
    problems.amount = {
      key: 'autoTopUpSettings.errorAmountMin',
      values: { min: money(limits.minimum) },
    }
  else if (amount > limits.maximum)
    problems.amount = {
      key: 'autoTopUpSettings.errorAmountMax',
      values: { max: money(limits.maximum) },
    }
  if (cap !== null && typeof cap !== 'number') problems.monthlyCap = cap
  else if (typeof cap === 'number' && typeof amount === 'number' && cap < amount)
    problems.monthlyCap = {
      key: 'autoTopUpSettings.errorCapBelowAmount',
      values: { amount: money(amount) },
    }

  const errorText = (name: FieldName): string | undefined => {
    if (serverErrors[name]) return serverErrors[name]
    const problem = submitted ? problems[name] : undefined
    if (!problem) return undefined
    if ('input' in problem) return moneyInputMessage(problem.input, { wholeUnits: true })
    return 'text' in problem ? problem.text : t(problem.key, problem.values)
  }

  // Saving it on below the threshold tops up at once, one payment of as many times the amount as
  // it takes to reach the threshold within the monthly limit: say how much, and whether it gets there.
  const info = balance.data
  const below = (dollars: number) => info !== undefined && compare(info.balance, usd(dollars)) < 0
  const willCharge =
    values.enabled &&
    info?.billingModel === 'PAYG' &&
    !problems.threshold &&
    !problems.amount &&
    !problems.monthlyCap &&
    typeof threshold === 'number' &&
    typeof amount === 'number' &&
    below(threshold)
  const plan =
    willCharge && info && typeof threshold === 'number' && typeof amount === 'number'
      ? planTopUps(
          info.balance,
          threshold,
          amount,
          typeof cap === 'number' && saved ? subtract(usd(cap), saved.spentThisMonth) : null,
        )
      : null
  let warning = ''
  if (plan && info) {
    const words = {
      amount: money(amount as number),
      balance: format.money(info.balance),
      threshold: money(threshold as number),
      total: format.money(plan.total),
      count: format.number(plan.count),
    }
    warning =
      plan.count === 0
        ? t('autoTopUpSettings.capUsedUp', words)
        : !plan.reaches
          ? t('autoTopUpSettings.willStopAtCap', words)
          : plan.count === 1
            ? t('autoTopUpSettings.willCharge', words)
            : t('autoTopUpSettings.willChargeSeveral', words)
  }

  const edit = (name: keyof Values, value: string | boolean) => {
    setDraft((current) => ({ ...current, [name]: value }))
    setServerErrors((current) => ({ ...current, [name]: undefined }))
    setFormError(null)
    setResult('')
  }

  const finish = (answer: AutoTopUpResult) => {
    setPrefilled(null)
    setDraft({})
    setFromPlanner(false)
    setSubmitted(false)
    const topUp = answer.triggeredTopUp
    // The triggered top-up is the one payment of count x amount (never a difference of monthly
    // totals, which a new month resets).
    const each = answer.autoTopUp.amount
    const count =
      topUp?.status === 'SUCCEEDED' && each && !isZero(each) ? floorDiv(topUp.amount, each) : 0
    const parts = [
      answer.autoTopUp.enabled && answer.autoTopUp.threshold && answer.autoTopUp.amount
        ? t('autoTopUpSettings.savedOn', {
            amount: format.money(answer.autoTopUp.amount),
            threshold: format.money(answer.autoTopUp.threshold),
          })
        : t('autoTopUpSettings.savedOff'),
      topUp &&
        (count > 1 && each
          ? t('autoTopUpSettings.toppedUpSeveral', {
              total: format.money(topUp.amount),
              count: format.number(count),
              amount: format.money(each),
            })
          : t(
              topUp.status === 'SUCCEEDED'
                ? 'autoTopUpSettings.toppedUp'
                : 'autoTopUpSettings.topUpDeclined',
              { amount: format.money(topUp.amount) },
            )),
    ]
    setResult(parts.filter(Boolean).join(' '))
    onSaved?.(answer)
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (update.isPending || disable.isPending) return
    setSubmitted(true)
    setResult('')
    setFormError(null)
    const firstInvalid = (['threshold', 'amount', 'monthlyCap'] as const).find(
      (name) => problems[name],
    )
    if (firstInvalid) {
      inputs.current[firstInvalid]?.focus()
      return
    }
    update.mutate(
      {
        enabled: values.enabled,
        threshold: threshold as number,
        amount: amount as number,
        monthlyCap: cap as number | null,
      },
      {
        onSuccess: finish,
        onError: (error) => {
          if (error instanceof ValidationError && error.fieldErrors.length > 0) {
            const byField: Partial<Record<FieldName, string>> = {}
            for (const fieldError of error.fieldErrors) {
              const name = fieldError.field as FieldName
              if (name === 'threshold' || name === 'amount' || name === 'monthlyCap') {
                byField[name] = fieldError.message
              }
            }
            setServerErrors(byField)
            const first = (['threshold', 'amount', 'monthlyCap'] as const).find((n) => byField[n])
            if (first) {
              inputs.current[first]?.focus()
              return
            }
          }
          setFormError(
            error instanceof PaymentDeclinedError
              ? error.code === 'NO_PAYMENT_METHOD'
                ? 'autoTopUpSettings.saveNoCard'
                : 'autoTopUpSettings.saveDeclined'
              : 'autoTopUpSettings.saveFailed',
          )
        },
      },
    )
  }

  // One control: on shows the fields (pre-filled when empty), off turns saved settings off.
  const onSwitch = (on: boolean) => {
    if (!on && saved?.enabled) {
      onTurnOff()
      return
    }
    if (!on) {
      onCancel()
      return
    }
    const fill =
      !values.threshold && !values.amount ? startingPoint(recent.data, defaults, limits) : null
    setDraft((current) => ({
      ...current,
      enabled: true,
      ...(fill
        ? {
            threshold: formatMoneyInput(String(fill.threshold), format.locale),
            amount: formatMoneyInput(String(fill.amount), format.locale),
          }
        : {}),
    }))
    setPrefilled(fill)
    setServerErrors({})
    setFormError(null)
    setResult('')
  }

  const onCancel = () => {
    setPrefilled(null)
    setDraft({})
    setFromPlanner(false)
    setSubmitted(false)
    setServerErrors({})
    setFormError(null)
    setResult('')
  }

  const onTurnOff = () => {
    if (update.isPending || disable.isPending) return
    setFormError(null)
    setResult('')
    disable.mutate(undefined, {
      onSuccess: finish,
      onError: () => setFormError('autoTopUpSettings.turnOffFailed'),
    })
  }

  let state: AutoTopUpSettingsState = 'loading'
  if (saved && ready) {
    state = saved.enabled
      ? 'on'
      : saved.disabledReason === 'PAYMENT_DECLINED' || saved.disabledReason === 'NO_PAYMENT_METHOD'
        ? 'suspended'
        : 'off'
  } else if (settings.isError) {
    state = 'error'
  }

  const field = (name: FieldName, label: string, hint: string) => {
    const error = errorText(name)
    return (
      <div className="payg-field">
        <label className="payg-label" htmlFor={`${id}-${name}`}>
          {label}
        </label>
        <span className="payg-hint" id={`${id}-${name}-hint`}>
          {hint}
        </span>
        <MoneyInput
          locale={format.locale}
          inputRef={(element) => {
            inputs.current[name] = element
          }}
          id={`${id}-${name}`}
          value={values[name]}
          onChange={(event) => edit(name, event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-${name}-hint${error ? ` ${id}-${name}-error` : ''}`}
        />
        {error && (
          <span className="payg-field-error" id={`${id}-${name}-error`}>
            {error}
          </span>
        )}
      </div>
    )
  }

  const attempt = saved?.lastAttempt
  const busy = update.isPending || disable.isPending

  const cardAction = (label: 'autoTopUpSettings.updateCard' | 'autoTopUpSettings.addCard') =>
    onManagePaymentMethod || managePaymentMethodHref ? (
      <PaymentMethodAction
        onManagePaymentMethod={onManagePaymentMethod}
        managePaymentMethodHref={managePaymentMethodHref}
        label={t(label)}
      />
    ) : undefined
  const resultStatus = (
    <div role="status" className="payg-auto-top-up-settings__result">
      {result && (
        <Alert tone="success">
          <p>{result}</p>
        </Alert>
      )}
    </div>
  )

  return (
    <section
      className={['payg-root', 'payg-card', 'payg-auto-top-up-settings', className]
        .filter(Boolean)
        .join(' ')}
      data-state={state}
      aria-labelledby={`${id}-title`}
      aria-busy={state === 'loading' || undefined}
    >
      <div className="payg-auto-top-up-settings__header">
        <div>
          <h2 className="payg-heading" id={`${id}-title`}>
            {t('autoTopUpSettings.title')}
          </h2>
          <p className="payg-hint payg-auto-top-up-settings__description">
            {t('autoTopUpSettings.description')}
          </p>
        </div>
        {saved && ready && (
          <Switch
            checked={values.enabled}
            disabled={busy}
            onChange={onSwitch}
            label={t('autoTopUpSettings.enabled')}
          />
        )}
      </div>
      {state === 'loading' && (
        <div className="payg-skeleton-group" role="img" aria-label={t('autoTopUpSettings.loading')}>
          <span className="payg-skeleton" data-size="line" />
          <span className="payg-skeleton" data-size="control" />
        </div>
      )}
      {state === 'error' && (
        <RetryAlert
          message={t('autoTopUpSettings.error')}
          retryLabel={t('autoTopUpSettings.retry')}
          onRetry={() => settings.refetch()}
        />
      )}
      {saved && ready && (
        <>
          {state === 'suspended' && (
            <Alert
              tone="danger"
              className="payg-auto-top-up-settings__notice"
              actions={cardAction(
                saved.disabledReason === 'PAYMENT_DECLINED'
                  ? 'autoTopUpSettings.updateCard'
                  : 'autoTopUpSettings.addCard',
              )}
            >
              <p>
                {t(
                  saved.disabledReason === 'PAYMENT_DECLINED'
                    ? 'autoTopUpSettings.disabledDeclined'
                    : 'autoTopUpSettings.disabledNoCard',
                )}
              </p>
            </Alert>
          )}
          {saved.enabled && saved.consecutiveFailures > 0 && (
            <Alert
              tone="warning"
              className="payg-auto-top-up-settings__notice"
              actions={cardAction('autoTopUpSettings.updateCard')}
            >
              <p>
                {t('autoTopUpSettings.failures', {
                  count: saved.consecutiveFailures,
                })}
              </p>
            </Alert>
          )}
          {!values.enabled && resultStatus}
          {values.enabled && (
            <form className="payg-auto-top-up-settings__form" noValidate onSubmit={onSubmit}>
              {(fromPlanner || prefilled) && (
                <Alert tone="info" className="payg-auto-top-up-settings__suggested">
                  <p>
                    {fromPlanner || !prefilled
                      ? t('autoTopUpSettings.suggested')
                      : t(
                          prefilled.spent && prefilled.covers
                            ? 'autoTopUpSettings.prefilledFromSpend'
                            : 'autoTopUpSettings.prefilled',
                          {
                            amount: money(prefilled.amount),
                            threshold: money(prefilled.threshold),
                            spent: prefilled.spent ? format.money(prefilled.spent) : '',
                          },
                        )}
                  </p>
                </Alert>
              )}
              <div className="payg-auto-top-up-settings__fields">
                {field(
                  'threshold',
                  t('autoTopUpSettings.threshold'),
                  t('autoTopUpSettings.thresholdHint'),
                )}
                {field(
                  'amount',
                  t('autoTopUpSettings.amount'),
                  t('autoTopUpSettings.amountHint', { min: money(limits.minimum) }),
                )}
                {field(
                  'monthlyCap',
                  t('autoTopUpSettings.cap'),
                  saved.monthlyCap
                    ? `${t('autoTopUpSettings.capHint')} ${t('autoTopUpSettings.capUsed', {
                        spent: format.money(saved.spentThisMonth),
                      })}`
                    : t('autoTopUpSettings.capHint'),
                )}
              </div>
              <div role="status" className="payg-auto-top-up-settings__warning">
                {warning && (
                  <Alert tone="warning" id={`${id}-warning`}>
                    <p>{warning}</p>
                  </Alert>
                )}
              </div>
              {formError && (
                <Alert
                  tone="danger"
                  role="alert"
                  actions={
                    formError === 'autoTopUpSettings.saveNoCard'
                      ? cardAction('autoTopUpSettings.addCard')
                      : formError === 'autoTopUpSettings.saveDeclined'
                        ? cardAction('autoTopUpSettings.updateCard')
                        : undefined
                  }
                >
                  <p>{t(formError)}</p>
                </Alert>
              )}
              <div className="payg-auto-top-up-settings__actions">
                <button
                  type="submit"
                  className="payg-button"
                  aria-disabled={busy || undefined}
                  aria-describedby={warning ? `${id}-warning` : undefined}
                >
                  {update.isPending ? t('autoTopUpSettings.saving') : t('autoTopUpSettings.save')}
                </button>
                <button
                  type="button"
                  className="payg-button"
                  data-variant="secondary"
                  onClick={onCancel}
                >
                  {t('autoTopUpSettings.cancel')}
                </button>
                {/* Where the user just pressed Save, announced politely. */}
                <p role="status" className="payg-auto-top-up-settings__saved">
                  {result}
                </p>
              </div>
            </form>
          )}
          <dl className="payg-auto-top-up-settings__last">
            <dt>{t('autoTopUpSettings.lastAttempt')}</dt>
            <dd data-status={attempt?.status}>
              {attempt
                ? t(
                    attempt.status === 'SUCCEEDED'
                      ? 'autoTopUpSettings.lastSucceeded'
                      : attempt.status === 'DECLINED'
                        ? 'autoTopUpSettings.lastDeclined'
                        : 'autoTopUpSettings.lastCapReached',
                    { amount: format.money(attempt.amount), date: format.dateTime(attempt.at) },
                  )
                : t('autoTopUpSettings.noAttempt')}
            </dd>
          </dl>
        </>
      )}
      {!ready && resultStatus}
    </section>
  )
}
