import type { PaygMock } from '@payg-kit/msw'
import type { PaygLocale } from '@payg-kit/ui/locales'
import { type ReactNode, useRef, useState } from 'react'
import { ModalDialog, useModal } from './ModalDialog'
import { pageText } from './overviewMessages'
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
  // Answers the check; a check no longer waiting (answered already, or expired) is settled too:
  // the form's next request says what became of it.
  const answer = async (clientSecret: string, result: Answer) => {
    if (__PAYG_BILLING_SERVER__ === null) {
      try {
        mock.state.authenticatePayment(clientSecret, result)
      } catch {
        // No top-up waits for this secret any more.
      }
      return
    }
    const response = await fetch(TEST_BANK_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientSecret, result }),
    })
    if (!response.ok && response.status !== 404) {
      throw new Error(`The test bank answered ${response.status}.`)
    }
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

/** The bank's page, modal: Approve, Decline, or Not now (Escape) to leave the payment waiting. */
function TestBankDialog({ check, locale, answer, onClose }: TestBankDialogProps): ReactNode {
  const text = testBankText(locale)
  const notNow = useRef<HTMLButtonElement>(null)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState(false)
  // It opens on the choice that changes nothing, so a held Enter from the form pays nothing.
  const modal = useModal(busy, onClose, () => notNow.current)

  const respond = async (result: Answer) => {
    if (busy) return
    setBusy(true)
    setProblem(false)
    try {
      await answer(result)
      modal.close()
    } catch {
      setProblem(true)
      setBusy(false)
    }
  }

  const amount = new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' }).format(
    check.amount,
  )
  // While the bank takes the answer, Escape waits for it: the form would ask too early.
  return (
    <ModalDialog
      modal={modal}
      busy={busy}
      kicker={text.issuer}
      title={text.title}
      description={
        <>
          <p>{fillAmount(text.body, amount)}</p>
          <p className="payg-muted">{text.note}</p>
        </>
      }
      problem={problem ? text.problem : null}
      actions={
        <>
          <button
            type="button"
            ref={notNow}
            className="payg-button"
            data-variant="link"
            aria-disabled={busy || undefined}
            onClick={() => {
              if (!busy) modal.close()
            }}
          >
            {text.notNow}
          </button>
          <button
            type="button"
            className="payg-button"
            data-variant="secondary"
            aria-disabled={busy || undefined}
            onClick={() => void respond('fail')}
          >
            {text.decline}
          </button>
          <button
            type="button"
            className="payg-button"
            aria-disabled={busy || undefined}
            onClick={() => void respond('succeed')}
          >
            {fillAmount(text.approve, amount)}
          </button>
        </>
      }
    />
  )
}

/** `text` with its `{amount}` as a strong amount. */
function fillAmount(text: string, amount: string): ReactNode {
  const [before, after = ''] = text.split('{amount}')
  return (
    <>
      {before}
      <strong className="payg-amount">{amount}</strong>
      {after}
    </>
  )
}

/** The test bank's strings, in English. */
const en = {
  issuer: 'Test bank · 3-D Secure',
  title: 'Confirm this payment',
  body: 'Acme Studio asks to charge {amount} to your card.',
  note: 'This page stands in for your bank’s check, as Stripe.js would show it. Approve to pay; Not now leaves the payment waiting.',
  notNow: 'Not now',
  decline: 'Decline',
  approve: 'Approve {amount}',
  problem: 'The bank did not answer. Try again, or choose Not now to leave the payment waiting.',
}

/** The test bank in each locale the widgets ship a catalog for. */
const catalogs: Record<PaygLocale, typeof en> = {
  de: {
    issuer: 'Testbank · 3-D Secure',
    title: 'Zahlung bestätigen',
    body: 'Acme Studio möchte {amount} von deiner Karte abbuchen.',
    note: 'Diese Seite steht für die Prüfung deiner Bank, wie Stripe.js sie zeigen würde. Bestätigen zahlt; Später lässt die Zahlung warten.',
    notNow: 'Später',
    decline: 'Ablehnen',
    approve: '{amount} bestätigen',
    problem:
      'Die Bank hat nicht geantwortet. Erneut versuchen oder mit Später die Zahlung warten lassen.',
  },
  fr: {
    issuer: 'Banque de test · 3-D Secure',
    title: 'Confirmez ce paiement',
    body: 'Acme Studio demande à débiter {amount} de votre carte.',
    note: 'Cette page tient lieu de la vérification de votre banque, telle que Stripe.js l’afficherait. Approuver paie ; Plus tard laisse le paiement en attente.',
    notNow: 'Plus tard',
    decline: 'Refuser',
    approve: 'Approuver {amount}',
    problem:
      'La banque n’a pas répondu. Réessayez, ou choisissez Plus tard pour laisser le paiement en attente.',
  },
  es: {
    issuer: 'Banco de prueba · 3-D Secure',
    title: 'Confirma este pago',
    body: 'Acme Studio quiere cobrar {amount} a tu tarjeta.',
    note: 'Esta página hace las veces de la verificación de tu banco, como la mostraría Stripe.js. Aprobar paga; Ahora no deja el pago en espera.',
    notNow: 'Ahora no',
    decline: 'Rechazar',
    approve: 'Aprobar {amount}',
    problem:
      'El banco no respondió. Vuelve a intentarlo o elige Ahora no para dejar el pago en espera.',
  },
  ja: {
    issuer: 'テスト銀行・3-D セキュア',
    title: 'この支払いを承認',
    body: 'Acme Studio がカードへの {amount} の請求を求めています。',
    note: 'このページは、Stripe.js が表示する銀行の本人確認の代わりです。承認すると支払われ、「後で」を選ぶと支払いは保留のままです。',
    notNow: '後で',
    decline: '拒否',
    approve: '{amount} を承認',
    problem:
      '銀行から応答がありません。もう一度お試しいただくか、「後で」を選んで支払いを保留にしてください。',
  },
  'pt-BR': {
    issuer: 'Banco de teste · 3-D Secure',
    title: 'Confirme este pagamento',
    body: 'A Acme Studio quer cobrar {amount} no seu cartão.',
    note: 'Esta página faz as vezes da verificação do seu banco, como o Stripe.js a mostraria. Aprovar paga; Agora não deixa o pagamento pendente.',
    notNow: 'Agora não',
    decline: 'Recusar',
    approve: 'Aprovar {amount}',
    problem:
      'O banco não respondeu. Tente de novo ou escolha Agora não para deixar o pagamento pendente.',
  },
}

/** The test bank's strings for `locale`, else English. */
const testBankText = pageText(en, catalogs)
