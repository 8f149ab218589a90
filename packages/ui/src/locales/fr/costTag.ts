import type { costTagMessages } from '../../CostTag/CostTag'
import type { CatalogPart } from '../catalogPart'

/** CostTag's strings in French. */
const costTag: CatalogPart<typeof costTagMessages> = {
  'costTag.label': 'Coût\u00a0:',
  'costTag.listPrice': 'prix catalogue',
}

export default costTag
