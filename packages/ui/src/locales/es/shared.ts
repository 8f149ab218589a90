import type { billingNoticeMessages } from '../../billingNoticeMessages'
import type { commonMessages } from '../../useFormat'
import type { moneyInputMessages } from '../../useMoneyInputMessage'
import type { widgetErrorMessages } from '../../withErrorBoundary'
import type { CatalogPart } from '../catalogPart'

/** The Spanish strings every widget shares: amounts, money fields, the error state and the billing notice. */
const shared: CatalogPart<
  typeof commonMessages &
    typeof widgetErrorMessages &
    typeof moneyInputMessages &
    typeof billingNoticeMessages
> = {
  'common.credits': '{count, plural, one {crédito} other {créditos}}',
  'billingNotice.title.topUp': 'Las recargas se gestionan en Leonardo',
  'billingNotice.title.autoTopUp': 'La recarga automática se gestiona en Leonardo',
  'billingNotice.title.transactions': 'Los movimientos se consultan en Leonardo',
  'billingNotice.title.usage': 'La evolución del gasto se muestra en Leonardo',
  'billingNotice.title.migration': 'Los cambios de plan se hacen en Leonardo',
  'billingNotice.body':
    'Esta API no tiene endpoints de facturación: la facturación se gestiona en la pestaña API Access de la aplicación web de Leonardo.',
  'billingNotice.link': 'Abrir la pestaña API Access',
  'moneyInput.empty': 'Introduce un importe.',
  'moneyInput.negative': 'El importe no puede ser negativo.',
  'moneyInput.notANumber': 'Introduce el importe en números, por ejemplo {example}.',
  'moneyInput.digits':
    '«{found}» no se reconoce como dígito. Escribe el importe en dígitos, por ejemplo {example}.',
  'moneyInput.exponent': 'Escribe el importe completo, por ejemplo {example}, sin exponente.',
  'moneyInput.currency': 'Los importes están en dólares estadounidenses: quita «{found}».',
  'moneyInput.multipleDecimals': 'Usa como máximo un separador decimal, como en {example}.',
  'moneyInput.grouping': 'Revisa los separadores: escribe el importe como {example} o sin ellos.',
  'moneyInput.didYouMean': '¿Querías decir {amount}?',
  'moneyInput.didYouMeanEither': '¿Querías decir {first} o {second}?',
  'moneyInput.cents': 'Solo dólares enteros: quita los centavos.',
  'moneyInput.tooManyDecimals': 'Usa como máximo {digits} decimales.',
  'widget.error': 'No se puede mostrar: el servidor envió algo que no se pudo leer.',
  'widget.retry': 'Reintentar',
  'widget.errorInline': 'no disponible',
}

export default shared
