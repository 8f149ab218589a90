import type { transactionHistoryMessages } from '../../TransactionHistory/TransactionHistory'
import type { CatalogPart } from '../catalogPart'

/** TransactionHistory's strings in Japanese. */
const transactionHistory: CatalogPart<typeof transactionHistoryMessages> = {
  'transactionHistory.title': '取引履歴',
  'transactionHistory.filter': '種類',
  'transactionHistory.allTypes': 'すべての種類',
  'transactionHistory.type.TOP_UP': 'チャージ',
  'transactionHistory.type.AUTO_TOP_UP': '自動チャージ',
  'transactionHistory.type.USAGE': '利用',
  'transactionHistory.type.MIGRATION_CREDIT': 'プランのクレジットを変換',
  'transactionHistory.type.FREE_CREDIT': '無料クレジット',
  'transactionHistory.type.ADJUSTMENT': '調整',
  'transactionHistory.type.REFUND': '返金',
  'transactionHistory.date': '日付',
  'transactionHistory.typeColumn': '種類',
  'transactionHistory.description': '内容',
  'transactionHistory.amount': '金額',
  'transactionHistory.balanceAfter': '取引後の残高',
  'transactionHistory.loading': '取引を読み込んでいます…',
  'transactionHistory.empty': 'まだ取引はありません。',
  'transactionHistory.emptyHint':
    'まずはチャージして残高を追加してください。チャージ、リクエストの請求、クレジットがすべて、その時点の残高とともにここに表示されます。',
  'transactionHistory.emptyFiltered': '「{type}」の取引はまだありません。',
  'transactionHistory.emptyFilteredHint': 'ほかの種類には取引があるかもしれません。',
  'transactionHistory.showAll': 'すべての種類を表示',
  'transactionHistory.balanceShort': '残高',
  'transactionHistory.error': '取引を読み込めませんでした。',
  'transactionHistory.retry': '再試行',
  'transactionHistory.loadMore': 'さらに読み込む',
  'transactionHistory.loadingMore': '読み込んでいます…',
  'transactionHistory.loadMoreError': '続きの取引を読み込めませんでした。もう一度お試しください。',
  'transactionHistory.loadedOne': '取引を 1 件追加で読み込みました',
  'transactionHistory.loadedMany': '{count, plural, other {取引を # 件追加で読み込みました}}',
  'transactionHistory.export': 'CSV をエクスポート',
  'transactionHistory.exporting': 'エクスポートしています… {count, plural, other {# 行}}',
  'transactionHistory.cancelExport': 'エクスポートを中止',
  'transactionHistory.exportCancelled':
    'エクスポートを中止しました。ダウンロードはされていません。',
  'transactionHistory.exportError':
    '取引を読み込めなかったため、エクスポートを中止しました。ダウンロードはされていません。',
  'transactionHistory.exported': '{count, plural, other {# 件の取引をエクスポートしました}}',
}

export default transactionHistory
