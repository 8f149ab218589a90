// <payg-balance-badge>: the account's balance, low, paused or failed with a retry.
import { BalanceBadge } from '@payg-kit/ui'
import { defineWidget } from '../defineWidget'

defineWidget({
  tag: 'payg-balance-badge',
  component: BalanceBadge,
  display: 'inline-block',
  attributes: {
    'low-threshold': ['lowThreshold', 'number'],
    'refetch-interval': ['refetchInterval', 'number'],
  },
  events: { onTopUpClick: 'payg-top-up-click' },
})
