/** The custom elements the embed script registers. */
export const PAYG_ELEMENT_TAGS = [
  'payg-balance-badge',
  'payg-top-up-form',
  'payg-auto-top-up-settings',
  'payg-cost-calculator',
  'payg-paused-banner',
  'payg-transaction-history',
  'payg-spend-chart',
  'payg-migration-panel',
  'payg-cost-tag',
] as const

/** A tag the embed script registers. */
export type PaygElementTag = (typeof PAYG_ELEMENT_TAGS)[number]

/** The DOM events the elements dispatch (bubbling, composed), and what `event.detail` holds. */
export interface PaygElementEventMap {
  /** The balance badge's or paused banner's "Top up" was pressed. */
  'payg-top-up-click': CustomEvent<undefined>
  /** A top-up went through: the top-up and the new balance. */
  'payg-top-up-success': CustomEvent<unknown>
  /** Auto top-up settings were saved. */
  'payg-auto-top-up-saved': CustomEvent<unknown>
  /** The calculator's planner suggests auto top-up settings: `{ threshold, amount }` in dollars. */
  'payg-apply-suggestion': CustomEvent<{ threshold: number; amount: number }>
  /** The account moved from its legacy plan to pay-as-you-go. */
  'payg-migrated': CustomEvent<unknown>
}
