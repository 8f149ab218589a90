import type { autoTopUpSettingsMessages } from '../../AutoTopUpSettings/AutoTopUpSettings'
import type { CatalogPart } from '../catalogPart'

/** AutoTopUpSettings's strings in Spanish. */
const autoTopUpSettings: CatalogPart<typeof autoTopUpSettingsMessages> = {
  'autoTopUpSettings.title': 'Recarga automática',
  'autoTopUpSettings.description': 'Añade saldo con tu tarjeta guardada cuando el saldo esté bajo.',
  'autoTopUpSettings.loading': 'Cargando la configuración…',
  'autoTopUpSettings.error': 'No se pudo cargar la configuración de recarga automática.',
  'autoTopUpSettings.retry': 'Reintentar',
  'autoTopUpSettings.enabled': 'Recargar automáticamente',
  'autoTopUpSettings.threshold': 'Recargar por debajo de',
  'autoTopUpSettings.thresholdHint': 'En dólares enteros.',
  'autoTopUpSettings.amount': 'Importe de la recarga',
  'autoTopUpSettings.amountHint': 'En dólares enteros, como mínimo {min}.',
  'autoTopUpSettings.cap': 'Límite mensual (opcional)',
  'autoTopUpSettings.capHint':
    'Lo máximo que se recarga automáticamente al mes. Déjalo vacío para no poner límite.',
  'autoTopUpSettings.capUsed': 'Recargado automáticamente este mes: {spent}.',
  'autoTopUpSettings.suggested': 'Sugerido por el planificador. Revisa los valores y guarda.',
  'autoTopUpSettings.willCharge':
    'Al guardar se recargarán {amount} ahora: el saldo ({balance}) ya está por debajo del umbral.',
  'autoTopUpSettings.willChargeSeveral':
    'Con {amount} el saldo seguiría por debajo de {threshold}: la recarga automática añadirá {total} de una vez ({count} × {amount}).',
  'autoTopUpSettings.willStopAtCap':
    'Al guardar se recargarán {total} de una vez ({count} × {amount}), todo lo que permite el límite mensual, y el saldo seguirá por debajo de {threshold}. Sube el límite para alcanzarlo.',
  'autoTopUpSettings.capUsedUp':
    'El límite mensual no permite otra recarga de {amount}, así que el saldo ({balance}) sigue por debajo de {threshold}. Sube el límite para recargar.',
  'autoTopUpSettings.save': 'Guardar',
  'autoTopUpSettings.saving': 'Guardando…',
  'autoTopUpSettings.cancel': 'Cancelar',
  'autoTopUpSettings.savedOn':
    'Guardado. Se recargarán {amount} cuando el saldo baje de {threshold}.',
  'autoTopUpSettings.savedOff': 'Guardado. La recarga automática está desactivada.',
  'autoTopUpSettings.toppedUp': 'Se añadieron {amount} a tu saldo.',
  'autoTopUpSettings.toppedUpSeveral':
    'Se añadieron {total} a tu saldo de una vez ({count} × {amount}).',
  'autoTopUpSettings.topUpDeclined': 'Se rechazó la recarga de {amount}: actualiza tu tarjeta.',
  'autoTopUpSettings.turnedOff': 'La recarga automática está desactivada.',
  'autoTopUpSettings.disabledDeclined':
    'La recarga automática se desactivó tras varios pagos rechazados. Actualiza tu tarjeta y vuelve a activarla.',
  'autoTopUpSettings.disabledNoCard':
    'La recarga automática se desactivó porque no hay ninguna tarjeta guardada. Añade una tarjeta y vuelve a activarla.',
  'autoTopUpSettings.failures':
    '{count, plural, one {Se rechazó una recarga automática.} other {Se rechazaron # recargas automáticas seguidas.}} Actualiza tu tarjeta para mantener activa la recarga automática.',
  'autoTopUpSettings.lastAttempt': 'Última recarga automática',
  'autoTopUpSettings.lastSucceeded': 'Completada: {amount} añadidos el {date}',
  'autoTopUpSettings.lastDeclined': 'Rechazada: {amount} sin añadir el {date}',
  'autoTopUpSettings.lastCapReached': 'Límite mensual alcanzado: {amount} sin añadir el {date}',
  'autoTopUpSettings.noAttempt': 'Ninguna todavía.',
  'autoTopUpSettings.errorRequired': 'Introduce un importe en dólares enteros.',
  'autoTopUpSettings.errorTooLarge': 'Ese importe es demasiado alto.',
  'autoTopUpSettings.errorThresholdMin': 'El umbral debe ser de al menos {min}.',
  'autoTopUpSettings.errorAmountMin': 'La recarga mínima es de {min}.',
  'autoTopUpSettings.errorAmountMax': 'La recarga máxima es de {max}.',
  'autoTopUpSettings.errorCapBelowAmount':
    'El límite mensual debe ser al menos el importe de la recarga ({amount}).',
  'autoTopUpSettings.saveFailed': 'No se guardó la configuración. Inténtalo de nuevo.',
  'autoTopUpSettings.saveDeclined':
    'Se rechazó tu tarjeta, así que la recarga automática sigue desactivada. Actualiza tu tarjeta e inténtalo de nuevo.',
  'autoTopUpSettings.saveNoCard': 'Añade una tarjeta antes de activar la recarga automática.',
  'autoTopUpSettings.updateCard': 'Actualizar tarjeta',
  'autoTopUpSettings.addCard': 'Añadir una tarjeta',
  'autoTopUpSettings.prefilled':
    'Te dejamos un punto de partida: {amount} cada vez que el saldo baje de {threshold}. Ajústalo y guarda.',
  'autoTopUpSettings.turnOffFailed':
    'No se pudo desactivar la recarga automática. Inténtalo de nuevo.',
  'autoTopUpSettings.prefilledFromSpend':
    'Según tu gasto de los últimos 30 días ({spent}): recarga {amount} (unas dos semanas de uso) cada vez que el saldo baje de {threshold} (unos tres días). Ajústalo y guarda.',
}

export default autoTopUpSettings
