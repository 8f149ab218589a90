import type { autoTopUpSettingsMessages } from '../../AutoTopUpSettings/AutoTopUpSettings'
import type { CatalogPart } from '../catalogPart'

/** AutoTopUpSettings's strings in Brazilian Portuguese. */
const autoTopUpSettings: CatalogPart<typeof autoTopUpSettingsMessages> = {
  'autoTopUpSettings.title': 'Recarga automática',
  'autoTopUpSettings.description':
    'Adiciona saldo com o cartão salvo quando o saldo estiver baixo.',
  'autoTopUpSettings.loading': 'Carregando as configurações…',
  'autoTopUpSettings.error': 'Não foi possível carregar as configurações de recarga automática.',
  'autoTopUpSettings.retry': 'Tentar novamente',
  'autoTopUpSettings.enabled': 'Recarregar automaticamente',
  'autoTopUpSettings.threshold': 'Recarregar abaixo de',
  'autoTopUpSettings.thresholdHint': 'Em dólares inteiros.',
  'autoTopUpSettings.amount': 'Valor da recarga',
  'autoTopUpSettings.amountHint': 'Em dólares inteiros, no mínimo {min}.',
  'autoTopUpSettings.cap': 'Limite mensal (opcional)',
  'autoTopUpSettings.capHint':
    'O máximo recarregado automaticamente por mês. Deixe em branco para não ter limite.',
  'autoTopUpSettings.capUsed': 'Recarregado automaticamente este mês: {spent}.',
  'autoTopUpSettings.suggested': 'Sugerido pelo planejador. Revise os valores e salve.',
  'autoTopUpSettings.willCharge':
    'Ao salvar, {amount} serão recarregados agora: o saldo ({balance}) já está abaixo do limite.',
  'autoTopUpSettings.willChargeSeveral':
    'Com {amount}, o saldo continuaria abaixo de {threshold}: a recarga automática vai adicionar {total} de uma vez ({count} × {amount}).',
  'autoTopUpSettings.willStopAtCap':
    'Ao salvar, {total} serão recarregados de uma vez ({count} × {amount}), o máximo que o limite mensal permite, e o saldo continuará abaixo de {threshold}. Aumente o limite para alcançá-lo.',
  'autoTopUpSettings.capUsedUp':
    'O limite mensal não permite outra recarga de {amount}, então o saldo ({balance}) continua abaixo de {threshold}. Aumente o limite para recarregar.',
  'autoTopUpSettings.save': 'Salvar',
  'autoTopUpSettings.saving': 'Salvando…',
  'autoTopUpSettings.cancel': 'Cancelar',
  'autoTopUpSettings.savedOn':
    'Salvo. {amount} serão adicionados quando o saldo ficar abaixo de {threshold}.',
  'autoTopUpSettings.savedOff': 'Salvo. A recarga automática está desativada.',
  'autoTopUpSettings.toppedUp': 'Recarga de {amount} adicionada ao seu saldo.',
  'autoTopUpSettings.toppedUpSeveral':
    'Recarga de {total} adicionada ao seu saldo de uma vez ({count} × {amount}).',
  'autoTopUpSettings.topUpDeclined': 'A recarga de {amount} foi recusada: atualize seu cartão.',
  'autoTopUpSettings.turnedOff': 'A recarga automática está desativada.',
  'autoTopUpSettings.disabledDeclined':
    'A recarga automática foi desativada após vários pagamentos recusados. Atualize seu cartão e ative-a novamente.',
  'autoTopUpSettings.disabledNoCard':
    'A recarga automática foi desativada porque não há cartão salvo. Adicione um cartão e ative-a novamente.',
  'autoTopUpSettings.failures':
    '{count, plural, one {Uma recarga automática foi recusada.} other {# recargas automáticas seguidas foram recusadas.}} Atualize seu cartão para manter a recarga automática ativa.',
  'autoTopUpSettings.lastAttempt': 'Última recarga automática',
  'autoTopUpSettings.lastSucceeded': 'Concluída: recarga de {amount} em {date}',
  'autoTopUpSettings.lastDeclined': 'Recusada: recarga de {amount} em {date}',
  'autoTopUpSettings.lastCapReached':
    'Limite mensal atingido: recarga de {amount} não feita em {date}',
  'autoTopUpSettings.noAttempt': 'Nenhuma ainda.',
  'autoTopUpSettings.errorRequired': 'Informe um valor em dólares inteiros.',
  'autoTopUpSettings.errorTooLarge': 'Esse valor é alto demais.',
  'autoTopUpSettings.errorThresholdMin': 'O limite de saldo deve ser de pelo menos {min}.',
  'autoTopUpSettings.errorAmountMin': 'A recarga mínima é de {min}.',
  'autoTopUpSettings.errorAmountMax': 'A recarga máxima é de {max}.',
  'autoTopUpSettings.errorCapBelowAmount':
    'O limite mensal deve ser pelo menos o valor da recarga ({amount}).',
  'autoTopUpSettings.saveFailed': 'As configurações não foram salvas. Tente novamente.',
  'autoTopUpSettings.saveDeclined':
    'Seu cartão foi recusado, então a recarga automática continua desativada. Atualize seu cartão e tente novamente.',
  'autoTopUpSettings.saveNoCard': 'Adicione um cartão antes de ativar a recarga automática.',
  'autoTopUpSettings.updateCard': 'Atualizar cartão',
  'autoTopUpSettings.addCard': 'Adicionar um cartão',
  'autoTopUpSettings.prefilled':
    'Preenchemos um ponto de partida: {amount} sempre que o saldo ficar abaixo de {threshold}. Ajuste e depois salve.',
  'autoTopUpSettings.turnOffFailed':
    'Não foi possível desativar a recarga automática. Tente novamente.',
  'autoTopUpSettings.prefilledFromSpend':
    'Com base no seu gasto dos últimos 30 dias ({spent}): adicionar {amount} (cerca de duas semanas de uso) sempre que o saldo ficar abaixo de {threshold} (cerca de três dias). Ajuste e depois salve.',
}

export default autoTopUpSettings
