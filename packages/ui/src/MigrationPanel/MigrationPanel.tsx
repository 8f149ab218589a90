'use client'
import {
  compare,
  isPaygError,
  type MigrationResultInfo,
  subtract,
  type TransactionInfo,
  usd,
} from '@payg-kit/core'
import {
  useMigrateToPayg,
  useMigrationPreview,
  useSubscription,
  useTransactions,
} from '@payg-kit/react'
import { type ReactNode, useEffect, useId, useRef, useState } from 'react'
import { Alert } from '../primitives/Alert'
import { Amount } from '../primitives/Amount'
import { RetryAlert } from '../RetryAlert'
import { useFormat } from '../useFormat'
import { useMessages } from '../useMessages'

/** MigrationPanel's strings, overridable through `PaygProvider`'s `messages`. */
export const migrationPanelMessages = {
  'migrationPanel.title': 'Switch to pay-as-you-go',
  'migrationPanel.loading': 'Loading your plan…',
  'migrationPanel.error': 'Your plan could not be loaded.',
  'migrationPanel.previewError': 'What switching would do could not be loaded.',
  'migrationPanel.retry': 'Retry',
  'migrationPanel.plan': 'Your plan',
  'migrationPanel.planName': 'Plan',
  'migrationPanel.monthlyPrice': 'Monthly price',
  'migrationPanel.creditsLeft': 'Credits left',
  'migrationPanel.creditsOf': '{left} of {total}',
  'migrationPanel.renews': 'Renews on',
  'migrationPanel.preview': 'If you switch now',
  'migrationPanel.converted': 'Credits converted',
  'migrationPanel.conversion': '{credits} at {rate} each = {amount}',
  'migrationPanel.balanceAfter': 'Balance after',
  'migrationPanel.neverExpires':
    'Your dollar balance never expires. You pay only for what you use.',
  'migrationPanel.last30Days': 'Your last 30 days on pay-as-you-go',
  'migrationPanel.usage':
    '{requests, plural, one {# request} other {# requests}} used {credits}. On pay-as-you-go they would have cost {payg}, against {price} a month for your plan.',
  'migrationPanel.paygCheaper': 'Pay-as-you-go would have been cheaper by {difference}.',
  'migrationPanel.planCheaper': 'Your plan would have been cheaper by {difference}.',
  'migrationPanel.same': 'Both would have cost the same.',
  'migrationPanel.customPricing': 'Your custom pricing agreement stays as it is.',
  'migrationPanel.start': 'Switch to pay-as-you-go…',
  'migrationPanel.confirmQuestion': 'Cancel {plan} and convert {credits} into {amount}?',
  'migrationPanel.confirmNote': 'This cannot be undone. Requests keep running while you switch.',
  'migrationPanel.confirm': 'Yes, switch now',
  'migrationPanel.confirming': 'Switching…',
  'migrationPanel.cancel': 'Cancel',
  'migrationPanel.migrateError':
    'The switch did not complete. Trying again is safe: your credits are converted only once.',
  'migrationPanel.alreadyOnPayg':
    'This account is already on pay-as-you-go. Its plan credits are converted only once; nothing more was changed.',
  'migrationPanel.done': 'You’re on pay-as-you-go now',
  'migrationPanel.doneSummary': 'Your plan credits became {amount}. Your balance is now {balance}.',
  'migrationPanel.payg': 'You’re on pay-as-you-go',
  'migrationPanel.paygNote':
    'You pay for each request from your dollar balance, which never expires.',
  'migrationPanel.entry': 'Ledger entry',
  'migrationPanel.entryDate': 'Date',
  'migrationPanel.entryDescription': 'Description',
  'migrationPanel.entryAmount': 'Amount',
} as const

/** The states MigrationPanel shows, also its `data-state`. */
export type MigrationPanelState = 'loading' | 'error' | 'plan' | 'confirm' | 'migrated' | 'payg'

/** Props of MigrationPanel. */
export interface MigrationPanelProps {
  /** Called once the plan is cancelled and its credits are dollars. */
  onMigrated?: (result: MigrationResultInfo) => void
  className?: string
}

/**
 * A legacy plan's way to pay-as-you-go: the plan, what its credits become, what the last 30
 * days would have cost on PAYG, and a confirm step; afterwards the new balance and its ledger
 * entry. A PAYG account sees a short "You're on pay-as-you-go".
 * @example <MigrationPanel onMigrated={() => router.refresh()} />
 */
export function MigrationPanel({ onMigrated, className }: MigrationPanelProps): ReactNode {
  const { t } = useMessages(migrationPanelMessages)
  const format = useFormat()
  const id = useId()
  const subscription = useSubscription()
  const migrate = useMigrateToPayg()
  const info = subscription.data
  const plan = info?.billingModel === 'SUBSCRIPTION' ? info.plan : null
  const preview = useMigrationPreview({ enabled: plan !== null && !migrate.data })
  const payg = info?.billingModel === 'PAYG' && !migrate.data
  // A migrated account keeps its conversion in the ledger: show that entry.
  const conversion = useTransactions(
    { type: 'MIGRATION_CREDIT', limit: 1 },
    { enabled: payg && info?.migratedAt !== null },
  )
  const [confirming, setConfirming] = useState(false)
  const sending = useRef(false)

  // Focus follows the step: the confirmation when it opens, the start button when it closes,
  // the result once the plan is switched.
  const focusTarget = useRef<'confirm' | 'start' | 'result' | null>(null)
  const confirmRef = useRef<HTMLFieldSetElement>(null)
  const startRef = useRef<HTMLButtonElement>(null)
  const resultRef = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    const target = focusTarget.current
    const element =
      target === 'confirm'
        ? confirmRef.current
        : target === 'start'
          ? startRef.current
          : target === 'result'
            ? resultRef.current
            : null
    if (!element) return
    focusTarget.current = null
    element.focus()
  })

  const open = () => {
    migrate.reset()
    focusTarget.current = 'confirm'
    setConfirming(true)
  }
  const close = () => {
    if (migrate.isPending) return
    focusTarget.current = 'start'
    setConfirming(false)
  }
  const confirm = () => {
    // A second click while the first is on its way sends nothing.
    if (sending.current) return
    sending.current = true
    migrate.mutate(undefined, {
      onSuccess: (result) => {
        focusTarget.current = 'result'
        onMigrated?.(result)
      },
      onError: (error) => {
        // Switched already (another tab, or an earlier attempt whose answer was lost): show it.
        if (isPaygError(error) && error.code === 'ALREADY_ON_PAYG') {
          focusTarget.current = 'result'
          void subscription.refetch()
        }
      },
      onSettled: () => {
        sending.current = false
      },
    })
  }
  const alreadyOnPayg =
    migrate.isError && isPaygError(migrate.error) && migrate.error.code === 'ALREADY_ON_PAYG'

  // What the last 30 days would have cost on PAYG, against the plan's monthly price.
  let verdict = ''
  if (preview.data) {
    const { planMonthlyPrice: price, last30Days } = preview.data
    const order = compare(last30Days.paygCost, price)
    verdict =
      order < 0
        ? t('migrationPanel.paygCheaper', {
            difference: format.money(subtract(price, last30Days.paygCost)),
          })
        : order > 0
          ? t('migrationPanel.planCheaper', {
              difference: format.money(subtract(last30Days.paygCost, price)),
            })
          : t('migrationPanel.same')
  }

  let state: MigrationPanelState = 'loading'
  if (migrate.data) state = 'migrated'
  else if (payg) state = 'payg'
  else if (plan) state = confirming ? 'confirm' : 'plan'
  else if (subscription.isError) state = 'error'

  const entry = (transaction: TransactionInfo) => (
    <section aria-labelledby={`${id}-entry`}>
      <h3 className="payg-migration-panel__subheading" id={`${id}-entry`}>
        {t('migrationPanel.entry')}
      </h3>
      <dl className="payg-migration-panel__facts">
        <dt>{t('migrationPanel.entryDate')}</dt>
        <dd>
          <time dateTime={transaction.createdAt}>{format.dateTime(transaction.createdAt)}</time>
        </dd>
        <dt>{t('migrationPanel.entryDescription')}</dt>
        <dd>{transaction.description}</dd>
        <dt>{t('migrationPanel.entryAmount')}</dt>
        <dd>{`+${format.money(transaction.amount)}`}</dd>
        <dt>{t('migrationPanel.balanceAfter')}</dt>
        <dd>
          <Amount value={transaction.balanceAfter} />
        </dd>
      </dl>
    </section>
  )
  const customPricing = info?.customPricing && (
    <Alert tone="info">
      <p>{t('migrationPanel.customPricing')}</p>
    </Alert>
  )

  return (
    <div
      className={['payg-root', 'payg-card', 'payg-migration-panel', className]
        .filter(Boolean)
        .join(' ')}
      data-state={state}
      aria-busy={state === 'loading' || migrate.isPending || undefined}
    >
      {state === 'loading' && (
        <span
          className="payg-skeleton payg-migration-panel__skeleton"
          role="img"
          aria-label={t('migrationPanel.loading')}
        />
      )}
      {state === 'error' && (
        <RetryAlert
          message={t('migrationPanel.error')}
          retryLabel={t('migrationPanel.retry')}
          onRetry={() => subscription.refetch()}
        />
      )}

      {state === 'payg' && (
        <>
          <h2 className="payg-heading" ref={resultRef} tabIndex={-1}>
            {t('migrationPanel.payg')}
          </h2>
          {alreadyOnPayg && (
            <Alert tone="warning" role="alert">
              <p>{t('migrationPanel.alreadyOnPayg')}</p>
            </Alert>
          )}
          <p>{t('migrationPanel.paygNote')}</p>
          {customPricing}
          {conversion.data?.pages[0]?.data[0] && entry(conversion.data.pages[0].data[0])}
        </>
      )}

      {migrate.data && (
        <>
          <h2 className="payg-heading" ref={resultRef} tabIndex={-1}>
            {t('migrationPanel.done')}
          </h2>
          <p role="status">
            {t('migrationPanel.doneSummary', {
              amount: format.money(migrate.data.transaction.amount),
              balance: format.money(migrate.data.balance.balance),
            })}
          </p>
          {customPricing}
          {entry(migrate.data.transaction)}
        </>
      )}

      {plan && !migrate.data && (
        <>
          <h2 className="payg-heading">{t('migrationPanel.title')}</h2>
          {/* Before and after side by side, one above the other in a narrow container. */}
          <div className="payg-migration-panel__sections">
            <section aria-labelledby={`${id}-plan`}>
              <h3 className="payg-migration-panel__subheading" id={`${id}-plan`}>
                {t('migrationPanel.plan')}
              </h3>
              <dl className="payg-migration-panel__facts">
                <dt>{t('migrationPanel.planName')}</dt>
                <dd>{plan.name}</dd>
                <dt>{t('migrationPanel.monthlyPrice')}</dt>
                <dd>
                  <Amount value={plan.monthlyPrice} />
                </dd>
                <dt>{t('migrationPanel.creditsLeft')}</dt>
                <dd>
                  {t('migrationPanel.creditsOf', {
                    left: format.money(plan.creditsRemaining),
                    total: format.number(Number(plan.creditsPerMonth.amount)),
                  })}
                </dd>
                {plan.renewalDate && (
                  <>
                    <dt>{t('migrationPanel.renews')}</dt>
                    <dd>
                      <time dateTime={plan.renewalDate}>{format.date(plan.renewalDate)}</time>
                    </dd>
                  </>
                )}
              </dl>
            </section>

            {preview.isPending && (
              <span
                className="payg-skeleton payg-migration-panel__skeleton"
                role="img"
                aria-label={t('migrationPanel.loading')}
              />
            )}
            {preview.isError && (
              <RetryAlert
                message={t('migrationPanel.previewError')}
                retryLabel={t('migrationPanel.retry')}
                onRetry={() => preview.refetch()}
              />
            )}
            {preview.data && (
              <section aria-labelledby={`${id}-preview`}>
                <h3 className="payg-migration-panel__subheading" id={`${id}-preview`}>
                  {t('migrationPanel.preview')}
                </h3>
                <dl className="payg-migration-panel__facts">
                  <dt>{t('migrationPanel.converted')}</dt>
                  <dd>
                    {t('migrationPanel.conversion', {
                      credits: format.money(preview.data.creditsRemaining),
                      rate: format.price(usd(preview.data.dollarsPerCredit)),
                      amount: format.money(preview.data.convertedAmount),
                    })}
                  </dd>
                  <dt>{t('migrationPanel.balanceAfter')}</dt>
                  <dd>
                    <Amount value={preview.data.balanceAfter} />
                  </dd>
                </dl>
                <p className="payg-hint">{t('migrationPanel.neverExpires')}</p>
              </section>
            )}
          </div>
          {preview.data && (
            <>
              <section aria-labelledby={`${id}-usage`}>
                <h3 className="payg-migration-panel__subheading" id={`${id}-usage`}>
                  {t('migrationPanel.last30Days')}
                </h3>
                <p>
                  {t('migrationPanel.usage', {
                    requests: preview.data.last30Days.requests,
                    credits: format.money(preview.data.last30Days.credits),
                    payg: format.money(preview.data.last30Days.paygCost),
                    price: format.money(preview.data.planMonthlyPrice),
                  })}
                </p>
                <p className="payg-migration-panel__verdict">
                  <strong>{verdict}</strong>
                </p>
              </section>
              {customPricing}

              {confirming ? (
                // Escape closes the confirmation, as Cancel does.
                <fieldset
                  className="payg-migration-panel__confirm"
                  tabIndex={-1}
                  ref={confirmRef}
                  onKeyDown={(event) => {
                    if (event.key === 'Escape') close()
                  }}
                >
                  <legend className="payg-migration-panel__question">
                    {t('migrationPanel.confirmQuestion', {
                      plan: plan.name,
                      credits: format.money(preview.data.creditsRemaining),
                      amount: format.money(preview.data.convertedAmount),
                    })}
                  </legend>
                  <p className="payg-hint">{t('migrationPanel.confirmNote')}</p>
                  {migrate.isError && !alreadyOnPayg && (
                    <Alert tone="danger" role="alert">
                      <p>{t('migrationPanel.migrateError')}</p>
                    </Alert>
                  )}
                  <div className="payg-migration-panel__actions">
                    <button
                      type="button"
                      className="payg-button"
                      data-variant="danger"
                      aria-disabled={migrate.isPending || undefined}
                      onClick={confirm}
                    >
                      {migrate.isPending
                        ? t('migrationPanel.confirming')
                        : t('migrationPanel.confirm')}
                    </button>
                    <button
                      type="button"
                      className="payg-button"
                      data-variant="secondary"
                      aria-disabled={migrate.isPending || undefined}
                      onClick={close}
                    >
                      {t('migrationPanel.cancel')}
                    </button>
                  </div>
                </fieldset>
              ) : (
                <button
                  type="button"
                  className="payg-button payg-migration-panel__start"
                  data-variant="secondary"
                  ref={startRef}
                  onClick={open}
                >
                  {t('migrationPanel.start')}
                </button>
              )}
            </>
          )}
        </>
      )}
    </div>
  )
}
