import type { migrationPanelMessages } from '../../MigrationPanel/MigrationPanel'
import type { CatalogPart } from '../catalogPart'

/** MigrationPanel's strings in Brazilian Portuguese. */
const migrationPanel: CatalogPart<typeof migrationPanelMessages> = {
  'migrationPanel.title': 'Mudar para pagamento por uso',
  'migrationPanel.loading': 'Carregando seu plano…',
  'migrationPanel.error': 'Não foi possível carregar seu plano.',
  'migrationPanel.previewError': 'Não foi possível carregar o que a mudança faria.',
  'migrationPanel.retry': 'Tentar novamente',
  'migrationPanel.plan': 'Seu plano',
  'migrationPanel.planName': 'Plano',
  'migrationPanel.monthlyPrice': 'Preço mensal',
  'migrationPanel.creditsLeft': 'Créditos restantes',
  'migrationPanel.creditsOf': '{left} de {total}',
  'migrationPanel.renews': 'Renova em',
  'migrationPanel.preview': 'Se você mudar agora',
  'migrationPanel.converted': 'Créditos convertidos',
  'migrationPanel.conversion': '{credits} a {rate} cada = {amount}',
  'migrationPanel.balanceAfter': 'Saldo depois',
  'migrationPanel.neverExpires': 'Seu saldo em dólares nunca expira. Você paga só pelo que usar.',
  'migrationPanel.last30Days': 'Seus últimos 30 dias no pagamento por uso',
  'migrationPanel.usage':
    '{requests, plural, one {# solicitação usou} other {# solicitações usaram}} {credits}. No pagamento por uso, teriam custado {payg}, contra {price} por mês do seu plano.',
  'migrationPanel.paygCheaper': 'O pagamento por uso teria saído {difference} mais barato.',
  'migrationPanel.planCheaper': 'Seu plano teria saído {difference} mais barato.',
  'migrationPanel.same': 'Os dois teriam custado o mesmo.',
  'migrationPanel.customPricing': 'Seu acordo de preços personalizado continua igual.',
  'migrationPanel.start': 'Mudar para pagamento por uso…',
  'migrationPanel.confirmQuestion': 'Cancelar {plan} e converter {credits} em {amount}?',
  'migrationPanel.confirmNote':
    'Não é possível desfazer. As solicitações continuam funcionando durante a mudança.',
  'migrationPanel.confirm': 'Sim, mudar agora',
  'migrationPanel.confirming': 'Mudando…',
  'migrationPanel.cancel': 'Cancelar',
  'migrationPanel.migrateError':
    'A mudança não foi concluída. Pode tentar de novo com segurança: seus créditos são convertidos uma única vez.',
  'migrationPanel.alreadyOnPayg':
    'Esta conta já usa pagamento por uso. Os créditos do plano são convertidos uma única vez; nada mais foi alterado.',
  'migrationPanel.done': 'Agora você usa pagamento por uso',
  'migrationPanel.doneSummary':
    'Seus créditos do plano viraram {amount}. Seu saldo agora é {balance}.',
  'migrationPanel.payg': 'Você usa pagamento por uso',
  'migrationPanel.paygNote': 'Cada solicitação é paga com seu saldo em dólares, que nunca expira.',
  'migrationPanel.entry': 'Lançamento',
  'migrationPanel.entryDate': 'Data',
  'migrationPanel.entryDescription': 'Descrição',
  'migrationPanel.entryAmount': 'Valor',
}

export default migrationPanel
