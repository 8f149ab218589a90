import type { topUpFormMessages } from '../../TopUpForm/TopUpForm'
import type { CatalogPart } from '../catalogPart'

/** TopUpForm's strings in Spanish. */
const topUpForm: CatalogPart<typeof topUpFormMessages> = {
  'topUpForm.title': 'Añadir saldo',
  'topUpForm.presets': 'Elige un importe',
  'topUpForm.amount': 'Importe (USD)',
  'topUpForm.hint': 'En dólares enteros, de {min} a {max}.',
  'topUpForm.errorEmpty': 'Introduce un importe.',
  'topUpForm.errorMin': 'La recarga mínima es de {min}.',
  'topUpForm.errorMax': 'La recarga máxima es de {max}.',
  'topUpForm.errorServer': 'El servidor no aceptó este importe.',
  'topUpForm.card': 'Pago con {brand} terminada en {last4}, caduca en {expiry}',
  'topUpForm.cardLoading': 'Cargando el método de pago…',
  'topUpForm.cardError': 'No se pudo cargar la tarjeta guardada.',
  'topUpForm.noCard': 'No hay ninguna tarjeta guardada: añade un método de pago para recargar.',
  'topUpForm.balanceNow': 'Saldo actual',
  'topUpForm.balanceAfter': 'Saldo tras la recarga',
  'topUpForm.submit': 'Añadir {amount}',
  'topUpForm.submitNoAmount': 'Añadir saldo',
  'topUpForm.pending': 'Añadiendo {amount}…',
  'topUpForm.success': 'Se añadieron {amount}. Nuevo saldo: {balance}.',
  'topUpForm.successNoBalance': 'Se añadieron {amount}.',
  'topUpForm.reference': 'Referencia: {id}',
  'topUpForm.again': 'Recargar de nuevo',
  'topUpForm.changeCard': 'Cambiar',
  'topUpForm.addCard': 'Añadir una tarjeta',
  'topUpForm.updateCard': 'Usar otra tarjeta',
  'topUpForm.confirmationTitle': 'Saldo añadido',
  'topUpForm.amountAdded': 'Importe añadido',
  'topUpForm.newBalance': 'Nuevo saldo',
  'topUpForm.referenceLabel': 'Referencia',
  'topUpForm.checking':
    'La respuesta se perdió por el camino. Comprobando si la recarga se realizó…',
  'topUpForm.unknown':
    'No pudimos confirmar si la recarga se realizó, así que es posible que se haya cobrado. Vuelve a comprobarlo antes de probar otro importe: nunca se cobra dos veces.',
  'topUpForm.checkAgain': 'Volver a comprobar',
  'topUpForm.offline':
    'No tienes conexión, así que no se envió ni se cobró nada. Vuelve a conectarte e inténtalo de nuevo.',
  'topUpForm.declined':
    'Se rechazó tu tarjeta y no se cobró nada. Inténtalo de nuevo o usa otra tarjeta.',
  'topUpForm.noPaymentMethod':
    'No hay ninguna tarjeta guardada, así que no se cobró nada. Añade un método de pago e inténtalo de nuevo.',
  'topUpForm.failed': 'La recarga no se realizó y no se cobró nada. Inténtalo de nuevo.',
  'topUpForm.authenticate':
    'Tu banco te pide que confirmes este pago. Todavía no se ha cobrado nada.',
  'topUpForm.authenticateElsewhere':
    'Tu banco te pide que confirmes este pago. Confírmalo en la app de tu banco y vuelve a intentarlo. Todavía no se ha cobrado nada.',
  'topUpForm.confirmPayment': 'Confirmar pago',
  'topUpForm.tryAgain': 'Reintentar',
  'topUpForm.authenticating': 'Esperando la confirmación de tu banco…',
}

export default topUpForm
