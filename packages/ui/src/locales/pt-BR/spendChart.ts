import type { spendChartMessages } from '../../SpendChart/SpendChart'
import type { CatalogPart } from '../catalogPart'

/** SpendChart's strings in Brazilian Portuguese. */
const spendChart: CatalogPart<typeof spendChartMessages> = {
  'spendChart.title': 'Gastos por serviço',
  'spendChart.range': '{days, plural, one {Último dia} other {Últimos # dias}}',
  'spendChart.summary': 'Gastos de {from} a {to}: {total} no total.',
  'spendChart.barTitle': '{date}: {total}',
  'spendChart.loading': 'Carregando gastos…',
  'spendChart.empty':
    '{days, plural, one {Nenhum uso no último dia.} other {Nenhum uso nos últimos # dias.}}',
  'spendChart.emptyHint':
    'Cada solicitação que seu app faz com a chave de API aparece aqui por dia e por serviço, com o quanto custou.',
  'spendChart.totalLabel': 'Gasto total',
  'spendChart.axisY':
    '{span, plural, =1 {Gasto por dia} =7 {Gasto por semana} other {Gasto por mês}}',
  'spendChart.axisYCredits':
    '{span, plural, =1 {Créditos por dia} =7 {Créditos por semana} other {Créditos por mês}}',
  'spendChart.axisX': '{span, plural, =1 {Dia (UTC)} =7 {Semana (UTC)} other {Mês (UTC)}}',
  'spendChart.keys':
    'Use as setas para a esquerda e para a direita para percorrer as barras uma a uma.',
  'spendChart.requestsCount': '{count, plural, one {# solicitação} other {# solicitações}}',
  'spendChart.error': 'Não foi possível carregar os gastos.',
  'spendChart.retry': 'Tentar novamente',
  'spendChart.legend': 'Serviços',
  'spendChart.showTable': 'Mostrar como tabela',
  'spendChart.date': 'Data',
  'spendChart.total': 'Total',
  'spendChart.requests': 'Solicitações',
  'spendChart.service.IMAGE_GENERATION': 'Geração de imagens',
  'spendChart.service.FANTASY_AVATAR_GENERATION': 'Avatar de fantasia',
  'spendChart.service.MOTION_SVD_GENERATION': 'Motion (SVD)',
  'spendChart.service.MOTION_VIDEO_GENERATION': 'Vídeo Motion',
  'spendChart.service.VEO3_MOTION_VIDEO_GENERATION': 'Vídeo Veo 3',
  'spendChart.service.LCM_GENERATION': 'Canvas em tempo real (LCM)',
  'spendChart.service.MODEL_TRAINING': 'Treinamento de modelo',
  'spendChart.service.TEXTURE_GENERATION': 'Geração de texturas',
  'spendChart.service.UNIVERSAL_UPSCALER': 'Universal Upscaler',
  'spendChart.service.UNIVERSAL_UPSCALER_ULTRA': 'Universal Upscaler Ultra',
  'spendChart.service.OTHER': 'Outros serviços',
}

export default spendChart
