import type { spendChartMessages } from '../../SpendChart/SpendChart'
import type { CatalogPart } from '../catalogPart'

/** SpendChart's strings in Japanese. */
const spendChart: CatalogPart<typeof spendChartMessages> = {
  'spendChart.title': 'サービス別の利用額',
  'spendChart.range': '{days, plural, other {過去 # 日間}}',
  'spendChart.summary': '{from}～{to} の利用額：合計 {total}',
  'spendChart.barTitle': '{date}：{total}',
  'spendChart.loading': '利用額を読み込んでいます…',
  'spendChart.empty': '{days, plural, other {過去 # 日間の利用はありません。}}',
  'spendChart.emptyHint':
    'アプリが API キーで送信したリクエストは、日付とサービスごとに費用とあわせてここに表示されます。',
  'spendChart.totalLabel': '利用額の合計',
  'spendChart.axisY':
    '{span, plural, =1 {1 日あたりの利用額} =7 {1 週間あたりの利用額} other {1 か月あたりの利用額}}',
  'spendChart.axisYCredits':
    '{span, plural, =1 {1 日あたりのクレジット} =7 {1 週間あたりのクレジット} other {1 か月あたりのクレジット}}',
  'spendChart.axisX': '{span, plural, =1 {日付（UTC）} =7 {週（UTC）} other {月（UTC）}}',
  'spendChart.keys': '左右の矢印キーで棒グラフを 1 本ずつ確認できます。',
  'spendChart.requestsCount': '{count, plural, other {# 件のリクエスト}}',
  'spendChart.error': '利用額を読み込めませんでした。',
  'spendChart.retry': '再試行',
  'spendChart.legend': 'サービス',
  'spendChart.showTable': '表で表示',
  'spendChart.date': '日付',
  'spendChart.total': '合計',
  'spendChart.requests': 'リクエスト数',
  'spendChart.service.IMAGE_GENERATION': '画像生成',
  'spendChart.service.FANTASY_AVATAR_GENERATION': 'ファンタジーアバター',
  'spendChart.service.MOTION_SVD_GENERATION': 'Motion（SVD）',
  'spendChart.service.MOTION_VIDEO_GENERATION': 'Motion 動画',
  'spendChart.service.VEO3_MOTION_VIDEO_GENERATION': 'Veo 3 動画',
  'spendChart.service.LCM_GENERATION': 'リアルタイムキャンバス（LCM）',
  'spendChart.service.MODEL_TRAINING': 'モデルのトレーニング',
  'spendChart.service.TEXTURE_GENERATION': 'テクスチャ生成',
  'spendChart.service.UNIVERSAL_UPSCALER': 'Universal Upscaler',
  'spendChart.service.UNIVERSAL_UPSCALER_ULTRA': 'Universal Upscaler Ultra',
  'spendChart.service.OTHER': 'その他のサービス',
}

export default spendChart
