import type { migrationPanelMessages } from '../../MigrationPanel/MigrationPanel'
import type { CatalogPart } from '../catalogPart'

/** MigrationPanel's strings in Japanese. */
const migrationPanel: CatalogPart<typeof migrationPanelMessages> = {
  'migrationPanel.title': '従量課金に切り替える',
  'migrationPanel.loading': 'プランを読み込んでいます…',
  'migrationPanel.error': 'プランを読み込めませんでした。',
  'migrationPanel.previewError': '切り替え後の内容を読み込めませんでした。',
  'migrationPanel.retry': '再試行',
  'migrationPanel.plan': '現在のプラン',
  'migrationPanel.planName': 'プラン',
  'migrationPanel.monthlyPrice': '月額料金',
  'migrationPanel.creditsLeft': '残りのクレジット',
  'migrationPanel.creditsOf': '{left} / {total}',
  'migrationPanel.renews': '更新日',
  'migrationPanel.preview': '今すぐ切り替えた場合',
  'migrationPanel.converted': '変換されるクレジット',
  'migrationPanel.conversion': '{credits} × {rate} = {amount}',
  'migrationPanel.balanceAfter': '切り替え後の残高',
  'migrationPanel.neverExpires':
    'ドル残高に有効期限はありません。使った分だけお支払いいただきます。',
  'migrationPanel.last30Days': '過去 30 日間を従量課金で計算した場合',
  'migrationPanel.usage':
    '{requests, plural, other {# 件のリクエスト}}で {credits} を使用しました。従量課金なら {payg} でした（プランの月額は {price}）。',
  'migrationPanel.paygCheaper': '従量課金のほうが {difference} 安くなっていました。',
  'migrationPanel.planCheaper': '現在のプランのほうが {difference} 安くなっていました。',
  'migrationPanel.same': 'どちらも同じ金額でした。',
  'migrationPanel.customPricing': '個別の料金契約はそのまま維持されます。',
  'migrationPanel.start': '従量課金に切り替える…',
  'migrationPanel.confirmQuestion': '{plan} を解約し、{credits} を {amount} に変換しますか？',
  'migrationPanel.confirmNote':
    'この操作は取り消せません。切り替え中もリクエストは引き続き処理されます。',
  'migrationPanel.confirm': '今すぐ切り替える',
  'migrationPanel.confirming': '切り替えています…',
  'migrationPanel.cancel': 'キャンセル',
  'migrationPanel.migrateError':
    '切り替えが完了しませんでした。クレジットの変換は 1 回だけなので、安心して再試行できます。',
  'migrationPanel.alreadyOnPayg':
    'このアカウントはすでに従量課金です。プランのクレジットの変換は 1 回だけで、ほかに変更はありません。',
  'migrationPanel.done': '従量課金に切り替わりました',
  'migrationPanel.doneSummary':
    'プランのクレジットは {amount} になりました。現在の残高は {balance} です。',
  'migrationPanel.payg': '従量課金をご利用中です',
  'migrationPanel.paygNote': 'リクエストごとに、有効期限のないドル残高からお支払いいただきます。',
  'migrationPanel.entry': '取引記録',
  'migrationPanel.entryDate': '日付',
  'migrationPanel.entryDescription': '内容',
  'migrationPanel.entryAmount': '金額',
}

export default migrationPanel
