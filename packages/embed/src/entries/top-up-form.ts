// <payg-top-up-form>: a manual top-up, checked before sending, charged once.
import { TopUpForm } from '@payg-kit/ui'
import { defineWidget } from '../defineWidget'

defineWidget({
  tag: 'payg-top-up-form',
  component: TopUpForm,
  attributes: {
    presets: ['presets', 'numbers'],
    'default-amount': ['defaultAmount', 'number'],
    min: ['min', 'number'],
    max: ['max', 'number'],
    'manage-payment-method-href': ['managePaymentMethodHref', 'string'],
  },
  // Callbacks the page answers, set as properties: the card issuer's 3-D Secure step
  // (`element.onAuthenticatePayment = ({ clientSecret }) => stripe.handleNextAction({ clientSecret })`)
  // and the page's own card flow (`element.onManagePaymentMethod = () => ...`).
  properties: ['onAuthenticatePayment', 'onManagePaymentMethod'],
  events: { onSuccess: 'payg-top-up-success' },
})
