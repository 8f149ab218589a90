import type { topUpFormMessages } from '../../TopUpForm/TopUpForm'
import type { CatalogPart } from '../catalogPart'

/** TopUpForm's strings in German. */
const topUpForm: CatalogPart<typeof topUpFormMessages> = {
  'topUpForm.title': 'Guthaben aufladen',
  'topUpForm.presets': 'Betrag wählen',
  'topUpForm.amount': 'Betrag (USD)',
  'topUpForm.hint': 'Ganze Dollarbeträge von {min} bis {max}.',
  'topUpForm.errorEmpty': 'Betrag eingeben.',
  'topUpForm.errorMin': 'Die Mindestaufladung beträgt {min}.',
  'topUpForm.errorMax': 'Die Höchstaufladung beträgt {max}.',
  'topUpForm.errorServer': 'Der Server hat diesen Betrag nicht akzeptiert.',
  'topUpForm.card': 'Zahlung mit {brand} auf {last4}, gültig bis {expiry}',
  'topUpForm.cardLoading': 'Zahlungsmethode wird geladen …',
  'topUpForm.cardError': 'Die gespeicherte Karte konnte nicht geladen werden.',
  'topUpForm.noCard': 'Keine Karte hinterlegt: Vor dem Aufladen eine Zahlungsmethode hinzufügen.',
  'topUpForm.balanceNow': 'Aktuelles Guthaben',
  'topUpForm.balanceAfter': 'Guthaben nach Aufladung',
  'topUpForm.submit': '{amount} aufladen',
  'topUpForm.submitNoAmount': 'Guthaben aufladen',
  'topUpForm.pending': '{amount} werden aufgeladen …',
  'topUpForm.success': '{amount} aufgeladen. Neues Guthaben: {balance}.',
  'topUpForm.successNoBalance': '{amount} aufgeladen.',
  'topUpForm.reference': 'Referenz: {id}',
  'topUpForm.again': 'Erneut aufladen',
  'topUpForm.changeCard': 'Ändern',
  'topUpForm.addCard': 'Karte hinzufügen',
  'topUpForm.updateCard': 'Andere Karte verwenden',
  'topUpForm.confirmationTitle': 'Guthaben aufgeladen',
  'topUpForm.amountAdded': 'Aufgeladener Betrag',
  'topUpForm.newBalance': 'Neues Guthaben',
  'topUpForm.referenceLabel': 'Referenz',
  'topUpForm.checking':
    'Die Antwort ist unterwegs verloren gegangen. Es wird geprüft, ob die Aufladung durchgegangen ist …',
  'topUpForm.unknown':
    'Ob die Aufladung durchgegangen ist, ließ sich nicht bestätigen – sie wurde möglicherweise belastet. Vor einem neuen Versuch erneut prüfen: Nichts wird doppelt belastet.',
  'topUpForm.checkAgain': 'Erneut prüfen',
  'topUpForm.offline':
    'Keine Internetverbindung, daher wurde nichts gesendet oder belastet. Verbindung herstellen und erneut versuchen.',
  'topUpForm.declined':
    'Die Karte wurde abgelehnt, es wurde nichts belastet. Erneut versuchen oder eine andere Karte verwenden.',
  'topUpForm.noPaymentMethod':
    'Keine Karte hinterlegt, es wurde nichts belastet. Zahlungsmethode hinzufügen und erneut versuchen.',
  'topUpForm.failed':
    'Die Aufladung ist fehlgeschlagen, es wurde nichts belastet. Bitte erneut versuchen.',
  'topUpForm.authenticate':
    'Die Bank verlangt eine Bestätigung dieser Zahlung. Bisher wurde nichts belastet.',
  'topUpForm.authenticateElsewhere':
    'Die Bank verlangt eine Bestätigung dieser Zahlung. In der Banking-App bestätigen und dann erneut versuchen. Bisher wurde nichts belastet.',
  'topUpForm.confirmPayment': 'Zahlung bestätigen',
  'topUpForm.tryAgain': 'Erneut versuchen',
  'topUpForm.authenticating': 'Warten auf die Bestätigung der Bank …',
}

export default topUpForm
