import type { transactionHistoryMessages } from '../../TransactionHistory/TransactionHistory'
import type { CatalogPart } from '../catalogPart'

/** TransactionHistory's strings in French. */
const transactionHistory: CatalogPart<typeof transactionHistoryMessages> = {
  'transactionHistory.title': 'Transactions',
  'transactionHistory.filter': 'Type',
  'transactionHistory.allTypes': 'Tous les types',
  'transactionHistory.type.TOP_UP': 'Recharge',
  'transactionHistory.type.AUTO_TOP_UP': 'Recharge automatique',
  'transactionHistory.type.USAGE': 'Utilisation',
  'transactionHistory.type.MIGRATION_CREDIT': 'Crédits du forfait convertis',
  'transactionHistory.type.FREE_CREDIT': 'Crédit offert',
  'transactionHistory.type.ADJUSTMENT': 'Ajustement',
  'transactionHistory.type.REFUND': 'Remboursement',
  'transactionHistory.date': 'Date',
  'transactionHistory.typeColumn': 'Type',
  'transactionHistory.description': 'Description',
  'transactionHistory.amount': 'Montant',
  'transactionHistory.balanceAfter': 'Solde après',
  'transactionHistory.loading': 'Chargement des transactions…',
  'transactionHistory.empty': 'Aucune transaction pour l’instant.',
  'transactionHistory.emptyHint':
    'Pour commencer, ajoutez des fonds avec une recharge\u00a0: chaque recharge, requête facturée et crédit s’affichera ensuite ici, avec le solde qui en résulte.',
  'transactionHistory.emptyFiltered':
    'Aucune transaction de type «\u00a0{type}\u00a0» pour l’instant.',
  'transactionHistory.emptyFilteredHint': 'D’autres types contiennent peut-être des entrées.',
  'transactionHistory.showAll': 'Afficher tous les types',
  'transactionHistory.balanceShort': 'Solde',
  'transactionHistory.error': 'Impossible de charger les transactions.',
  'transactionHistory.retry': 'Réessayer',
  'transactionHistory.loadMore': 'Afficher plus',
  'transactionHistory.loadingMore': 'Chargement…',
  'transactionHistory.loadMoreError': 'Impossible de charger plus de transactions. Réessayez.',
  'transactionHistory.loadedOne': '1 transaction de plus chargée',
  'transactionHistory.loadedMany':
    '{count, plural, one {# transaction de plus chargée} other {# transactions de plus chargées}}',
  'transactionHistory.export': 'Exporter en CSV',
  'transactionHistory.exporting': 'Export… {count, plural, one {# ligne} other {# lignes}}',
  'transactionHistory.cancelExport': 'Annuler l’export',
  'transactionHistory.exportCancelled': 'Export annulé\u00a0: rien n’a été téléchargé.',
  'transactionHistory.exportError':
    'L’export s’est arrêté, car des transactions n’ont pas pu être chargées\u00a0: rien n’a été téléchargé.',
  'transactionHistory.exported':
    '{count, plural, one {# transaction exportée} other {# transactions exportées}}',
}

export default transactionHistory
