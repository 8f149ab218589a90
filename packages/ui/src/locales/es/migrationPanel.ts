import type { migrationPanelMessages } from '../../MigrationPanel/MigrationPanel'
import type { CatalogPart } from '../catalogPart'

/** MigrationPanel's strings in Spanish. */
const migrationPanel: CatalogPart<typeof migrationPanelMessages> = {
  'migrationPanel.title': 'Cambiar a pago por uso',
  'migrationPanel.loading': 'Cargando tu plan…',
  'migrationPanel.error': 'No se pudo cargar tu plan.',
  'migrationPanel.previewError': 'No se pudo cargar qué cambiaría con el paso.',
  'migrationPanel.retry': 'Reintentar',
  'migrationPanel.plan': 'Tu plan',
  'migrationPanel.planName': 'Nombre del plan',
  'migrationPanel.monthlyPrice': 'Precio mensual',
  'migrationPanel.creditsLeft': 'Créditos restantes',
  'migrationPanel.creditsOf': '{left} de {total}',
  'migrationPanel.renews': 'Se renueva el',
  'migrationPanel.preview': 'Si cambias ahora',
  'migrationPanel.converted': 'Créditos convertidos',
  'migrationPanel.conversion': '{credits} a {rate} cada uno = {amount}',
  'migrationPanel.balanceAfter': 'Saldo resultante',
  'migrationPanel.neverExpires': 'Tu saldo en dólares no caduca. Solo pagas lo que usas.',
  'migrationPanel.last30Days': 'Tus últimos 30 días con pago por uso',
  'migrationPanel.usage':
    '{requests, plural, one {# solicitud usó} other {# solicitudes usaron}} {credits}. Con pago por uso habrían costado {payg}, frente a {price} al mes de tu plan.',
  'migrationPanel.paygCheaper': 'El pago por uso habría salido {difference} más barato.',
  'migrationPanel.planCheaper': 'Tu plan habría salido {difference} más barato.',
  'migrationPanel.same': 'Ambos habrían costado lo mismo.',
  'migrationPanel.customPricing': 'Tu acuerdo de precios personalizado se mantiene.',
  'migrationPanel.start': 'Cambiar a pago por uso…',
  'migrationPanel.confirmQuestion': '¿Cancelar {plan} y convertir {credits} en {amount}?',
  'migrationPanel.confirmNote':
    'No se puede deshacer. Las solicitudes siguen funcionando durante el cambio.',
  'migrationPanel.confirm': 'Sí, cambiar ahora',
  'migrationPanel.confirming': 'Cambiando…',
  'migrationPanel.cancel': 'Cancelar',
  'migrationPanel.migrateError':
    'El cambio no se completó. Puedes reintentarlo sin riesgo: tus créditos solo se convierten una vez.',
  'migrationPanel.alreadyOnPayg':
    'Esta cuenta ya usa pago por uso. Los créditos del plan solo se convierten una vez; no se cambió nada más.',
  'migrationPanel.done': 'Ya usas pago por uso',
  'migrationPanel.doneSummary':
    'Tus créditos del plan se convirtieron en {amount}. Tu saldo ahora es de {balance}.',
  'migrationPanel.payg': 'Usas pago por uso',
  'migrationPanel.paygNote': 'Cada solicitud se paga con tu saldo en dólares, que no caduca.',
  'migrationPanel.entry': 'Movimiento',
  'migrationPanel.entryDate': 'Fecha',
  'migrationPanel.entryDescription': 'Descripción',
  'migrationPanel.entryAmount': 'Importe',
}

export default migrationPanel
