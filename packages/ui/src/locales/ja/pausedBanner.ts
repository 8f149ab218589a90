import type { pausedBannerMessages } from '../../PausedBanner/PausedBanner'
import type { CatalogPart } from '../catalogPart'

/** PausedBanner's strings in Japanese. */
const pausedBanner: CatalogPart<typeof pausedBannerMessages> = {
  'pausedBanner.title': 'リクエストを停止しています',
  'pausedBanner.body':
    '残高がなくなったため、チャージするまで新しいリクエストはお断りしています（料金は発生しません）。',
  'pausedBanner.shortfall':
    '直前のリクエストには {required} が必要でしたが、残高は {balance} で、{shortfall} 不足していました。',
  'pausedBanner.topUp': 'チャージ',
  'pausedBanner.resumed':
    'チャージが完了し、リクエストを再開しました。現在の残高は {balance} です。',
}

export default pausedBanner
