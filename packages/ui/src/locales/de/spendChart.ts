import type { spendChartMessages } from '../../SpendChart/SpendChart'
import type { CatalogPart } from '../catalogPart'

/** SpendChart's strings in German. */
const spendChart: CatalogPart<typeof spendChartMessages> = {
  'spendChart.title': 'Ausgaben nach Dienst',
  'spendChart.range': '{days, plural, one {Letzter Tag} other {Letzte # Tage}}',
  'spendChart.summary': 'Ausgaben vom {from} bis {to}: insgesamt {total}.',
  'spendChart.barTitle': '{date}: {total}',
  'spendChart.loading': 'Ausgaben werden geladen …',
  'spendChart.empty':
    '{days, plural, one {Keine Nutzung am letzten Tag.} other {Keine Nutzung in den letzten # Tagen.}}',
  'spendChart.emptyHint':
    'Jede Anfrage, die die App mit ihrem API-Schlüssel stellt, erscheint hier nach Tag und Dienst – mit ihren Kosten.',
  'spendChart.totalLabel': 'Gesamtausgaben',
  'spendChart.axisY':
    '{span, plural, =1 {Ausgaben pro Tag} =7 {Ausgaben pro Woche} other {Ausgaben pro Monat}}',
  'spendChart.axisYCredits':
    '{span, plural, =1 {Credits pro Tag} =7 {Credits pro Woche} other {Credits pro Monat}}',
  'spendChart.axisX': '{span, plural, =1 {Tag (UTC)} =7 {Woche (UTC)} other {Monat (UTC)}}',
  'spendChart.keys': 'Mit den Pfeiltasten nach links und rechts Balken für Balken durchgehen.',
  'spendChart.requestsCount': '{count, plural, one {# Anfrage} other {# Anfragen}}',
  'spendChart.error': 'Die Ausgaben konnten nicht geladen werden.',
  'spendChart.retry': 'Erneut versuchen',
  'spendChart.legend': 'Dienste',
  'spendChart.showTable': 'Als Tabelle anzeigen',
  'spendChart.date': 'Datum',
  'spendChart.total': 'Gesamt',
  'spendChart.requests': 'Anfragen',
  'spendChart.service.IMAGE_GENERATION': 'Bildgenerierung',
  'spendChart.service.FANTASY_AVATAR_GENERATION': 'Fantasy-Avatar',
  'spendChart.service.MOTION_SVD_GENERATION': 'Motion (SVD)',
  'spendChart.service.MOTION_VIDEO_GENERATION': 'Motion-Video',
  'spendChart.service.VEO3_MOTION_VIDEO_GENERATION': 'Veo-3-Video',
  'spendChart.service.LCM_GENERATION': 'Echtzeit-Canvas (LCM)',
  'spendChart.service.MODEL_TRAINING': 'Modelltraining',
  'spendChart.service.TEXTURE_GENERATION': 'Texturgenerierung',
  'spendChart.service.UNIVERSAL_UPSCALER': 'Universal Upscaler',
  'spendChart.service.UNIVERSAL_UPSCALER_ULTRA': 'Universal Upscaler Ultra',
  'spendChart.service.OTHER': 'Sonstige Dienste',
}

export default spendChart
