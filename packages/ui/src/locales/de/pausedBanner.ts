import type { pausedBannerMessages } from '../../PausedBanner/PausedBanner'
import type { CatalogPart } from '../catalogPart'

/** PausedBanner's strings in German. */
const pausedBanner: CatalogPart<typeof pausedBannerMessages> = {
  'pausedBanner.title': 'Anfragen pausiert',
  'pausedBanner.body':
    'Das Guthaben ist aufgebraucht. Neue Anfragen werden bis zur nächsten Aufladung abgelehnt (und nicht berechnet).',
  'pausedBanner.shortfall':
    'Die letzte Anfrage benötigte {required}, das Guthaben betrug {balance}: Es fehlten {shortfall}.',
  'pausedBanner.topUp': 'Aufladen',
  'pausedBanner.resumed':
    'Guthaben aufgeladen: Anfragen laufen wieder. Aktuelles Guthaben: {balance}.',
}

export default pausedBanner
