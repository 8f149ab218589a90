import type { transactionHistoryMessages } from '../../TransactionHistory/TransactionHistory'
import type { CatalogPart } from '../catalogPart'

/** TransactionHistory's strings in Spanish. */
const transactionHistory: CatalogPart<typeof transactionHistoryMessages> = {
  'transactionHistory.title': 'Movimientos',
  'transactionHistory.filter': 'Tipo',
  'transactionHistory.allTypes': 'Todos los tipos',
  'transactionHistory.type.TOP_UP': 'Recarga',
  'transactionHistory.type.AUTO_TOP_UP': 'Recarga automática',
  'transactionHistory.type.USAGE': 'Uso',
  'transactionHistory.type.MIGRATION_CREDIT': 'Créditos del plan convertidos',
  'transactionHistory.type.FREE_CREDIT': 'Saldo gratuito',
  'transactionHistory.type.ADJUSTMENT': 'Ajuste',
  'transactionHistory.type.REFUND': 'Reembolso',
  'transactionHistory.date': 'Fecha',
  'transactionHistory.typeColumn': 'Tipo',
  'transactionHistory.description': 'Descripción',
  'transactionHistory.amount': 'Importe',
  'transactionHistory.balanceAfter': 'Saldo resultante',
  'transactionHistory.loading': 'Cargando movimientos…',
  'transactionHistory.empty': 'Todavía no hay movimientos.',
  'transactionHistory.emptyHint':
    'Para empezar, añade fondos con una recarga: cada recarga, cargo por solicitud y crédito aparecerá aquí con el saldo resultante.',
  'transactionHistory.emptyFiltered': 'Todavía no hay movimientos de tipo «{type}».',
  'transactionHistory.emptyFilteredHint': 'Puede que haya movimientos de otros tipos.',
  'transactionHistory.showAll': 'Mostrar todos los tipos',
  'transactionHistory.balanceShort': 'Saldo',
  'transactionHistory.error': 'No se pudieron cargar los movimientos.',
  'transactionHistory.retry': 'Reintentar',
  'transactionHistory.loadMore': 'Cargar más',
  'transactionHistory.loadingMore': 'Cargando más…',
  'transactionHistory.loadMoreError': 'No se pudieron cargar más movimientos. Inténtalo de nuevo.',
  'transactionHistory.loadedOne': 'Se cargó 1 movimiento más',
  'transactionHistory.loadedMany':
    '{count, plural, one {Se cargó # movimiento más} other {Se cargaron # movimientos más}}',
  'transactionHistory.export': 'Exportar CSV',
  'transactionHistory.exporting': 'Exportando… {count, plural, one {# fila} other {# filas}}',
  'transactionHistory.cancelExport': 'Cancelar la exportación',
  'transactionHistory.exportCancelled': 'Exportación cancelada: no se descargó nada.',
  'transactionHistory.exportError':
    'La exportación se detuvo porque no se pudieron cargar los movimientos, así que no se descargó nada.',
  'transactionHistory.exported':
    '{count, plural, one {# movimiento exportado} other {# movimientos exportados}}',
}

export default transactionHistory
