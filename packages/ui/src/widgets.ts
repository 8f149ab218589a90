// Every widget renders behind an error boundary: a value from the server it cannot show turns
// into that widget's error state, never an unmounted app. The widgets of the billing extension
// say where billing is managed when the API has none (Leonardo's public API). Each widget is
// wrapped in a module of its own (its folder's index), marked pure, so a bundler ships only the
// widgets an app imports, and an app that splits its code puts each widget in the chunk that
// uses it.
export { AutoTopUpSettings } from './AutoTopUpSettings/index'
export { BalanceBadge } from './BalanceBadge/index'
export { CostCalculator } from './CostCalculator/index'
export { CostTag } from './CostTag/index'
export { MigrationPanel } from './MigrationPanel/index'
export { PausedBanner } from './PausedBanner/index'
export { SpendChart } from './SpendChart/index'
export { TopUpForm } from './TopUpForm/index'
export { TransactionHistory } from './TransactionHistory/index'
