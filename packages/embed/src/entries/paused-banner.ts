// <payg-paused-banner>: an alert while requests are paused for lack of balance.
import { PausedBanner } from '@payg-kit/ui'
import { defineWidget } from '../defineWidget'

defineWidget({
  tag: 'payg-paused-banner',
  component: PausedBanner,
  attributes: {
    'show-top-up-form': ['showTopUpForm', 'boolean'],
    'manage-payment-method-href': ['managePaymentMethodHref', 'string'],
  },
  // As on <payg-top-up-form>: the form it shows runs the page's 3-D Secure step and card flow.
  properties: ['onAuthenticatePayment', 'onManagePaymentMethod'],
  events: { onTopUpClick: 'payg-top-up-click' },
  toProps: ({
    onAuthenticatePayment,
    onManagePaymentMethod,
    managePaymentMethodHref,
    ...props
  }) => ({
    ...props,
    topUpFormProps: { onAuthenticatePayment, onManagePaymentMethod, managePaymentMethodHref },
  }),
})
