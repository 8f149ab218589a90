// TransactionHistory as it was before it drew only the rows near the viewport: every loaded row
// in the DOM, all of them drawn again on each "Load more". The widgets benchmark's baseline.
import type { TransactionInfo, TransactionType } from '@payg-kit/core'
import { isNegative, isZero } from '@payg-kit/core'
import { usePaygClient, useTransactions } from '@payg-kit/react'
import { type CSSProperties, type ReactNode, useEffect, useId, useRef, useState } from 'react'
import { alignDecimals } from '../src/alignDecimals'
import { RetryAlert } from '../src/RetryAlert'
import { useFormat } from '../src/useFormat'
import { useMessages } from '../src/useMessages'

/** The ledger's entry types, in the order the filter lists them. */
const TYPES = [
  'TOP_UP',
  'AUTO_TOP_UP',
  'USAGE',
  'MIGRATION_CREDIT',
  'FREE_CREDIT',
  'ADJUSTMENT',
  'REFUND',
] as const satisfies readonly TransactionType[]

/** TransactionHistory's strings, overridable through `PaygProvider`'s `messages`. */
export const transactionHistoryMessages = {
  'transactionHistory.title': 'Transactions',
  'transactionHistory.filter': 'Type',
  'transactionHistory.allTypes': 'All types',
  'transactionHistory.type.TOP_UP': 'Top-up',
  'transactionHistory.type.AUTO_TOP_UP': 'Auto top-up',
  'transactionHistory.type.USAGE': 'Usage',
  'transactionHistory.type.MIGRATION_CREDIT': 'Plan credits converted',
  'transactionHistory.type.FREE_CREDIT': 'Free credit',
  'transactionHistory.type.ADJUSTMENT': 'Adjustment',
  'transactionHistory.type.REFUND': 'Refund',
  'transactionHistory.date': 'Date',
  'transactionHistory.typeColumn': 'Type',
  'transactionHistory.description': 'Description',
  'transactionHistory.amount': 'Amount',
  'transactionHistory.balanceAfter': 'Balance after',
  'transactionHistory.loading': 'Loading transactions…',
  'transactionHistory.empty': 'No transactions yet.',
  'transactionHistory.emptyHint':
    'Add funds with a top-up to start: every top-up, request charge and credit then shows up here with the balance after it.',
  'transactionHistory.emptyFiltered': 'No “{type}” transactions yet.',
  'transactionHistory.emptyFilteredHint': 'Other types may have entries.',
  'transactionHistory.showAll': 'Show all types',
  'transactionHistory.balanceShort': 'Balance',
  'transactionHistory.error': 'Transactions could not be loaded.',
  'transactionHistory.retry': 'Retry',
  'transactionHistory.loadMore': 'Load more',
  'transactionHistory.loadingMore': 'Loading more…',
  'transactionHistory.loadMoreError': 'More transactions could not be loaded. Try again.',
  'transactionHistory.loadedOne': '1 more transaction loaded',
  'transactionHistory.loadedMany':
    '{count, plural, one {# more transaction} other {# more transactions}} loaded',
  'transactionHistory.export': 'Export CSV',
  'transactionHistory.exporting': 'Exporting… {count, plural, one {# row} other {# rows}}',
  'transactionHistory.cancelExport': 'Cancel export',
  'transactionHistory.exportCancelled': 'Export cancelled: nothing was downloaded.',
  'transactionHistory.exportError':
    'The export stopped because transactions could not be loaded, so nothing was downloaded.',
  'transactionHistory.exported':
    '{count, plural, one {# transaction} other {# transactions}} exported',
} as const

/** The states TransactionHistory shows, also its `data-state`. */
export type TransactionHistoryState = 'loading' | 'error' | 'empty' | 'ready'

/** Props of TransactionHistory. */
export interface TransactionHistoryProps {
  /** The type the filter starts on; all types by default. */
  defaultType?: TransactionType
  /** Rows per page (1 to 100). Default 20. */
  pageSize?: number
  /** The CSV file's name. Default `transactions-<today>.csv`. */
  csvFileName?: string
  className?: string
}

/** A plain-JS caller can pass anything; the ledger API pages 1 to 100 rows at a time. */
function checkPageSize(pageSize: unknown): void {
  if (!Number.isInteger(pageSize) || (pageSize as number) < 1 || (pageSize as number) > 100) {
    throw new RangeError(
      `[payg-kit] TransactionHistory: pageSize must be a whole number from 1 to 100, got ${String(pageSize)}.`,
    )
  }
}

// An export reads the ledger in the largest pages the API serves.
const EXPORT_PAGE_SIZE = 100

/**
 * The ledger, newest first: date, type, description, signed amount and balance after; a type
 * filter, "Load more", and a CSV export of every entry of the chosen type.
 * @example <TransactionHistory pageSize={50} />
 */
export function TransactionHistory({
  defaultType,
  pageSize = 20,
  csvFileName,
  className,
}: TransactionHistoryProps): ReactNode {
  checkPageSize(pageSize)
  const { t } = useMessages(transactionHistoryMessages)
  const format = useFormat()
  const id = useId()
  const [type, setType] = useState<TransactionType | ''>(defaultType ?? '')
  const ledger = useTransactions({ type: type || undefined, limit: pageSize })
  const client = usePaygClient()
  // The running export: its rows so far and how to stop it.
  const [exported, setExported] = useState<number | null>(null)
  const [exportFailed, setExportFailed] = useState(false)
  const exportRun = useRef<AbortController | null>(null)
  const exportButton = useRef<HTMLButtonElement>(null)
  useEffect(() => () => exportRun.current?.abort(), [])
  const rows = ledger.data?.pages.flatMap((page) => page.data) ?? []

  const [announcement, setAnnouncement] = useState('')
  // After "Load more", focus moves to the first new row so reading can go on from there.
  const focusRow = useRef<number | null>(null)
  const tbody = useRef<HTMLTableSectionElement>(null)
  useEffect(() => {
    if (focusRow.current === null) return
    const row = tbody.current?.rows[focusRow.current]
    if (!row) return
    focusRow.current = null
    row.focus()
  })

  const loadMore = async () => {
    if (ledger.isFetchingNextPage) return
    const before = rows.length
    const result = await ledger.fetchNextPage()
    if (result.isError) return
    const count =
      (result.data?.pages.reduce((sum, page) => sum + page.data.length, 0) ?? 0) - before
    if (count > 0) focusRow.current = before
    setAnnouncement(
      count === 1
        ? t('transactionHistory.loadedOne')
        : t('transactionHistory.loadedMany', { count }),
    )
  }

  // Every page of the filtered ledger, then one download: never a partial file.
  const exportCsv = async () => {
    if (exportRun.current) return
    const run = new AbortController()
    exportRun.current = run
    setExportFailed(false)
    setAnnouncement('')
    setExported(0)
    const all: TransactionInfo[] = []
    try {
      const pages = client.transactions(
        { type: type || undefined, limit: EXPORT_PAGE_SIZE },
        { signal: run.signal },
      )
      for await (const page of pages) {
        if (run.signal.aborted) break
        all.push(...page.data)
        setExported(all.length)
      }
      // The CSV writer loads with the first export: most visits never export.
      const { ledgerCsv } = await import('../src/TransactionHistory/ledgerCsv')
      if (run.signal.aborted) {
        setAnnouncement(t('transactionHistory.exportCancelled'))
        return
      }
      const blob = new Blob([ledgerCsv(all)], { type: 'text/csv;charset=utf-8' })
      const url = URL.createObjectURL(blob)
      const link = document.createElement('a')
      link.href = url
      link.download = csvFileName ?? `transactions-${new Date().toISOString().slice(0, 10)}.csv`
      link.click()
      // Revoked on the next task: the download has started by then.
      setTimeout(() => URL.revokeObjectURL(url))
      setAnnouncement(t('transactionHistory.exported', { count: all.length }))
    } catch {
      if (run.signal.aborted) setAnnouncement(t('transactionHistory.exportCancelled'))
      else setExportFailed(true)
    } finally {
      exportRun.current = null
      setExported(null)
    }
  }

  let state: TransactionHistoryState = 'loading'
  if (ledger.data) state = rows.length ? 'ready' : 'empty'
  else if (ledger.isError) state = 'error'

  const typeLabel = (value: TransactionType) => t(`transactionHistory.type.${value}`)
  // A charge keeps its sub-cent digits, a balance is whole cents; each column aligns on its point.
  const amounts = rows.map((row) => {
    const credit = !isNegative(row.amount) && !isZero(row.amount)
    return `${credit ? '+' : ''}${format.price(row.amount)}`
  })
  const pads = alignDecimals(amounts, format.locale)

  return (
    <div
      className={['payg-root', 'payg-card', 'payg-transaction-history', className]
        .filter(Boolean)
        .join(' ')}
      data-state={state}
      aria-busy={state === 'loading' || undefined}
    >
      <h2 className="payg-heading" id={`${id}-title`}>
        {t('transactionHistory.title')}
      </h2>
      <div className="payg-transaction-history__toolbar">
        <div className="payg-field">
          <label className="payg-label" htmlFor={`${id}-type`}>
            {t('transactionHistory.filter')}
          </label>
          <select
            id={`${id}-type`}
            className="payg-select"
            value={type}
            onChange={(event) => {
              setAnnouncement('')
              setType(event.target.value as TransactionType | '')
            }}
          >
            <option value="">{t('transactionHistory.allTypes')}</option>
            {TYPES.map((value) => (
              <option key={value} value={value}>
                {typeLabel(value)}
              </option>
            ))}
          </select>
        </div>
        <div className="payg-transaction-history__export">
          <button
            ref={exportButton}
            type="button"
            className="payg-button"
            data-variant="secondary"
            disabled={!rows.length}
            aria-disabled={exported !== null || undefined}
            onClick={exportCsv}
          >
            {t('transactionHistory.export')}
          </button>
          {exported !== null && (
            <>
              <span className="payg-transaction-history__progress" role="status">
                {t('transactionHistory.exporting', { count: exported })}
              </span>
              <button
                type="button"
                className="payg-button"
                data-variant="link"
                onClick={() => {
                  exportRun.current?.abort()
                  // The cancel button goes away: focus stays on the export it stopped.
                  exportButton.current?.focus()
                }}
              >
                {t('transactionHistory.cancelExport')}
              </button>
            </>
          )}
        </div>
      </div>
      {exportFailed && (
        <RetryAlert
          message={t('transactionHistory.exportError')}
          retryLabel={t('transactionHistory.retry')}
          onRetry={exportCsv}
        />
      )}

      {state === 'loading' && (
        <div
          className="payg-transaction-history__placeholder"
          role="img"
          aria-label={t('transactionHistory.loading')}
        >
          {[0, 1, 2, 3, 4].map((line) => (
            <span key={line} className="payg-transaction-history__placeholder-row">
              <span className="payg-skeleton" />
              <span className="payg-skeleton" />
              <span className="payg-skeleton" />
            </span>
          ))}
        </div>
      )}
      {state === 'error' && (
        <RetryAlert
          message={t('transactionHistory.error')}
          retryLabel={t('transactionHistory.retry')}
          onRetry={() => ledger.refetch()}
        />
      )}
      {state === 'empty' && (
        <div className="payg-transaction-history__empty">
          <p className="payg-transaction-history__empty-title">
            {type
              ? t('transactionHistory.emptyFiltered', { type: typeLabel(type) })
              : t('transactionHistory.empty')}
          </p>
          <p className="payg-muted">
            {type ? t('transactionHistory.emptyFilteredHint') : t('transactionHistory.emptyHint')}
          </p>
          {type && (
            <button
              type="button"
              className="payg-button"
              data-variant="secondary"
              onClick={() => setType('')}
            >
              {t('transactionHistory.showAll')}
            </button>
          )}
        </div>
      )}
      {state === 'ready' && (
        <section
          className="payg-transaction-history__scroll"
          aria-labelledby={`${id}-title`}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than the screen scrolls sideways, so its region must be reachable by keyboard
          tabIndex={0}
        >
          <table className="payg-transaction-history__table" aria-labelledby={`${id}-title`}>
            <thead>
              <tr>
                <th scope="col">{t('transactionHistory.date')}</th>
                <th scope="col">{t('transactionHistory.typeColumn')}</th>
                <th scope="col">{t('transactionHistory.description')}</th>
                <th scope="col" data-numeric="">
                  {t('transactionHistory.amount')}
                </th>
                <th scope="col" data-numeric="">
                  {t('transactionHistory.balanceAfter')}
                </th>
              </tr>
            </thead>
            <tbody ref={tbody}>
              {rows.map((row, index) => {
                const sign = isNegative(row.amount)
                  ? 'debit'
                  : isZero(row.amount)
                    ? 'zero'
                    : 'credit'
                const balance = format.money(row.balanceAfter)
                const exact = format.exact(row.balanceAfter)
                return (
                  <tr key={row.id} tabIndex={-1} data-type={row.type}>
                    <td data-cell="date">
                      <time dateTime={row.createdAt}>{format.dateTime(row.createdAt)}</time>
                    </td>
                    <td data-cell="type">{typeLabel(row.type)}</td>
                    <td data-cell="description">{row.description}</td>
                    <td
                      data-cell="amount"
                      data-numeric=""
                      data-sign={sign}
                      style={{ '--payg-decimal-pad': `${pads[index] ?? 0}ch` } as CSSProperties}
                    >
                      {amounts[index]}
                    </td>
                    <td
                      data-cell="balance"
                      data-numeric=""
                      data-label={t('transactionHistory.balanceShort')}
                      title={exact === balance ? undefined : exact}
                    >
                      {balance}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </section>
      )}
      {ledger.isFetchNextPageError && (
        <p className="payg-alert" data-tone="danger" role="alert">
          {t('transactionHistory.loadMoreError')}
        </p>
      )}
      {state === 'ready' && ledger.hasNextPage && (
        <button
          type="button"
          className="payg-button payg-transaction-history__more"
          data-variant="secondary"
          aria-disabled={ledger.isFetchingNextPage || undefined}
          onClick={loadMore}
        >
          {ledger.isFetchingNextPage
            ? t('transactionHistory.loadingMore')
            : t('transactionHistory.loadMore')}
        </button>
      )}
      <p className="payg-visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  )
}
