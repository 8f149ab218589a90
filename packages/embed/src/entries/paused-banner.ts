// <payg-paused-banner>: an alert while requests are paused for lack of balance.
import { PausedBanner } from '@payg-kit/ui'
import { defineWidget } from '../defineWidget'

defineWidget({
  tag: 'payg-paused-banner',
  component: PausedBanner,
  attributes: { 'show-top-up-form': ['showTopUpForm', 'boolean'] },
  events: { onTopUpClick: 'payg-top-up-click' },
})
