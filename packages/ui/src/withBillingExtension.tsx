'use client'
import { useBillingExtension } from '@payg-kit/react'
import { type ComponentType, type ReactNode, useId } from 'react'
import { type BillingFeature, billingNoticeMessages } from './billingNoticeMessages'
import { useMessages } from './useMessages'

function BillingNotice({ feature, className }: { feature: BillingFeature; className?: string }) {
  const { t } = useMessages(billingNoticeMessages)
  const { apiAccessUrl } = useBillingExtension()
  const id = useId()
  return (
    <section
      className={['payg-root', 'payg-card', 'payg-billing-notice', className]
        .filter(Boolean)
        .join(' ')}
      data-state="unavailable"
      aria-labelledby={`${id}-title`}
    >
      <h2 className="payg-heading" id={`${id}-title`}>
        {t(`billingNotice.title.${feature}`)}
      </h2>
      <p className="payg-muted">{t('billingNotice.body')}</p>
      <a href={apiAccessUrl} target="_blank" rel="noopener noreferrer">
        {t('billingNotice.link')}
      </a>
    </section>
  )
}

function Pending({ className }: { className?: string }) {
  const { t } = useMessages(billingNoticeMessages)
  return (
    <div
      className={['payg-root', 'payg-card', className].filter(Boolean).join(' ')}
      data-state="loading"
      aria-busy
    >
      <span className="payg-skeleton" role="img" aria-label={t('billingNotice.loading')} />
    </div>
  )
}

/**
 * Internal: `Widget` where the API has the billing extension; without it (Leonardo's public API)
 * a notice that `feature` is managed in Leonardo's API Access tab, with a link
 * (`PaygProvider`'s `apiAccessUrl`). Nothing of the widget is mounted, or asked, until known; if
 * it cannot be found out the widget shows its own error state.
 */
export function withBillingExtension<P extends { className?: string }>(
  Widget: ComponentType<P>,
  feature: BillingFeature,
): ComponentType<P> {
  function NeedsBilling(props: P): ReactNode {
    const { available, error } = useBillingExtension()
    if (available === false) return <BillingNotice feature={feature} className={props.className} />
    if (available === undefined && error === null) return <Pending className={props.className} />
    return <Widget {...props} />
  }
  NeedsBilling.displayName = Widget.displayName ?? Widget.name
  return NeedsBilling
}
