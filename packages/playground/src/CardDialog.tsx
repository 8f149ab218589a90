import type { PaygMock } from '@payg-kit/msw'
import { usePaygMessages, usePaymentMethod } from '@payg-kit/react'
import type { PaygLocale } from '@payg-kit/ui/locales'
import { useQueryClient } from '@tanstack/react-query'
import { type FormEvent, type ReactNode, useId, useState } from 'react'
import { ModalDialog, useModal } from './ModalDialog'
import { pageText } from './overviewMessages'
import { TEST_CARD_PATH, type TestCard } from './testCards'

/** What `useCardFlow` gives the page: the widgets' card callback, and the dialog to render. */
export interface CardFlow {
  /** For the widgets' `onManagePaymentMethod`; undefined live, where Leonardo manages cards. */
  onManagePaymentMethod?: () => void
  /** The card form while it is open, else null. Render it inside `PaygProvider`. */
  dialog: ReactNode
}

/** The fake provider's test cards (the server's `TEST_CARDS`, defined by vite.config.ts). */
const TEST_CARD_NAMES = Object.keys(__PAYG_TEST_CARDS__) as TestCard[]

/** The last four digits of each test card, as the API reports them. */
const TEST_CARD_DIGITS = Object.fromEntries(
  Object.entries(__PAYG_TEST_CARDS__).map(([name, number]) => [name, number.slice(-4)]),
) as Record<TestCard, string>

/** The test cards the mock can stand for: it declines or asks for 3-D Secure, by switch. */
const MOCK_CARDS: readonly TestCard[] = ['visa', 'declined', 'authenticationRequired']

/**
 * The app's own card flow, as a product wires `onManagePaymentMethod` to Stripe Elements, say:
 * a modal form that saves one of the test cards, on the mock (`mock.state`) or on the dev
 * server's payment provider (`TEST_CARD_PATH`).
 */
export function useCardFlow(mock: PaygMock | null): CardFlow {
  const [open, setOpen] = useState(false)
  if (mock === null) return { dialog: null }
  return {
    onManagePaymentMethod: () => setOpen(true),
    dialog: open ? <CardDialog mock={mock} onClose={() => setOpen(false)} /> : null,
  }
}

/** Saves `card` for the playground's account. */
async function saveCard(mock: PaygMock, card: TestCard): Promise<void> {
  if (__PAYG_BILLING_SERVER__ === null) {
    const last4 = TEST_CARD_DIGITS[card]
    mock.state.setPaymentMethod({
      id: `pm_test_${last4}`,
      brand: 'visa',
      last4,
      expMonth: 12,
      expYear: 2030,
    })
    mock.state.setCardDeclines(card === 'declined')
    mock.state.setCardAsksAuthentication(card === 'authenticationRequired')
    return
  }
  const response = await fetch(TEST_CARD_PATH, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ card }),
  })
  if (!response.ok) throw new Error(`The dev server answered ${response.status}.`)
}

interface CardDialogProps {
  mock: PaygMock
  onClose: () => void
}

/** The card form, modal: pick a test card and save it, or Cancel (Escape) to keep the one saved. */
function CardDialog({ mock, onClose }: CardDialogProps): ReactNode {
  const id = useId()
  const text = cardText(usePaygMessages().locale)
  const queryClient = useQueryClient()
  const saved = usePaymentMethod().data
  const [picked, setPicked] = useState<TestCard | null>(null)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState(false)
  const cards = __PAYG_BILLING_SERVER__ === null ? MOCK_CARDS : TEST_CARD_NAMES
  const current = cards.find((card) => TEST_CARD_DIGITS[card] === saved?.last4) ?? null
  const choice = picked ?? current ?? cards[0]
  // The picked card's radio takes the focus, as in any radio group.
  const modal = useModal(busy, onClose, () =>
    modal.ref.current?.querySelector<HTMLInputElement>('input:checked'),
  )

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (busy || choice === undefined) return
    setBusy(true)
    setProblem(false)
    try {
      await saveCard(mock, choice)
      // Every widget that shows the card, or what it can pay, asks again, and draws it before
      // the dialog closes: focus then goes back to what is on the page.
      await queryClient.invalidateQueries()
      await new Promise((drawn) => requestAnimationFrame(() => setTimeout(drawn)))
    } catch {
      setProblem(true)
      setBusy(false)
      return
    }
    modal.close()
  }

  return (
    <ModalDialog
      modal={modal}
      busy={busy}
      kicker={text.kicker}
      title={text.title}
      description={<p className="payg-muted">{text.note}</p>}
      problem={problem ? text.problem : null}
      onSubmit={(event) => void submit(event)}
      actions={
        <>
          <button
            type="button"
            className="payg-button"
            data-variant="secondary"
            aria-disabled={busy || undefined}
            onClick={() => {
              if (!busy) modal.close()
            }}
          >
            {text.cancel}
          </button>
          <button type="submit" className="payg-button" aria-disabled={busy || undefined}>
            {text.save}
          </button>
        </>
      }
    >
      <fieldset className="playground__cards">
        <legend className="payg-label">{text.legend}</legend>
        {cards.map((card) => (
          <label key={card} className="playground__card-option">
            <input
              type="radio"
              name={`${id}-card`}
              value={card}
              checked={choice === card}
              onChange={() => {
                if (!busy) setPicked(card)
              }}
            />
            <span className="playground__card-text">
              <strong className="payg-amount" aria-hidden="true">
                Visa •••• {TEST_CARD_DIGITS[card]}
              </strong>
              <span className="payg-visually-hidden">
                {text.cardName.replace('{last4}', TEST_CARD_DIGITS[card])}
              </span>
              <span className="payg-muted">{text[card]}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </ModalDialog>
  )
}

/** The card form's strings, in English. */
const en = {
  kicker: 'Test card form',
  cardName: 'Visa ending in {last4},',
  title: 'Payment method',
  note: 'This form stands in for your card flow (Stripe Elements, say). The card you save pays for top-ups and auto top-up.',
  legend: 'Card',
  visa: 'payments succeed',
  declined: 'payments are declined',
  insufficientFunds: 'declined for insufficient funds',
  authenticationRequired: 'asks for 3-D Secure',
  cancel: 'Cancel',
  save: 'Save card',
  problem: 'The card was not saved. Try again, or reload the page.',
}

/** The card form in each locale the widgets ship a catalog for. */
const catalogs: Record<PaygLocale, typeof en> = {
  de: {
    kicker: 'Testformular für Karten',
    cardName: 'Visa mit Endziffern {last4},',
    title: 'Zahlungsmethode',
    note: 'Dieses Formular steht für deinen Kartenablauf (etwa Stripe Elements). Mit der gespeicherten Karte werden Aufladungen und automatisches Aufladen bezahlt.',
    legend: 'Karte',
    visa: 'Zahlungen gehen durch',
    declined: 'Zahlungen werden abgelehnt',
    insufficientFunds: 'abgelehnt wegen fehlender Deckung',
    authenticationRequired: 'fragt nach 3-D Secure',
    cancel: 'Abbrechen',
    save: 'Karte speichern',
    problem: 'Die Karte wurde nicht gespeichert. Erneut versuchen oder die Seite neu laden.',
  },
  fr: {
    kicker: 'Formulaire de carte de test',
    cardName: 'Visa se terminant par {last4},',
    title: 'Moyen de paiement',
    note: 'Ce formulaire tient lieu de votre parcours de carte (Stripe Elements, par exemple). La carte enregistrée paie les rechargements, manuels et automatiques.',
    legend: 'Carte',
    visa: 'les paiements passent',
    declined: 'les paiements sont refusés',
    insufficientFunds: 'refusée pour provision insuffisante',
    authenticationRequired: 'demande 3-D Secure',
    cancel: 'Annuler',
    save: 'Enregistrer la carte',
    problem: 'La carte n’a pas été enregistrée. Réessayez, ou rechargez la page.',
  },
  es: {
    kicker: 'Formulario de tarjeta de prueba',
    cardName: 'Visa terminada en {last4},',
    title: 'Método de pago',
    note: 'Este formulario hace las veces de tu flujo de tarjetas (Stripe Elements, por ejemplo). La tarjeta que guardes paga las recargas, manuales y automáticas.',
    legend: 'Tarjeta',
    visa: 'los pagos se aprueban',
    declined: 'los pagos se rechazan',
    insufficientFunds: 'rechazada por fondos insuficientes',
    authenticationRequired: 'pide 3-D Secure',
    cancel: 'Cancelar',
    save: 'Guardar tarjeta',
    problem: 'La tarjeta no se guardó. Vuelve a intentarlo o recarga la página.',
  },
  ja: {
    kicker: 'テスト用カードフォーム',
    cardName: '末尾 {last4} の Visa、',
    title: '支払い方法',
    note: 'このフォームは、アプリのカード登録フロー（Stripe Elements など）の代わりです。保存したカードで手動・自動のチャージを支払います。',
    legend: 'カード',
    visa: '支払いは成功します',
    declined: '支払いは拒否されます',
    insufficientFunds: '残高不足で拒否されます',
    authenticationRequired: '3-D セキュアを求めます',
    cancel: 'キャンセル',
    save: 'カードを保存',
    problem:
      'カードは保存されませんでした。もう一度お試しいただくか、ページを再読み込みしてください。',
  },
  'pt-BR': {
    kicker: 'Formulário de cartão de teste',
    cardName: 'Visa com final {last4},',
    title: 'Forma de pagamento',
    note: 'Este formulário faz as vezes do seu fluxo de cartão (Stripe Elements, por exemplo). O cartão salvo paga as recargas, manuais e automáticas.',
    legend: 'Cartão',
    visa: 'os pagamentos são aprovados',
    declined: 'os pagamentos são recusados',
    insufficientFunds: 'recusado por saldo insuficiente',
    authenticationRequired: 'pede 3-D Secure',
    cancel: 'Cancelar',
    save: 'Salvar cartão',
    problem: 'O cartão não foi salvo. Tente de novo ou recarregue a página.',
  },
}

/** The card form's strings for `locale`, else English. */
const cardText = pageText(en, catalogs)
