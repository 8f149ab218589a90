import type { migrationPanelMessages } from '../../MigrationPanel/MigrationPanel'
import type { CatalogPart } from '../catalogPart'

/** MigrationPanel's strings in German. */
const migrationPanel: CatalogPart<typeof migrationPanelMessages> = {
  'migrationPanel.title': 'Zu Pay-as-you-go wechseln',
  'migrationPanel.loading': 'Tarif wird geladen …',
  'migrationPanel.error': 'Der Tarif konnte nicht geladen werden.',
  'migrationPanel.previewError': 'Die Auswirkungen des Wechsels konnten nicht geladen werden.',
  'migrationPanel.retry': 'Erneut versuchen',
  'migrationPanel.plan': 'Aktueller Tarif',
  'migrationPanel.planName': 'Tarif',
  'migrationPanel.monthlyPrice': 'Monatspreis',
  'migrationPanel.creditsLeft': 'Verbleibende Credits',
  'migrationPanel.creditsOf': '{left} von {total}',
  'migrationPanel.renews': 'Verlängerung am',
  'migrationPanel.preview': 'Bei einem Wechsel jetzt',
  'migrationPanel.converted': 'Umgewandelte Credits',
  'migrationPanel.conversion': '{credits} zu je {rate} = {amount}',
  'migrationPanel.balanceAfter': 'Guthaben danach',
  'migrationPanel.neverExpires':
    'Das Dollarguthaben verfällt nie. Bezahlt wird nur, was tatsächlich genutzt wird.',
  'migrationPanel.last30Days': 'Die letzten 30 Tage mit Pay-as-you-go',
  'migrationPanel.usage':
    '{requests, plural, one {# Anfrage hat} other {# Anfragen haben}} {credits} verbraucht. Mit Pay-as-you-go hätte das {payg} gekostet, gegenüber {price} pro Monat im aktuellen Tarif.',
  'migrationPanel.paygCheaper': 'Pay-as-you-go wäre {difference} günstiger gewesen.',
  'migrationPanel.planCheaper': 'Der aktuelle Tarif wäre {difference} günstiger gewesen.',
  'migrationPanel.same': 'Beides hätte gleich viel gekostet.',
  'migrationPanel.customPricing': 'Die individuelle Preisvereinbarung bleibt bestehen.',
  'migrationPanel.start': 'Zu Pay-as-you-go wechseln …',
  'migrationPanel.confirmQuestion': '{plan} kündigen und {credits} in {amount} umwandeln?',
  'migrationPanel.confirmNote':
    'Dies lässt sich nicht rückgängig machen. Anfragen laufen während des Wechsels weiter.',
  'migrationPanel.confirm': 'Ja, jetzt wechseln',
  'migrationPanel.confirming': 'Wechsel läuft …',
  'migrationPanel.cancel': 'Abbrechen',
  'migrationPanel.migrateError':
    'Der Wechsel wurde nicht abgeschlossen. Ein neuer Versuch ist sicher: Credits werden nur einmal umgewandelt.',
  'migrationPanel.alreadyOnPayg':
    'Dieses Konto nutzt bereits Pay-as-you-go. Tarif-Credits werden nur einmal umgewandelt; sonst wurde nichts geändert.',
  'migrationPanel.done': 'Pay-as-you-go ist jetzt aktiv',
  'migrationPanel.doneSummary':
    'Aus den Tarif-Credits wurden {amount}. Das Guthaben beträgt jetzt {balance}.',
  'migrationPanel.payg': 'Pay-as-you-go ist aktiv',
  'migrationPanel.paygNote': 'Jede Anfrage wird vom Dollarguthaben bezahlt, das nie verfällt.',
  'migrationPanel.entry': 'Buchung',
  'migrationPanel.entryDate': 'Datum',
  'migrationPanel.entryDescription': 'Beschreibung',
  'migrationPanel.entryAmount': 'Betrag',
}

export default migrationPanel
