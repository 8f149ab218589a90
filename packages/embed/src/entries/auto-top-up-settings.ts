// <payg-auto-top-up-settings>: auto top-up on/off, threshold, amount and a monthly limit.
import { AutoTopUpSettings } from '@payg-kit/ui'
import { defineWidget } from '../defineWidget'

defineWidget({
  tag: 'payg-auto-top-up-settings',
  component: AutoTopUpSettings,
  attributes: { 'manage-payment-method-href': ['managePaymentMethodHref', 'string'] },
  // The page's own card flow, set as a property: `element.onManagePaymentMethod = () => ...`.
  properties: ['suggestion', 'onManagePaymentMethod'],
  events: { onSaved: 'payg-auto-top-up-saved' },
})
