import type { pausedBannerMessages } from '../../PausedBanner/PausedBanner'
import type { CatalogPart } from '../catalogPart'

/** PausedBanner's strings in French. */
const pausedBanner: CatalogPart<typeof pausedBannerMessages> = {
  'pausedBanner.title': 'Requêtes suspendues',
  'pausedBanner.body':
    'Votre solde est épuisé\u00a0: les nouvelles requêtes sont refusées (et non facturées) jusqu’à votre prochaine recharge.',
  'pausedBanner.shortfall':
    'La dernière requête nécessitait {required} pour un solde de {balance}\u00a0: il manquait {shortfall}.',
  'pausedBanner.topUp': 'Recharger',
  'pausedBanner.resumed':
    'Crédit ajouté\u00a0: les requêtes reprennent. Votre solde est de {balance}.',
}

export default pausedBanner
