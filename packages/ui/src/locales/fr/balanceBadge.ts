import type { balanceBadgeMessages } from '../../BalanceBadge/BalanceBadge'
import type { CatalogPart } from '../catalogPart'

/** BalanceBadge's strings in French. */
const balanceBadge: CatalogPart<typeof balanceBadgeMessages> = {
  'balanceBadge.label': 'Solde',
  'balanceBadge.creditsLabel': 'Crédits du forfait',
  'balanceBadge.loading': 'Chargement du solde…',
  'balanceBadge.low': 'Faible',
  'balanceBadge.paused': 'Requêtes suspendues',
  'balanceBadge.error': 'Solde indisponible',
  'balanceBadge.retry': 'Réessayer',
  'balanceBadge.topUp': 'Recharger',
  'balanceBadge.announce': 'Le solde est maintenant de {amount}',
}

export default balanceBadge
