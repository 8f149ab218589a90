import type { PaygMock } from '@payg-kit/msw'
import { type ReactNode, useEffect, useId, useRef, useState } from 'react'
import { TEST_BANK_PATH } from './testCards'

/** How the cardholder answers the bank's check. */
type Answer = 'succeed' | 'fail'

/** A 3-D Secure check waiting for the cardholder. */
interface Check {
  clientSecret: string
  amount: number
  /** Settles TopUpForm's `onAuthenticatePayment`: the form then asks the API what became of it. */
  done: () => void
}

/** What `useTestBank` gives the page: TopUpForm's callback, and the bank's page to render. */
export interface TestBank {
  /** For TopUpForm's `onAuthenticatePayment`; undefined where no test bank can answer (live, Stripe). */
  onAuthenticatePayment?: (payment: { clientSecret: string; amount: number }) => Promise<void>
  /** The bank's page while a check waits, else null. */
  dialog: ReactNode
}

/**
 * A stand-in for the bank's 3-D Secure page, what Stripe.js's `handleNextAction` would show: the
 * cardholder approves or declines, on the mock (`mock.state.authenticatePayment`) or on the dev
 * server's fake provider (`TEST_BANK_PATH`).
 */
export function useTestBank(mock: PaygMock | null, locale: string): TestBank {
  const [check, setCheck] = useState<Check | null>(null)
  if (!__PAYG_TEST_BANK__ || mock === null) return { dialog: null }
  const answer = async (clientSecret: string, result: Answer) => {
    if (__PAYG_BILLING_SERVER__ === null) {
      mock.state.authenticatePayment(clientSecret, result)
      return
    }
    const response = await fetch(TEST_BANK_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientSecret, result }),
    })
    if (!response.ok) throw new Error(`The test bank answered ${response.status}.`)
  }
  return {
    onAuthenticatePayment: ({ clientSecret, amount }) =>
      new Promise<void>((resolve) => {
        setCheck({ clientSecret, amount, done: resolve })
      }),
    dialog: check ? (
      <TestBankDialog
        check={check}
        locale={locale}
        answer={(result) => answer(check.clientSecret, result)}
        onClose={() => {
          check.done()
          setCheck(null)
        }}
      />
    ) : null,
  }
}

interface TestBankDialogProps {
  check: Check
  locale: string
  answer: (result: Answer) => Promise<void>
  onClose: () => void
}

/** The bank's page, modal: Approve, Decline, or Escape to leave the payment waiting. */
function TestBankDialog({ check, locale, answer, onClose }: TestBankDialogProps): ReactNode {
  const id = useId()
  const dialog = useRef<HTMLDialogElement>(null)
  const approve = useRef<HTMLButtonElement>(null)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  useEffect(() => {
    const element = dialog.current
    if (element && !element.open) element.showModal()
    // It opens on its main action (React keeps `autoFocus` to itself, so showModal would not).
    approve.current?.focus()
  }, [])

  const respond = async (result: Answer) => {
    setBusy(true)
    setProblem(null)
    try {
      await answer(result)
      dialog.current?.close()
    } catch {
      setProblem(
        'The bank did not answer. Try again, or press Escape to leave the payment waiting.',
      )
      setBusy(false)
    }
  }

  const amount = new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' }).format(
    check.amount,
  )
  return (
    <dialog
      ref={dialog}
      className="playground__bank"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onClose={onClose}
    >
      <p className="playground__bank-issuer payg-muted">Test bank · 3-D Secure</p>
      <h2 className="playground__bank-title" id={`${id}-title`}>
        Confirm this payment
      </h2>
      <div id={`${id}-body`}>
        <p>
          Acme Studio asks to charge <strong className="payg-amount">{amount}</strong> to your card.
        </p>
        <p className="payg-muted">
          This page stands in for your bank’s check, as Stripe.js would show it. Approve to pay;
          Escape leaves the payment waiting.
        </p>
      </div>
      {problem ? (
        <p className="payg-hint" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="playground__bank-actions">
        <button
          type="button"
          className="payg-button"
          data-variant="secondary"
          disabled={busy}
          onClick={() => void respond('fail')}
        >
          Decline
        </button>
        <button
          type="button"
          className="payg-button"
          ref={approve}
          disabled={busy}
          onClick={() => void respond('succeed')}
        >
          Approve {amount}
        </button>
      </div>
    </dialog>
  )
}
