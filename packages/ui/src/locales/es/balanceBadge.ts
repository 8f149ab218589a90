import type { balanceBadgeMessages } from '../../BalanceBadge/BalanceBadge'
import type { CatalogPart } from '../catalogPart'

/** BalanceBadge's strings in Spanish. */
const balanceBadge: CatalogPart<typeof balanceBadgeMessages> = {
  'balanceBadge.label': 'Saldo',
  'balanceBadge.creditsLabel': 'Créditos del plan',
  'balanceBadge.loading': 'Cargando el saldo…',
  'balanceBadge.low': 'Bajo',
  'balanceBadge.paused': 'Solicitudes en pausa',
  'balanceBadge.error': 'Saldo no disponible',
  'balanceBadge.retry': 'Reintentar',
  'balanceBadge.topUp': 'Recargar',
  'balanceBadge.announce': 'Tu saldo ahora es de {amount}',
}

export default balanceBadge
