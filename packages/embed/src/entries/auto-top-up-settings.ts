// <payg-auto-top-up-settings>: auto top-up on/off, threshold, amount and a monthly limit.
import { AutoTopUpSettings } from '@payg-kit/ui'
import { defineWidget } from '../defineWidget'

defineWidget({
  tag: 'payg-auto-top-up-settings',
  component: AutoTopUpSettings,
  properties: ['suggestion'],
  events: { onSaved: 'payg-auto-top-up-saved' },
})
