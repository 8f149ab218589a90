import type { autoTopUpSettingsMessages } from '../../AutoTopUpSettings/AutoTopUpSettings'
import type { CatalogPart } from '../catalogPart'

/** AutoTopUpSettings's strings in Japanese. */
const autoTopUpSettings: CatalogPart<typeof autoTopUpSettingsMessages> = {
  'autoTopUpSettings.title': '自動チャージ',
  'autoTopUpSettings.description': '残高が少なくなると、登録済みのカードで自動的にチャージします。',
  'autoTopUpSettings.loading': '自動チャージの設定を読み込んでいます…',
  'autoTopUpSettings.error': '自動チャージの設定を読み込めませんでした。',
  'autoTopUpSettings.retry': '再試行',
  'autoTopUpSettings.enabled': '自動でチャージする',
  'autoTopUpSettings.threshold': 'チャージする残高の基準',
  'autoTopUpSettings.thresholdHint': 'ドル単位（整数）。',
  'autoTopUpSettings.amount': 'チャージ額',
  'autoTopUpSettings.amountHint': 'ドル単位（整数）、{min} 以上。',
  'autoTopUpSettings.cap': '月間上限（任意）',
  'autoTopUpSettings.capHint':
    '1 か月に自動チャージする上限額です。空欄にすると上限なしになります。',
  'autoTopUpSettings.capUsed': '今月の自動チャージ額：{spent}',
  'autoTopUpSettings.suggested': 'プランナーの提案値です。内容を確認してから保存してください。',
  'autoTopUpSettings.willCharge':
    '残高（{balance}）がすでに基準を下回っているため、保存するとすぐに {amount} をチャージします。',
  'autoTopUpSettings.willChargeSeveral':
    '{amount} では残高が {threshold} を下回ったままになるため、{total}（{amount} × {count} 回）をまとめてチャージします。',
  'autoTopUpSettings.willStopAtCap':
    '保存すると、月間上限の範囲で {total}（{amount} × {count} 回）をまとめてチャージしますが、残高は {threshold} を下回ったままです。基準に届くには上限を引き上げてください。',
  'autoTopUpSettings.capUsedUp':
    '月間上限に達しているため {amount} をチャージできず、残高（{balance}）は {threshold} を下回ったままです。チャージするには上限を引き上げてください。',
  'autoTopUpSettings.save': '保存',
  'autoTopUpSettings.saving': '保存しています…',
  'autoTopUpSettings.cancel': 'キャンセル',
  'autoTopUpSettings.savedOn':
    '保存しました。残高が {threshold} を下回ると {amount} をチャージします。',
  'autoTopUpSettings.savedOff': '保存しました。自動チャージはオフです。',
  'autoTopUpSettings.toppedUp': '残高に {amount} をチャージしました。',
  'autoTopUpSettings.toppedUpSeveral':
    '残高に {total}（{amount} × {count} 回）をまとめてチャージしました。',
  'autoTopUpSettings.topUpDeclined':
    '{amount} のチャージが拒否されました。カード情報を更新してください。',
  'autoTopUpSettings.turnedOff': '自動チャージはオフです。',
  'autoTopUpSettings.disabledDeclined':
    '支払いが繰り返し拒否されたため、自動チャージがオフになりました。カード情報を更新してから、もう一度オンにしてください。',
  'autoTopUpSettings.disabledNoCard':
    'カードが登録されていないため、自動チャージがオフになりました。カードを追加してから、もう一度オンにしてください。',
  'autoTopUpSettings.failures':
    '{count, plural, other {自動チャージが # 回続けて拒否されました。}}自動チャージを続けるには、カード情報を更新してください。',
  'autoTopUpSettings.lastAttempt': '前回の自動チャージ',
  'autoTopUpSettings.lastSucceeded': '成功：{date} に {amount} をチャージ',
  'autoTopUpSettings.lastDeclined': '拒否：{date} の {amount} はチャージされていません',
  'autoTopUpSettings.lastCapReached': '月間上限に到達：{date} の {amount} はチャージされていません',
  'autoTopUpSettings.noAttempt': 'まだありません。',
  'autoTopUpSettings.errorRequired': '金額をドル単位の整数で入力してください。',
  'autoTopUpSettings.errorTooLarge': '金額が大きすぎます。',
  'autoTopUpSettings.errorThresholdMin': '基準額は {min} 以上にしてください。',
  'autoTopUpSettings.errorAmountMin': 'チャージ額の下限は {min} です。',
  'autoTopUpSettings.errorAmountMax': 'チャージ額の上限は {max} です。',
  'autoTopUpSettings.errorCapBelowAmount': '月間上限はチャージ額（{amount}）以上にしてください。',
  'autoTopUpSettings.saveFailed': '設定を保存できませんでした。もう一度お試しください。',
  'autoTopUpSettings.saveDeclined':
    'カードが拒否されたため、自動チャージはオフのままです。カード情報を更新してから、もう一度お試しください。',
  'autoTopUpSettings.saveNoCard': '自動チャージをオンにする前に、カードを追加してください。',
  'autoTopUpSettings.updateCard': 'カードを更新',
  'autoTopUpSettings.addCard': 'カードを追加',
  'autoTopUpSettings.prefilled':
    '初期値を入力しました：残高が {threshold} を下回るたびに {amount} をチャージします。必要に応じて調整してから保存してください。',
  'autoTopUpSettings.turnOffFailed':
    '自動チャージをオフにできませんでした。もう一度お試しください。',
  'autoTopUpSettings.prefilledFromSpend':
    '過去 30 日間の利用額（{spent}）から算出しました：残高が {threshold}（約 3 日分）を下回るたびに {amount}（約 2 週間分）をチャージします。必要に応じて調整してから保存してください。',
}

export default autoTopUpSettings
