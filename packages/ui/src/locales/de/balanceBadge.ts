import type { balanceBadgeMessages } from '../../BalanceBadge/BalanceBadge'
import type { CatalogPart } from '../catalogPart'

/** BalanceBadge's strings in German. */
const balanceBadge: CatalogPart<typeof balanceBadgeMessages> = {
  'balanceBadge.label': 'Guthaben',
  'balanceBadge.creditsLabel': 'Tarif-Credits',
  'balanceBadge.loading': 'Guthaben wird geladen …',
  'balanceBadge.low': 'Niedrig',
  'balanceBadge.paused': 'Anfragen pausiert',
  'balanceBadge.error': 'Guthaben nicht verfügbar',
  'balanceBadge.retry': 'Erneut versuchen',
  'balanceBadge.topUp': 'Aufladen',
  'balanceBadge.announce': 'Guthaben jetzt {amount}',
}

export default balanceBadge
