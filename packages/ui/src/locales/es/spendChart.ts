import type { spendChartMessages } from '../../SpendChart/SpendChart'
import type { CatalogPart } from '../catalogPart'

/** SpendChart's strings in Spanish. */
const spendChart: CatalogPart<typeof spendChartMessages> = {
  'spendChart.title': 'Gasto por servicio',
  'spendChart.range': '{days, plural, one {Último día} other {Últimos # días}}',
  'spendChart.summary': 'Gasto del {from} al {to}: {total} en total.',
  'spendChart.barTitle': '{date}: {total}',
  'spendChart.loading': 'Cargando el gasto…',
  'spendChart.empty':
    '{days, plural, one {Sin uso en el último día.} other {Sin uso en los últimos # días.}}',
  'spendChart.emptyHint':
    'Cada solicitud que tu app hace con su clave de API aparece aquí por día y servicio, junto con lo que costó.',
  'spendChart.totalLabel': 'Gasto total',
  'spendChart.axisY':
    '{span, plural, =1 {Gasto por día} =7 {Gasto por semana} other {Gasto por mes}}',
  'spendChart.axisYCredits':
    '{span, plural, =1 {Créditos por día} =7 {Créditos por semana} other {Créditos por mes}}',
  'spendChart.axisX': '{span, plural, =1 {Día (UTC)} =7 {Semana (UTC)} other {Mes (UTC)}}',
  'spendChart.keys': 'Usa las flechas izquierda y derecha para recorrer las barras una a una.',
  'spendChart.requestsCount': '{count, plural, one {# solicitud} other {# solicitudes}}',
  'spendChart.error': 'No se pudo cargar el gasto.',
  'spendChart.retry': 'Reintentar',
  'spendChart.legend': 'Servicios',
  'spendChart.showTable': 'Ver como tabla',
  'spendChart.date': 'Fecha',
  'spendChart.total': 'Total',
  'spendChart.requests': 'Solicitudes',
  'spendChart.service.IMAGE_GENERATION': 'Generación de imágenes',
  'spendChart.service.FANTASY_AVATAR_GENERATION': 'Avatar de fantasía',
  'spendChart.service.MOTION_SVD_GENERATION': 'Motion (SVD)',
  'spendChart.service.MOTION_VIDEO_GENERATION': 'Vídeo Motion',
  'spendChart.service.VEO3_MOTION_VIDEO_GENERATION': 'Vídeo Veo 3',
  'spendChart.service.LCM_GENERATION': 'Lienzo en tiempo real (LCM)',
  'spendChart.service.MODEL_TRAINING': 'Entrenamiento de modelos',
  'spendChart.service.TEXTURE_GENERATION': 'Generación de texturas',
  'spendChart.service.UNIVERSAL_UPSCALER': 'Universal Upscaler',
  'spendChart.service.UNIVERSAL_UPSCALER_ULTRA': 'Universal Upscaler Ultra',
  'spendChart.service.OTHER': 'Otros servicios',
}

export default spendChart
