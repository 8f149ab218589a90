import type { autoTopUpSettingsMessages } from '../../AutoTopUpSettings/AutoTopUpSettings'
import type { CatalogPart } from '../catalogPart'

/** AutoTopUpSettings's strings in French. */
const autoTopUpSettings: CatalogPart<typeof autoTopUpSettingsMessages> = {
  'autoTopUpSettings.title': 'Recharge automatique',
  'autoTopUpSettings.description':
    'Rechargez automatiquement avec votre carte enregistrée quand le solde devient faible.',
  'autoTopUpSettings.loading': 'Chargement des paramètres…',
  'autoTopUpSettings.error': 'Impossible de charger les paramètres de recharge automatique.',
  'autoTopUpSettings.retry': 'Réessayer',
  'autoTopUpSettings.enabled': 'Recharger automatiquement',
  'autoTopUpSettings.threshold': 'Recharger sous',
  'autoTopUpSettings.thresholdHint': 'En dollars entiers.',
  'autoTopUpSettings.amount': 'Montant de la recharge',
  'autoTopUpSettings.amountHint': 'En dollars entiers, au moins {min}.',
  'autoTopUpSettings.cap': 'Plafond mensuel (facultatif)',
  'autoTopUpSettings.capHint':
    'Montant maximal rechargé automatiquement par mois. Laissez vide pour ne fixer aucun plafond.',
  'autoTopUpSettings.capUsed': 'Rechargé automatiquement ce mois-ci\u00a0: {spent}.',
  'autoTopUpSettings.suggested':
    'Proposé par le planificateur. Vérifiez les valeurs, puis enregistrez.',
  'autoTopUpSettings.willCharge':
    'L’enregistrement rechargera {amount} immédiatement\u00a0: le solde ({balance}) est déjà sous le seuil.',
  'autoTopUpSettings.willChargeSeveral':
    'Avec {amount}, le solde reste sous {threshold}\u00a0: la recharge automatique ajoutera {total} en une fois ({count}\u00a0×\u00a0{amount}).',
  'autoTopUpSettings.willStopAtCap':
    'L’enregistrement rechargera {total} en une fois ({count}\u00a0×\u00a0{amount}), le maximum permis par le plafond mensuel, et le solde restera sous {threshold}. Relevez le plafond pour l’atteindre.',
  'autoTopUpSettings.capUsedUp':
    'Le plafond mensuel ne permet plus de recharge de {amount}\u00a0: le solde ({balance}) reste sous {threshold}. Relevez le plafond pour recharger.',
  'autoTopUpSettings.save': 'Enregistrer',
  'autoTopUpSettings.saving': 'Enregistrement…',
  'autoTopUpSettings.cancel': 'Annuler',
  'autoTopUpSettings.savedOn':
    'Enregistré. Une recharge de {amount} aura lieu quand le solde passera sous {threshold}.',
  'autoTopUpSettings.savedOff': 'Enregistré. La recharge automatique est désactivée.',
  'autoTopUpSettings.toppedUp': 'Votre solde a été rechargé de {amount}.',
  'autoTopUpSettings.toppedUpSeveral':
    'Votre solde a été rechargé de {total} en une fois ({count}\u00a0×\u00a0{amount}).',
  'autoTopUpSettings.topUpDeclined':
    'La recharge de {amount} a été refusée\u00a0: mettez à jour votre carte.',
  'autoTopUpSettings.turnedOff': 'La recharge automatique est désactivée.',
  'autoTopUpSettings.disabledDeclined':
    'La recharge automatique s’est désactivée après plusieurs paiements refusés. Mettez à jour votre carte, puis réactivez-la.',
  'autoTopUpSettings.disabledNoCard':
    'La recharge automatique s’est désactivée, car aucune carte n’est enregistrée. Ajoutez une carte, puis réactivez-la.',
  'autoTopUpSettings.failures':
    '{count, plural, one {Une recharge automatique a été refusée.} other {# recharges automatiques ont été refusées d’affilée.}} Mettez à jour votre carte pour garder la recharge automatique active.',
  'autoTopUpSettings.lastAttempt': 'Dernière recharge automatique',
  'autoTopUpSettings.lastSucceeded': 'Réussie\u00a0: recharge de {amount} le {date}',
  'autoTopUpSettings.lastDeclined': 'Refusée\u00a0: recharge de {amount} le {date}',
  'autoTopUpSettings.lastCapReached':
    'Plafond mensuel atteint\u00a0: pas de recharge de {amount} le {date}',
  'autoTopUpSettings.noAttempt': 'Aucune pour l’instant.',
  'autoTopUpSettings.errorRequired': 'Saisissez un montant en dollars entiers.',
  'autoTopUpSettings.errorTooLarge': 'Ce montant est trop élevé.',
  'autoTopUpSettings.errorThresholdMin': 'Le seuil doit être d’au moins {min}.',
  'autoTopUpSettings.errorAmountMin': 'La recharge minimale est de {min}.',
  'autoTopUpSettings.errorAmountMax': 'La recharge maximale est de {max}.',
  'autoTopUpSettings.errorCapBelowAmount':
    'Le plafond mensuel doit être au moins égal au montant de la recharge ({amount}).',
  'autoTopUpSettings.saveFailed': 'Les paramètres n’ont pas été enregistrés. Réessayez.',
  'autoTopUpSettings.saveDeclined':
    'Votre carte a été refusée, la recharge automatique reste donc désactivée. Mettez à jour votre carte, puis réessayez.',
  'autoTopUpSettings.saveNoCard': 'Ajoutez une carte avant d’activer la recharge automatique.',
  'autoTopUpSettings.updateCard': 'Mettre à jour la carte',
  'autoTopUpSettings.addCard': 'Ajouter une carte',
  'autoTopUpSettings.prefilled':
    'Nous avons prérempli un point de départ\u00a0: {amount} chaque fois que le solde passe sous {threshold}. Ajustez-le, puis enregistrez.',
  'autoTopUpSettings.turnOffFailed': 'Impossible de désactiver la recharge automatique. Réessayez.',
  'autoTopUpSettings.prefilledFromSpend':
    'D’après vos dépenses des 30 derniers jours ({spent})\u00a0: {amount} (environ deux semaines d’utilisation) chaque fois que le solde passe sous {threshold} (environ trois jours). Ajustez, puis enregistrez.',
}

export default autoTopUpSettings
