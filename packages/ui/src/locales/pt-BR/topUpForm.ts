import type { topUpFormMessages } from '../../TopUpForm/TopUpForm'
import type { CatalogPart } from '../catalogPart'

/** TopUpForm's strings in Brazilian Portuguese. */
const topUpForm: CatalogPart<typeof topUpFormMessages> = {
  'topUpForm.title': 'Adicionar saldo',
  'topUpForm.presets': 'Escolha um valor',
  'topUpForm.amount': 'Valor (USD)',
  'topUpForm.hint': 'Em dólares inteiros, de {min} a {max}.',
  'topUpForm.errorEmpty': 'Informe um valor.',
  'topUpForm.errorMin': 'A recarga mínima é de {min}.',
  'topUpForm.errorMax': 'A recarga máxima é de {max}.',
  'topUpForm.errorServer': 'O servidor não aceitou este valor.',
  'topUpForm.card': 'Pagamento com {brand} final {last4}, validade {expiry}',
  'topUpForm.cardLoading': 'Carregando a forma de pagamento…',
  'topUpForm.cardError': 'Não foi possível carregar o cartão salvo.',
  'topUpForm.noCard': 'Nenhum cartão salvo: adicione uma forma de pagamento antes de recarregar.',
  'topUpForm.balanceNow': 'Saldo atual',
  'topUpForm.balanceAfter': 'Saldo após a recarga',
  'topUpForm.submit': 'Adicionar {amount}',
  'topUpForm.submitNoAmount': 'Adicionar saldo',
  'topUpForm.pending': 'Adicionando {amount}…',
  'topUpForm.success': 'Recarga de {amount} concluída. Novo saldo: {balance}.',
  'topUpForm.successNoBalance': 'Recarga de {amount} concluída.',
  'topUpForm.reference': 'Referência: {id}',
  'topUpForm.again': 'Recarregar novamente',
  'topUpForm.changeCard': 'Alterar',
  'topUpForm.addCard': 'Adicionar um cartão',
  'topUpForm.updateCard': 'Usar outro cartão',
  'topUpForm.confirmationTitle': 'Saldo adicionado',
  'topUpForm.amountAdded': 'Valor adicionado',
  'topUpForm.newBalance': 'Novo saldo',
  'topUpForm.referenceLabel': 'Referência',
  'topUpForm.checking': 'A resposta se perdeu no caminho. Verificando se a recarga foi concluída…',
  'topUpForm.unknown':
    'Não foi possível confirmar se a recarga foi concluída, então ela pode ter sido cobrada. Verifique novamente antes de tentar outro valor: nada é cobrado duas vezes.',
  'topUpForm.checkAgain': 'Verificar novamente',
  'topUpForm.offline':
    'Você está sem conexão, então nada foi enviado nem cobrado. Reconecte e tente novamente.',
  'topUpForm.declined':
    'Seu cartão foi recusado e nada foi cobrado. Tente novamente ou use outro cartão.',
  'topUpForm.noPaymentMethod':
    'Não há cartão salvo, então nada foi cobrado. Adicione uma forma de pagamento e tente novamente.',
  'topUpForm.failed': 'A recarga não foi concluída e nada foi cobrado. Tente novamente.',
  'topUpForm.authenticate':
    'Seu banco pede que você confirme este pagamento. Nada foi cobrado ainda.',
  'topUpForm.authenticateElsewhere':
    'Seu banco pede que você confirme este pagamento. Confirme no app do banco e tente novamente. Nada foi cobrado ainda.',
  'topUpForm.confirmPayment': 'Confirmar pagamento',
  'topUpForm.tryAgain': 'Tentar novamente',
  'topUpForm.authenticating': 'Aguardando a confirmação do seu banco…',
}

export default topUpForm
