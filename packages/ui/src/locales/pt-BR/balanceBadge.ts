import type { balanceBadgeMessages } from '../../BalanceBadge/BalanceBadge'
import type { CatalogPart } from '../catalogPart'

/** BalanceBadge's strings in Brazilian Portuguese. */
const balanceBadge: CatalogPart<typeof balanceBadgeMessages> = {
  'balanceBadge.label': 'Saldo',
  'balanceBadge.creditsLabel': 'Créditos do plano',
  'balanceBadge.loading': 'Carregando o saldo…',
  'balanceBadge.low': 'Baixo',
  'balanceBadge.paused': 'Solicitações pausadas',
  'balanceBadge.error': 'Saldo indisponível',
  'balanceBadge.retry': 'Tentar novamente',
  'balanceBadge.topUp': 'Recarregar',
  'balanceBadge.announce': 'Seu saldo agora é {amount}',
}

export default balanceBadge
