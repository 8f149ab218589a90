import { type ReactNode, useId } from 'react'

/** Props of BillingUnavailableNotice. */
export interface BillingUnavailableNoticeProps {
  className?: string
}

/** Stands in for every billing widget in live mode, saying plainly why they are not there. */
export function BillingUnavailableNotice({ className }: BillingUnavailableNoticeProps): ReactNode {
  const id = useId()
  return (
    <section
      className={['payg-card', 'playground__notice', className].filter(Boolean).join(' ')}
      aria-labelledby={`${id}-title`}
    >
      <h2 className="payg-heading" id={`${id}-title`}>
        Billing is not available in live mode
      </h2>
      <p>
        The billing extension (top-ups, auto top-up, the transaction ledger, usage and migration
        from a legacy plan) is not part of Leonardo’s public API, so it is not available in live
        mode. Leonardo offers those features in its web app.
      </p>
      <p className="payg-muted">
        Start the playground without <code>LEONARDO_API_KEY</code> to try every billing widget on
        the mock.
      </p>
    </section>
  )
}
