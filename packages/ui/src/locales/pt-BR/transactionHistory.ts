import type { transactionHistoryMessages } from '../../TransactionHistory/TransactionHistory'
import type { CatalogPart } from '../catalogPart'

/** TransactionHistory's strings in Brazilian Portuguese. */
const transactionHistory: CatalogPart<typeof transactionHistoryMessages> = {
  'transactionHistory.title': 'Transações',
  'transactionHistory.filter': 'Tipo',
  'transactionHistory.allTypes': 'Todos os tipos',
  'transactionHistory.type.TOP_UP': 'Recarga',
  'transactionHistory.type.AUTO_TOP_UP': 'Recarga automática',
  'transactionHistory.type.USAGE': 'Uso',
  'transactionHistory.type.MIGRATION_CREDIT': 'Créditos do plano convertidos',
  'transactionHistory.type.FREE_CREDIT': 'Crédito gratuito',
  'transactionHistory.type.ADJUSTMENT': 'Ajuste',
  'transactionHistory.type.REFUND': 'Reembolso',
  'transactionHistory.date': 'Data',
  'transactionHistory.typeColumn': 'Tipo',
  'transactionHistory.description': 'Descrição',
  'transactionHistory.amount': 'Valor',
  'transactionHistory.balanceAfter': 'Saldo depois',
  'transactionHistory.loading': 'Carregando transações…',
  'transactionHistory.empty': 'Nenhuma transação ainda.',
  'transactionHistory.emptyHint':
    'Para começar, adicione fundos com uma recarga: cada recarga, cobrança de solicitação e crédito aparecerá aqui, com o saldo logo depois.',
  'transactionHistory.emptyFiltered': 'Nenhuma transação do tipo “{type}” ainda.',
  'transactionHistory.emptyFilteredHint': 'Outros tipos podem ter lançamentos.',
  'transactionHistory.showAll': 'Mostrar todos os tipos',
  'transactionHistory.balanceShort': 'Saldo',
  'transactionHistory.error': 'Não foi possível carregar as transações.',
  'transactionHistory.retry': 'Tentar novamente',
  'transactionHistory.loadMore': 'Carregar mais',
  'transactionHistory.loadingMore': 'Carregando mais…',
  'transactionHistory.loadMoreError': 'Não foi possível carregar mais transações. Tente novamente.',
  'transactionHistory.loadedOne': 'Mais 1 transação carregada',
  'transactionHistory.loadedMany':
    '{count, plural, one {Mais # transação carregada} other {Mais # transações carregadas}}',
  'transactionHistory.export': 'Exportar CSV',
  'transactionHistory.exporting': 'Exportando… {count, plural, one {# linha} other {# linhas}}',
  'transactionHistory.cancelExport': 'Cancelar exportação',
  'transactionHistory.exportCancelled': 'Exportação cancelada: nada foi baixado.',
  'transactionHistory.exportError':
    'A exportação parou porque não foi possível carregar as transações, então nada foi baixado.',
  'transactionHistory.exported':
    '{count, plural, one {# transação exportada} other {# transações exportadas}}',
}

export default transactionHistory
