import type { migrationPanelMessages } from '../../MigrationPanel/MigrationPanel'
import type { CatalogPart } from '../catalogPart'

/** MigrationPanel's strings in French. */
const migrationPanel: CatalogPart<typeof migrationPanelMessages> = {
  'migrationPanel.title': 'Passer au paiement à l’usage',
  'migrationPanel.loading': 'Chargement de votre forfait…',
  'migrationPanel.error': 'Impossible de charger votre forfait.',
  'migrationPanel.previewError': 'Impossible de charger l’effet du changement.',
  'migrationPanel.retry': 'Réessayer',
  'migrationPanel.plan': 'Votre forfait',
  'migrationPanel.planName': 'Forfait',
  'migrationPanel.monthlyPrice': 'Prix mensuel',
  'migrationPanel.creditsLeft': 'Crédits restants',
  'migrationPanel.creditsOf': '{left} sur {total}',
  'migrationPanel.renews': 'Renouvellement le',
  'migrationPanel.preview': 'Si vous changez maintenant',
  'migrationPanel.converted': 'Crédits convertis',
  'migrationPanel.conversion': '{credits} à {rate} l’unité = {amount}',
  'migrationPanel.balanceAfter': 'Solde après',
  'migrationPanel.neverExpires':
    'Votre solde en dollars n’expire jamais. Vous ne payez que ce que vous utilisez.',
  'migrationPanel.last30Days': 'Vos 30 derniers jours au paiement à l’usage',
  'migrationPanel.usage':
    '{requests, plural, one {# requête a utilisé} other {# requêtes ont utilisé}} {credits}. Au paiement à l’usage, elles auraient coûté {payg}, contre {price} par mois pour votre forfait.',
  'migrationPanel.paygCheaper': 'Le paiement à l’usage aurait coûté {difference} de moins.',
  'migrationPanel.planCheaper': 'Votre forfait aurait coûté {difference} de moins.',
  'migrationPanel.same': 'Les deux auraient coûté la même chose.',
  'migrationPanel.customPricing': 'Votre tarification personnalisée reste inchangée.',
  'migrationPanel.start': 'Passer au paiement à l’usage…',
  'migrationPanel.confirmQuestion': 'Résilier {plan} et convertir {credits} en {amount}\u00a0?',
  'migrationPanel.confirmNote':
    'Cette action est irréversible. Les requêtes continuent pendant le changement.',
  'migrationPanel.confirm': 'Oui, changer maintenant',
  'migrationPanel.confirming': 'Changement en cours…',
  'migrationPanel.cancel': 'Annuler',
  'migrationPanel.migrateError':
    'Le changement n’a pas abouti. Vous pouvez réessayer sans risque\u00a0: vos crédits ne sont convertis qu’une fois.',
  'migrationPanel.alreadyOnPayg':
    'Ce compte est déjà au paiement à l’usage. Les crédits du forfait ne sont convertis qu’une fois\u00a0; rien d’autre n’a changé.',
  'migrationPanel.done': 'Vous êtes passé au paiement à l’usage',
  'migrationPanel.doneSummary':
    'Vos crédits de forfait sont devenus {amount}. Votre solde est maintenant de {balance}.',
  'migrationPanel.payg': 'Vous êtes au paiement à l’usage',
  'migrationPanel.paygNote':
    'Chaque requête est payée sur votre solde en dollars, qui n’expire jamais.',
  'migrationPanel.entry': 'Écriture',
  'migrationPanel.entryDate': 'Date',
  'migrationPanel.entryDescription': 'Description',
  'migrationPanel.entryAmount': 'Montant',
}

export default migrationPanel
