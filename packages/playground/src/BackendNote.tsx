import type { ReactNode } from 'react'

/** Says which backend answers the page: the mock in this tab, or the billing server too. */
export function BackendNote(): ReactNode {
  if (__PAYG_LIVE__) return null // The controls already say the page is live.
  if (__PAYG_BILLING_SERVER__ === null) {
    // A paragraph inside the flex row, as in server mode: its words and code flow as one text.
    return (
      <div className="playground__backend" data-backend="mock">
        <p>
          <strong>Backend: the mock</strong> (<code>@payg-kit/msw</code>, in this tab): a reload
          starts it over. <code>pnpm dev</code> runs billing on the real server.
        </p>
      </div>
    )
  }
  return (
    <div className="playground__backend" data-backend="server">
      <p>
        <strong>Billing: the real server</strong> (<code>@payg-kit/server</code>) on{' '}
        {__PAYG_BILLING_SERVER__}, with the fake payment provider: top-ups stay across reloads and
        restarts. Generations, <code>/me</code> and prices: the mock. The widgets' card actions open
        a form that saves another test card.
      </p>
    </div>
  )
}
