import type { billingNoticeMessages } from '../../billingNoticeMessages'
import type { commonMessages } from '../../useFormat'
import type { moneyInputMessages } from '../../useMoneyInputMessage'
import type { widgetErrorMessages } from '../../withErrorBoundary'
import type { CatalogPart } from '../catalogPart'

/** The Brazilian Portuguese strings every widget shares: amounts, money fields, the error state and the billing notice. */
const shared: CatalogPart<
  typeof commonMessages &
    typeof widgetErrorMessages &
    typeof moneyInputMessages &
    typeof billingNoticeMessages
> = {
  'common.credits': '{count, plural, one {crédito} other {créditos}}',
  'billingNotice.title.topUp': 'As recargas são gerenciadas no Leonardo',
  'billingNotice.title.autoTopUp': 'A recarga automática é gerenciada no Leonardo',
  'billingNotice.title.transactions': 'As transações ficam listadas no Leonardo',
  'billingNotice.title.usage': 'A evolução dos gastos é exibida no Leonardo',
  'billingNotice.title.migration': 'As mudanças de plano são feitas no Leonardo',
  'billingNotice.body':
    'Esta API não tem endpoints de cobrança: isso é gerenciado na aba API Access do app web do Leonardo.',
  'billingNotice.link': 'Abrir a aba API Access',
  'moneyInput.empty': 'Informe um valor.',
  'moneyInput.negative': 'O valor não pode ser negativo.',
  'moneyInput.notANumber': 'Informe o valor em números, como {example}.',
  'moneyInput.digits':
    '“{found}” não é reconhecido como dígito. Digite o valor em dígitos, como {example}.',
  'moneyInput.exponent': 'Escreva o valor por extenso, como {example}, sem expoente.',
  'moneyInput.currency': 'Os valores são em dólares americanos: remova “{found}”.',
  'moneyInput.multipleDecimals': 'Use no máximo um separador decimal, como em {example}.',
  'moneyInput.grouping': 'Confira os separadores: escreva o valor como {example} ou sem eles.',
  'moneyInput.didYouMean': 'Você quis dizer {amount}?',
  'moneyInput.didYouMeanEither': 'Você quis dizer {first} ou {second}?',
  'moneyInput.cents': 'Somente dólares inteiros: remova os centavos.',
  'moneyInput.tooManyDecimals': 'Use no máximo {digits} casas decimais.',
  'widget.error': 'Não foi possível exibir: o servidor enviou algo que não pôde ser lido.',
  'widget.retry': 'Tentar novamente',
  'widget.errorInline': 'indisponível',
}

export default shared
