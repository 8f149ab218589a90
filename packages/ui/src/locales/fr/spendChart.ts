import type { spendChartMessages } from '../../SpendChart/SpendChart'
import type { CatalogPart } from '../catalogPart'

/** SpendChart's strings in French. */
const spendChart: CatalogPart<typeof spendChartMessages> = {
  'spendChart.title': 'Dépenses par service',
  'spendChart.range': '{days, plural, one {Dernier jour} other {# derniers jours}}',
  'spendChart.summary': 'Dépenses du {from} au {to}\u00a0: {total} au total.',
  'spendChart.barTitle': '{date}\u00a0: {total}',
  'spendChart.loading': 'Chargement des dépenses…',
  'spendChart.empty':
    '{days, plural, one {Aucune utilisation le dernier jour.} other {Aucune utilisation ces # derniers jours.}}',
  'spendChart.emptyHint':
    'Chaque requête que votre application envoie avec sa clé API apparaît ici, par jour et par service, avec son coût.',
  'spendChart.totalLabel': 'Dépenses totales',
  'spendChart.axisY':
    '{span, plural, =1 {Dépenses par jour} =7 {Dépenses par semaine} other {Dépenses par mois}}',
  'spendChart.axisYCredits':
    '{span, plural, =1 {Crédits par jour} =7 {Crédits par semaine} other {Crédits par mois}}',
  'spendChart.axisX': '{span, plural, =1 {Jour (UTC)} =7 {Semaine (UTC)} other {Mois (UTC)}}',
  'spendChart.keys': 'Utilisez les flèches gauche et droite pour parcourir les barres une par une.',
  'spendChart.requestsCount': '{count, plural, one {# requête} other {# requêtes}}',
  'spendChart.error': 'Impossible de charger les dépenses.',
  'spendChart.retry': 'Réessayer',
  'spendChart.legend': 'Services',
  'spendChart.showTable': 'Afficher sous forme de tableau',
  'spendChart.date': 'Date',
  'spendChart.total': 'Total',
  'spendChart.requests': 'Requêtes',
  'spendChart.service.IMAGE_GENERATION': 'Génération d’images',
  'spendChart.service.FANTASY_AVATAR_GENERATION': 'Avatar fantastique',
  'spendChart.service.MOTION_SVD_GENERATION': 'Motion (SVD)',
  'spendChart.service.MOTION_VIDEO_GENERATION': 'Vidéo Motion',
  'spendChart.service.VEO3_MOTION_VIDEO_GENERATION': 'Vidéo Veo 3',
  'spendChart.service.LCM_GENERATION': 'Canevas en temps réel (LCM)',
  'spendChart.service.MODEL_TRAINING': 'Entraînement de modèle',
  'spendChart.service.TEXTURE_GENERATION': 'Génération de textures',
  'spendChart.service.UNIVERSAL_UPSCALER': 'Universal Upscaler',
  'spendChart.service.UNIVERSAL_UPSCALER_ULTRA': 'Universal Upscaler Ultra',
  'spendChart.service.OTHER': 'Autres services',
}

export default spendChart
