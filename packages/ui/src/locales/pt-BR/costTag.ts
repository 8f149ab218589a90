import type { costTagMessages } from '../../CostTag/CostTag'
import type { CatalogPart } from '../catalogPart'

/** CostTag's strings in Brazilian Portuguese. */
const costTag: CatalogPart<typeof costTagMessages> = {
  'costTag.label': 'Custo:',
  'costTag.listPrice': 'preço de tabela',
}

export default costTag
