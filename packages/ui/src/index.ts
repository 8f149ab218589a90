export {
  BalanceBadge,
  type BalanceBadgeProps,
  type BalanceBadgeState,
  balanceBadgeMessages,
} from './BalanceBadge/BalanceBadge'
