import type { PaygClient, TransactionInfo, TransactionType } from '@payg-kit/core'
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

/**
 * Reads every entry of `type` (all when undefined), then downloads one CSV file of them as
 * `fileName` (by default `transactions-<today>.csv`), never a partial one; `signal` stops it.
 * Resolves to the number of rows.
 */
export async function downloadLedgerCsv(
  client: PaygClient,
  type: TransactionType | undefined,
  signal: AbortSignal,
  onRows: (count: number) => void,
  fileName?: string,
): Promise<number> {
  const rows: TransactionInfo[] = []
  // The largest pages the API serves.
  for await (const page of client.transactions({ type, limit: 100 }, { signal })) {
    signal.throwIfAborted()
    rows.push(...page.data)
    onRows(rows.length)
  }
  signal.throwIfAborted()
  const url = URL.createObjectURL(new Blob([ledgerCsv(rows)], { type: 'text/csv;charset=utf-8' }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName ?? `transactions-${new Date().toISOString().slice(0, 10)}.csv`
  link.click()
  // Revoked on the next task: the download has started by then.
  setTimeout(() => URL.revokeObjectURL(url))
  return rows.length
}
