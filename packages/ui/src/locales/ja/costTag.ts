import type { costTagMessages } from '../../CostTag/CostTag'
import type { CatalogPart } from '../catalogPart'

/** CostTag's strings in Japanese. */
const costTag: CatalogPart<typeof costTagMessages> = {
  'costTag.label': '料金：',
  'costTag.listPrice': '定価',
}

export default costTag
