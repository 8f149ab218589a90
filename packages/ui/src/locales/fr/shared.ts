import type { billingNoticeMessages } from '../../billingNoticeMessages'
import type { commonMessages } from '../../useFormat'
import type { moneyInputMessages } from '../../useMoneyInputMessage'
import type { widgetErrorMessages } from '../../withErrorBoundary'
import type { CatalogPart } from '../catalogPart'

/** The French strings every widget shares: amounts, money fields, the error state and the billing notice. */
const shared: CatalogPart<
  typeof commonMessages &
    typeof widgetErrorMessages &
    typeof moneyInputMessages &
    typeof billingNoticeMessages
> = {
  'common.credits': '{count, plural, one {crédit} other {crédits}}',
  'billingNotice.title.topUp': 'Les recharges se gèrent dans Leonardo',
  'billingNotice.title.autoTopUp': 'La recharge automatique se gère dans Leonardo',
  'billingNotice.title.transactions': 'Les transactions sont listées dans Leonardo',
  'billingNotice.title.usage': 'L’évolution des dépenses s’affiche dans Leonardo',
  'billingNotice.title.migration': 'Les changements de forfait se font dans Leonardo',
  'billingNotice.body':
    'Cette API n’a pas de point de terminaison de facturation\u00a0: la facturation se gère dans l’onglet API Access de l’application web Leonardo.',
  'billingNotice.link': 'Ouvrir l’onglet API Access',
  'moneyInput.empty': 'Saisissez un montant.',
  'moneyInput.negative': 'Le montant ne peut pas être négatif.',
  'moneyInput.notANumber': 'Saisissez le montant en chiffres, par exemple {example}.',
  'moneyInput.digits':
    '«\u00a0{found}\u00a0» n’est pas reconnu comme un chiffre. Saisissez le montant en chiffres, par exemple {example}.',
  'moneyInput.exponent': 'Écrivez le montant en entier, par exemple {example}, sans exposant.',
  'moneyInput.currency': 'Les montants sont en dollars US\u00a0: retirez «\u00a0{found}\u00a0».',
  'moneyInput.multipleDecimals': 'Un seul séparateur décimal au maximum, comme dans {example}.',
  'moneyInput.grouping':
    'Vérifiez les séparateurs\u00a0: écrivez le montant sous la forme {example}, ou sans séparateurs.',
  'moneyInput.didYouMean': 'Vouliez-vous dire {amount}\u00a0?',
  'moneyInput.didYouMeanEither': 'Vouliez-vous dire {first} ou {second}\u00a0?',
  'moneyInput.cents': 'Dollars entiers uniquement\u00a0: retirez les centimes.',
  'moneyInput.tooManyDecimals': '{digits} chiffres au maximum après le séparateur décimal.',
  'widget.error': 'Affichage impossible\u00a0: la réponse du serveur est illisible.',
  'widget.retry': 'Réessayer',
  'widget.errorInline': 'indisponible',
}

export default shared
