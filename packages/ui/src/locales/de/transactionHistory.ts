import type { transactionHistoryMessages } from '../../TransactionHistory/TransactionHistory'
import type { CatalogPart } from '../catalogPart'

/** TransactionHistory's strings in German. */
const transactionHistory: CatalogPart<typeof transactionHistoryMessages> = {
  'transactionHistory.title': 'Transaktionen',
  'transactionHistory.filter': 'Art',
  'transactionHistory.allTypes': 'Alle Arten',
  'transactionHistory.type.TOP_UP': 'Aufladung',
  'transactionHistory.type.AUTO_TOP_UP': 'Automatische Aufladung',
  'transactionHistory.type.USAGE': 'Nutzung',
  'transactionHistory.type.MIGRATION_CREDIT': 'Umgewandelte Tarif-Credits',
  'transactionHistory.type.FREE_CREDIT': 'Gratisguthaben',
  'transactionHistory.type.ADJUSTMENT': 'Korrektur',
  'transactionHistory.type.REFUND': 'Erstattung',
  'transactionHistory.date': 'Datum',
  'transactionHistory.typeColumn': 'Art',
  'transactionHistory.description': 'Beschreibung',
  'transactionHistory.amount': 'Betrag',
  'transactionHistory.balanceAfter': 'Guthaben danach',
  'transactionHistory.loading': 'Transaktionen werden geladen …',
  'transactionHistory.empty': 'Noch keine Transaktionen.',
  'transactionHistory.emptyHint':
    'Zum Start Guthaben aufladen: Danach erscheint hier jede Aufladung, jede Belastung für Anfragen und jede Gutschrift, jeweils mit dem Guthaben danach.',
  'transactionHistory.emptyFiltered': 'Noch keine Transaktionen der Art „{type}“.',
  'transactionHistory.emptyFilteredHint': 'Andere Arten enthalten möglicherweise Einträge.',
  'transactionHistory.showAll': 'Alle Arten anzeigen',
  'transactionHistory.balanceShort': 'Guthaben',
  'transactionHistory.error': 'Die Transaktionen konnten nicht geladen werden.',
  'transactionHistory.retry': 'Erneut versuchen',
  'transactionHistory.loadMore': 'Mehr laden',
  'transactionHistory.loadingMore': 'Wird geladen …',
  'transactionHistory.loadMoreError':
    'Weitere Transaktionen konnten nicht geladen werden. Bitte erneut versuchen.',
  'transactionHistory.loadedOne': '1 weitere Transaktion geladen',
  'transactionHistory.loadedMany':
    '{count, plural, one {# weitere Transaktion} other {# weitere Transaktionen}} geladen',
  'transactionHistory.export': 'Als CSV exportieren',
  'transactionHistory.exporting': 'Export läuft … {count, plural, one {# Zeile} other {# Zeilen}}',
  'transactionHistory.cancelExport': 'Export abbrechen',
  'transactionHistory.exportCancelled': 'Export abgebrochen: Es wurde nichts heruntergeladen.',
  'transactionHistory.exportError':
    'Der Export wurde abgebrochen, weil Transaktionen nicht geladen werden konnten. Es wurde nichts heruntergeladen.',
  'transactionHistory.exported':
    '{count, plural, one {# Transaktion} other {# Transaktionen}} exportiert',
}

export default transactionHistory
