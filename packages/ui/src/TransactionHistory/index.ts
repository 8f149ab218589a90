'use client'
import { withBillingExtension } from '../withBillingExtension'
import { withErrorBoundary } from '../withErrorBoundary'
import { TransactionHistory as TransactionHistoryWidget } from './TransactionHistory'

/**
 * The ledger, newest first, with a type filter, "Load more" and a CSV export.
 * @example <TransactionHistory pageSize={50} />
 */
export const TransactionHistory = /* @__PURE__ */ withErrorBoundary(
  /* @__PURE__ */ withBillingExtension(TransactionHistoryWidget, 'transactions'),
)
