import type { costTagMessages } from '../../CostTag/CostTag'
import type { CatalogPart } from '../catalogPart'

/** CostTag's strings in Spanish. */
const costTag: CatalogPart<typeof costTagMessages> = {
  'costTag.label': 'Coste:',
  'costTag.listPrice': 'precio de lista',
}

export default costTag
