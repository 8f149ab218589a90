// <payg-transaction-history>: the ledger, paged, filtered by type, exported as CSV.
import { TransactionHistory } from '@payg-kit/ui'
import { defineWidget } from '../defineWidget'

defineWidget({
  tag: 'payg-transaction-history',
  component: TransactionHistory,
  attributes: {
    'default-type': ['defaultType', 'string'],
    'page-size': ['pageSize', 'number'],
    'csv-file-name': ['csvFileName', 'string'],
  },
})
