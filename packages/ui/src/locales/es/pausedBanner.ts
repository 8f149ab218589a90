import type { pausedBannerMessages } from '../../PausedBanner/PausedBanner'
import type { CatalogPart } from '../catalogPart'

/** PausedBanner's strings in Spanish. */
const pausedBanner: CatalogPart<typeof pausedBannerMessages> = {
  'pausedBanner.title': 'Solicitudes en pausa',
  'pausedBanner.body':
    'Te has quedado sin saldo: las nuevas solicitudes se rechazan (y no se cobran) hasta que recargues.',
  'pausedBanner.shortfall':
    'La última solicitud necesitaba {required} y el saldo era de {balance}: faltaban {shortfall}.',
  'pausedBanner.topUp': 'Recargar',
  'pausedBanner.resumed':
    'Saldo añadido: las solicitudes vuelven a funcionar. Tu saldo es de {balance}.',
}

export default pausedBanner
