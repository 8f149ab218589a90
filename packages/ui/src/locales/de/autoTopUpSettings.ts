import type { autoTopUpSettingsMessages } from '../../AutoTopUpSettings/AutoTopUpSettings'
import type { CatalogPart } from '../catalogPart'

/** AutoTopUpSettings's strings in German. */
const autoTopUpSettings: CatalogPart<typeof autoTopUpSettingsMessages> = {
  'autoTopUpSettings.title': 'Automatisch aufladen',
  'autoTopUpSettings.description':
    'Lädt das Guthaben über die gespeicherte Karte auf, sobald es knapp wird.',
  'autoTopUpSettings.loading': 'Einstellungen werden geladen …',
  'autoTopUpSettings.error': 'Die Einstellungen konnten nicht geladen werden.',
  'autoTopUpSettings.retry': 'Erneut versuchen',
  'autoTopUpSettings.enabled': 'Automatisch aufladen',
  'autoTopUpSettings.threshold': 'Aufladen unter',
  'autoTopUpSettings.thresholdHint': 'Ganze Dollarbeträge.',
  'autoTopUpSettings.amount': 'Aufladebetrag',
  'autoTopUpSettings.amountHint': 'Ganze Dollarbeträge, mindestens {min}.',
  'autoTopUpSettings.cap': 'Monatslimit (optional)',
  'autoTopUpSettings.capHint':
    'Höchstbetrag, der pro Monat automatisch aufgeladen wird. Leer lassen für kein Limit.',
  'autoTopUpSettings.capUsed': 'Diesen Monat automatisch aufgeladen: {spent}.',
  'autoTopUpSettings.suggested': 'Vom Kostenplaner vorgeschlagen. Werte prüfen und speichern.',
  'autoTopUpSettings.willCharge':
    'Beim Speichern werden sofort {amount} aufgeladen, da das Guthaben ({balance}) schon unter dem Schwellenwert liegt.',
  'autoTopUpSettings.willChargeSeveral':
    'Mit {amount} bleibt das Guthaben unter {threshold}: Es werden sofort {total} aufgeladen ({count} × {amount}).',
  'autoTopUpSettings.willStopAtCap':
    'Beim Speichern werden sofort {total} aufgeladen ({count} × {amount}), so viel das Monatslimit zulässt. Das Guthaben bleibt trotzdem unter {threshold}. Für mehr das Limit erhöhen.',
  'autoTopUpSettings.capUsedUp':
    'Das Monatslimit lässt keine Aufladung von {amount} mehr zu, daher bleibt das Guthaben ({balance}) unter {threshold}. Zum Aufladen das Limit erhöhen.',
  'autoTopUpSettings.save': 'Speichern',
  'autoTopUpSettings.saving': 'Wird gespeichert …',
  'autoTopUpSettings.cancel': 'Abbrechen',
  'autoTopUpSettings.savedOn':
    'Gespeichert. Unter {threshold} werden automatisch {amount} aufgeladen.',
  'autoTopUpSettings.savedOff': 'Gespeichert. Automatisches Aufladen ist deaktiviert.',
  'autoTopUpSettings.toppedUp': '{amount} wurden dem Guthaben gutgeschrieben.',
  'autoTopUpSettings.toppedUpSeveral':
    '{total} wurden dem Guthaben auf einmal gutgeschrieben ({count} × {amount}).',
  'autoTopUpSettings.topUpDeclined':
    'Die Aufladung über {amount} wurde abgelehnt. Bitte die Karte aktualisieren.',
  'autoTopUpSettings.turnedOff': 'Automatisches Aufladen ist deaktiviert.',
  'autoTopUpSettings.disabledDeclined':
    'Automatisches Aufladen wurde nach mehreren abgelehnten Zahlungen deaktiviert. Karte aktualisieren und dann wieder aktivieren.',
  'autoTopUpSettings.disabledNoCard':
    'Automatisches Aufladen wurde deaktiviert, da keine Karte hinterlegt ist. Karte hinzufügen und dann wieder aktivieren.',
  'autoTopUpSettings.failures':
    '{count, plural, one {Eine automatische Aufladung wurde abgelehnt.} other {# automatische Aufladungen in Folge wurden abgelehnt.}} Karte aktualisieren, damit automatisches Aufladen aktiv bleibt.',
  'autoTopUpSettings.lastAttempt': 'Letzte automatische Aufladung',
  'autoTopUpSettings.lastSucceeded': 'Erfolgreich: {amount} am {date} aufgeladen',
  'autoTopUpSettings.lastDeclined': 'Abgelehnt: {amount} am {date} nicht aufgeladen',
  'autoTopUpSettings.lastCapReached': 'Monatslimit erreicht: {amount} am {date} nicht aufgeladen',
  'autoTopUpSettings.noAttempt': 'Noch keine.',
  'autoTopUpSettings.errorRequired': 'Betrag in ganzen Dollar eingeben.',
  'autoTopUpSettings.errorTooLarge': 'Dieser Betrag ist zu hoch.',
  'autoTopUpSettings.errorThresholdMin': 'Der Schwellenwert muss mindestens {min} betragen.',
  'autoTopUpSettings.errorAmountMin': 'Die Mindestaufladung beträgt {min}.',
  'autoTopUpSettings.errorAmountMax': 'Die Höchstaufladung beträgt {max}.',
  'autoTopUpSettings.errorCapBelowAmount':
    'Das Monatslimit muss mindestens dem Aufladebetrag ({amount}) entsprechen.',
  'autoTopUpSettings.saveFailed':
    'Die Einstellungen wurden nicht gespeichert. Bitte erneut versuchen.',
  'autoTopUpSettings.saveDeclined':
    'Die Karte wurde abgelehnt, daher bleibt automatisches Aufladen deaktiviert. Karte aktualisieren und erneut versuchen.',
  'autoTopUpSettings.saveNoCard': 'Vor dem Aktivieren eine Karte hinzufügen.',
  'autoTopUpSettings.updateCard': 'Karte aktualisieren',
  'autoTopUpSettings.addCard': 'Karte hinzufügen',
  'autoTopUpSettings.prefilled':
    'Ein Startwert ist eingetragen: {amount} aufladen, sobald das Guthaben unter {threshold} fällt. Anpassen und dann speichern.',
  'autoTopUpSettings.turnOffFailed':
    'Automatisches Aufladen konnte nicht deaktiviert werden. Bitte erneut versuchen.',
  'autoTopUpSettings.prefilledFromSpend':
    'Aus Ihren Ausgaben der letzten 30 Tage ({spent}): {amount} aufladen (etwa zwei Wochen Nutzung), sobald das Guthaben unter {threshold} fällt (etwa drei Tage). Anpassen und dann speichern.',
}

export default autoTopUpSettings
