import type { TransactionInfo } from '@payg-kit/core'
import { toCsv } from './toCsv'

/** The rows as CSV: ISO dates, type codes, exact decimal amounts and their unit (`USD` or `CREDITS`). */
export function ledgerCsv(rows: readonly TransactionInfo[]): string {
  return toCsv([
    ['date', 'type', 'description', 'amount', 'balance_after', 'currency', 'service', 'id'],
    ...rows.map((row) => [
      row.createdAt,
      row.type,
      row.description,
      row.amount.amount,
      row.balanceAfter.amount,
      row.unit,
      row.service ?? '',
      row.id,
    ]),
  ])
}
