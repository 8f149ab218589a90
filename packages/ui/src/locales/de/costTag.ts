import type { costTagMessages } from '../../CostTag/CostTag'
import type { CatalogPart } from '../catalogPart'

/** CostTag's strings in German. */
const costTag: CatalogPart<typeof costTagMessages> = {
  'costTag.label': 'Kosten:',
  'costTag.listPrice': 'Listenpreis',
}

export default costTag
