import type { balanceBadgeMessages } from '../../BalanceBadge/BalanceBadge'
import type { CatalogPart } from '../catalogPart'

/** BalanceBadge's strings in Japanese. */
const balanceBadge: CatalogPart<typeof balanceBadgeMessages> = {
  'balanceBadge.label': '残高',
  'balanceBadge.creditsLabel': 'プランのクレジット',
  'balanceBadge.loading': '残高を読み込んでいます…',
  'balanceBadge.low': '残りわずか',
  'balanceBadge.paused': 'リクエスト停止中',
  'balanceBadge.error': '残高を表示できません',
  'balanceBadge.retry': '再試行',
  'balanceBadge.topUp': 'チャージ',
  'balanceBadge.announce': '現在の残高は {amount} です',
}

export default balanceBadge
