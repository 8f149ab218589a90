import type { billingNoticeMessages } from '../../billingNoticeMessages'
import type { commonMessages } from '../../useFormat'
import type { moneyInputMessages } from '../../useMoneyInputMessage'
import type { widgetErrorMessages } from '../../withErrorBoundary'
import type { CatalogPart } from '../catalogPart'

/** The Japanese strings every widget shares: amounts, money fields, the error state and the billing notice. */
const shared: CatalogPart<
  typeof commonMessages &
    typeof widgetErrorMessages &
    typeof moneyInputMessages &
    typeof billingNoticeMessages
> = {
  'common.credits': '{count, plural, other {クレジット}}',
  'billingNotice.title.topUp': 'チャージは Leonardo で管理します',
  'billingNotice.title.autoTopUp': '自動チャージは Leonardo で管理します',
  'billingNotice.title.transactions': '取引は Leonardo で確認できます',
  'billingNotice.title.usage': '利用額の推移は Leonardo で確認できます',
  'billingNotice.title.migration': 'プランの変更は Leonardo で行います',
  'billingNotice.body':
    'この API には請求用のエンドポイントがありません。請求は Leonardo のウェブアプリの「API Access」タブで管理します。',
  'billingNotice.link': '「API Access」タブを開く',
  'moneyInput.empty': '金額を入力してください。',
  'moneyInput.negative': '金額にマイナスは使えません。',
  'moneyInput.notANumber': '{example} のように金額を数字で入力してください。',
  'moneyInput.digits':
    '「{found}」は数字として読み取れません。{example} のように数字で入力してください。',
  'moneyInput.exponent': '指数を使わずに、{example} のように金額を省略せず入力してください。',
  'moneyInput.currency': '金額は米ドルです。「{found}」を外してください。',
  'moneyInput.multipleDecimals': '小数点は {example} のように 1 つまでにしてください。',
  'moneyInput.grouping':
    '区切り文字を確認してください。{example} と入力するか、区切りを付けずに入力してください。',
  'moneyInput.didYouMean': '{amount} ですか？',
  'moneyInput.didYouMeanEither': '{first} と {second} のどちらですか？',
  'moneyInput.cents': 'ドル単位の整数で入力してください（セントは不要です）。',
  'moneyInput.tooManyDecimals': '小数点以下は {digits} 桁までにしてください。',
  'widget.error': 'サーバーから読み取れないデータが届いたため、表示できません。',
  'widget.retry': '再試行',
  'widget.errorInline': '利用できません',
}

export default shared
