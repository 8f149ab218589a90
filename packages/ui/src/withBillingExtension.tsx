'use client'
import { BillingExtensionGate, useBillingExtension } from '@payg-kit/react'
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

/**
 * Internal: `Widget` where the API has the billing extension; without it (Leonardo's public API)
 * a notice that `feature` is managed in Leonardo's API Access tab, with a link
 * (`PaygProvider`'s `apiAccessUrl`). Until that is known the widget shows its own loading state:
 * inside a `BillingExtensionGate` its hooks wait for the probe, so nothing is asked twice.
 */
export function withBillingExtension<P extends { className?: string }>(
  Widget: ComponentType<P>,
  feature: BillingFeature,
): ComponentType<P> {
  function NeedsBilling(props: P): ReactNode {
    if (useBillingExtension().available === false) {
      return <BillingNotice feature={feature} className={props.className} />
    }
    return (
      <BillingExtensionGate>
        <Widget {...props} />
      </BillingExtensionGate>
    )
  }
  NeedsBilling.displayName = Widget.displayName ?? Widget.name
  return NeedsBilling
}
