/**
 * The strings of the notice a billing widget shows when the API has no billing extension
 * (Leonardo's public API), overridable through `PaygProvider`'s `messages`.
 */
export const billingNoticeMessages = {
  'billingNotice.title.topUp': 'Top-ups are managed in Leonardo',
  'billingNotice.title.autoTopUp': 'Auto top-up is managed in Leonardo',
  'billingNotice.title.transactions': 'Transactions are listed in Leonardo',
  'billingNotice.title.usage': 'Spend over time is shown in Leonardo',
  'billingNotice.title.migration': 'Plan changes are made in Leonardo',
  'billingNotice.body':
    "This API has no billing endpoints: this is managed in the API Access tab of Leonardo's web app.",
  'billingNotice.link': 'Open API Access',
} as const

/** What a billing widget is for, naming the notice's title. */
export type BillingFeature = 'topUp' | 'autoTopUp' | 'transactions' | 'usage' | 'migration'
