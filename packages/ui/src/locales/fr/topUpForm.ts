import type { topUpFormMessages } from '../../TopUpForm/TopUpForm'
import type { CatalogPart } from '../catalogPart'

/** TopUpForm's strings in French. */
const topUpForm: CatalogPart<typeof topUpFormMessages> = {
  'topUpForm.title': 'Ajouter du crédit',
  'topUpForm.presets': 'Choisissez un montant',
  'topUpForm.amount': 'Montant (USD)',
  'topUpForm.hint': 'En dollars entiers, de {min} à {max}.',
  'topUpForm.errorEmpty': 'Saisissez un montant.',
  'topUpForm.errorMin': 'La recharge minimale est de {min}.',
  'topUpForm.errorMax': 'La recharge maximale est de {max}.',
  'topUpForm.errorServer': 'Le serveur n’a pas accepté ce montant.',
  'topUpForm.card': 'Paiement par {brand} se terminant par {last4}, expire fin {expiry}',
  'topUpForm.cardLoading': 'Chargement du moyen de paiement…',
  'topUpForm.cardError': 'Impossible de charger la carte enregistrée.',
  'topUpForm.noCard':
    'Aucune carte enregistrée\u00a0: ajoutez un moyen de paiement avant de recharger.',
  'topUpForm.balanceNow': 'Solde actuel',
  'topUpForm.balanceAfter': 'Solde après recharge',
  'topUpForm.submit': 'Ajouter {amount}',
  'topUpForm.submitNoAmount': 'Ajouter du crédit',
  'topUpForm.pending': 'Ajout de {amount}…',
  'topUpForm.success': 'Recharge de {amount} effectuée. Nouveau solde\u00a0: {balance}.',
  'topUpForm.successNoBalance': 'Recharge de {amount} effectuée.',
  'topUpForm.reference': 'Référence\u00a0: {id}',
  'topUpForm.again': 'Recharger à nouveau',
  'topUpForm.changeCard': 'Modifier',
  'topUpForm.addCard': 'Ajouter une carte',
  'topUpForm.updateCard': 'Utiliser une autre carte',
  'topUpForm.confirmationTitle': 'Recharge effectuée',
  'topUpForm.amountAdded': 'Montant ajouté',
  'topUpForm.newBalance': 'Nouveau solde',
  'topUpForm.referenceLabel': 'Référence',
  'topUpForm.checking': 'La réponse s’est perdue en route. Vérification de la recharge en cours…',
  'topUpForm.unknown':
    'Nous n’avons pas pu confirmer la recharge\u00a0: elle a peut-être été débitée. Vérifiez à nouveau avant d’essayer un autre montant\u00a0: rien n’est débité deux fois.',
  'topUpForm.checkAgain': 'Vérifier à nouveau',
  'topUpForm.offline':
    'Vous êtes hors ligne\u00a0: rien n’a été envoyé ni débité. Reconnectez-vous, puis réessayez.',
  'topUpForm.declined':
    'Votre carte a été refusée et rien n’a été débité. Réessayez ou utilisez une autre carte.',
  'topUpForm.noPaymentMethod':
    'Aucune carte enregistrée, rien n’a donc été débité. Ajoutez un moyen de paiement, puis réessayez.',
  'topUpForm.failed': 'La recharge n’a pas abouti et rien n’a été débité. Réessayez.',
  'topUpForm.authenticate':
    'Votre banque vous demande de confirmer ce paiement. Rien n’a encore été débité.',
  'topUpForm.authenticateElsewhere':
    'Votre banque vous demande de confirmer ce paiement. Confirmez-le dans votre application bancaire, puis réessayez. Rien n’a encore été débité.',
  'topUpForm.confirmPayment': 'Confirmer le paiement',
  'topUpForm.tryAgain': 'Réessayer',
  'topUpForm.authenticating': 'En attente de la confirmation de votre banque…',
}

export default topUpForm
