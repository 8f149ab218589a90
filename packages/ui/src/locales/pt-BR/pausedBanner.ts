import type { pausedBannerMessages } from '../../PausedBanner/PausedBanner'
import type { CatalogPart } from '../catalogPart'

/** PausedBanner's strings in Brazilian Portuguese. */
const pausedBanner: CatalogPart<typeof pausedBannerMessages> = {
  'pausedBanner.title': 'Solicitações pausadas',
  'pausedBanner.body':
    'Seu saldo acabou: novas solicitações são recusadas (e não cobradas) até você adicionar saldo.',
  'pausedBanner.shortfall':
    'A última solicitação precisava de {required} e o saldo era {balance}: faltaram {shortfall}.',
  'pausedBanner.topUp': 'Recarregar',
  'pausedBanner.resumed':
    'Saldo adicionado: as solicitações voltaram a funcionar. Seu saldo é {balance}.',
}

export default pausedBanner
