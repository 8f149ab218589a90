import type { topUpFormMessages } from '../../TopUpForm/TopUpForm'
import type { CatalogPart } from '../catalogPart'

/** TopUpForm's strings in Japanese. */
const topUpForm: CatalogPart<typeof topUpFormMessages> = {
  'topUpForm.title': 'チャージ',
  'topUpForm.presets': '金額を選択',
  'topUpForm.amount': '金額（USD）',
  'topUpForm.hint': 'ドル単位の整数で {min}～{max}。',
  'topUpForm.errorEmpty': '金額を入力してください。',
  'topUpForm.errorMin': 'チャージ額の下限は {min} です。',
  'topUpForm.errorMax': 'チャージ額の上限は {max} です。',
  'topUpForm.errorServer': 'この金額はサーバーで受け付けられませんでした。',
  'topUpForm.card': '{brand}（末尾 {last4}、有効期限 {expiry}）で支払います',
  'topUpForm.cardLoading': 'お支払い方法を読み込んでいます…',
  'topUpForm.cardError': '登録済みのカードを読み込めませんでした。',
  'topUpForm.noCard':
    'カードが登録されていません。チャージする前にお支払い方法を追加してください。',
  'topUpForm.balanceNow': '現在の残高',
  'topUpForm.balanceAfter': 'チャージ後の残高',
  'topUpForm.submit': '{amount} をチャージ',
  'topUpForm.submitNoAmount': 'チャージする',
  'topUpForm.pending': '{amount} をチャージしています…',
  'topUpForm.success': '{amount} をチャージしました。新しい残高は {balance} です。',
  'topUpForm.successNoBalance': '{amount} をチャージしました。',
  'topUpForm.reference': '参照番号：{id}',
  'topUpForm.again': 'もう一度チャージ',
  'topUpForm.changeCard': '変更',
  'topUpForm.addCard': 'カードを追加',
  'topUpForm.updateCard': '別のカードを使う',
  'topUpForm.confirmationTitle': 'チャージが完了しました',
  'topUpForm.amountAdded': 'チャージ額',
  'topUpForm.newBalance': '新しい残高',
  'topUpForm.referenceLabel': '参照番号',
  'topUpForm.checking': '応答が途中で失われました。チャージが完了したか確認しています…',
  'topUpForm.unknown':
    'チャージが完了したか確認できませんでした。請求されている可能性があります。別の金額を試す前に、もう一度確認してください（二重に請求されることはありません）。',
  'topUpForm.checkAgain': 'もう一度確認',
  'topUpForm.offline':
    'オフラインのため、送信も請求もされていません。接続を回復してから、もう一度お試しください。',
  'topUpForm.declined':
    'カードが拒否されたため、請求はされていません。もう一度試すか、別のカードをご利用ください。',
  'topUpForm.noPaymentMethod':
    'カードが登録されていないため、請求はされていません。お支払い方法を追加してから、もう一度お試しください。',
  'topUpForm.failed': 'チャージできませんでした。請求はされていません。もう一度お試しください。',
  'topUpForm.authenticate':
    'カード発行会社がこの支払いの本人確認を求めています。まだ請求はされていません。',
  'topUpForm.authenticateElsewhere':
    'カード発行会社がこの支払いの本人確認を求めています。銀行のアプリで承認してから、もう一度お試しください。まだ請求はされていません。',
  'topUpForm.confirmPayment': '支払いを承認',
  'topUpForm.tryAgain': 'もう一度試す',
  'topUpForm.authenticating': 'カード発行会社による承認を待っています…',
}

export default topUpForm
