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
  },
  events: { onSuccess: 'payg-top-up-success' },
})
