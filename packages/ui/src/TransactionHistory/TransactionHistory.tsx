'use client'
import type { TransactionInfo, TransactionPage, TransactionType } from '@payg-kit/core'
import { isNegative, isZero } from '@payg-kit/core'
import { usePaygClient, useTransactions } from '@payg-kit/react'
import {
  type ComponentProps,
  type CSSProperties,
  type FocusEvent,
  type KeyboardEvent,
  type ReactNode,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react'
import { fractionDigits } from '../alignDecimals'
import { propError } from '../propError'
import { RetryAlert } from '../RetryAlert'
import { useFormat } from '../useFormat'
import { useMessages } from '../useMessages'

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
    throw propError(
      'TransactionHistory',
      `pageSize must be a whole number from 1 to 100, got ${String(pageSize)}.`,
    )
  }
}

/** The columns: date, type, description, amount, balance after. */
const COLUMNS = 5

/** Where the grid's tab stop is: a row, and a cell in it (-1: the row itself). */
interface Cursor {
  row: number
  /**
   * The row's entry, which the tab stop follows when rows are added above it (a refetch after a
   * top-up); `row` is used when the entry is gone.
   */
  id: string | undefined
  cell: number
  /** Move focus there once drawn. */
  focus: boolean
}

/** The row (from 0) and cell of an element in the grid's body, or null for anything else. */
function cursorAt(target: EventTarget): Omit<Cursor, 'focus' | 'id'> | null {
  if (!(target instanceof Element)) return null
  const row = target.closest('tr')
  const index = Number(row?.getAttribute('aria-rowindex')) - 2
  if (!row || !(index >= 0)) return null
  const cell = target.closest('td')
  return { row: index, cell: cell && row.contains(cell) ? cell.cellIndex : -1 }
}

/**
 * A cell of the grid, focusable (0 for the tab stop, else -1): browsers infer gridcell from the
 * grid, this says so to every tool.
 */
function GridCell({ tabIndex, ...props }: ComponentProps<'td'> & { tabIndex: number }): ReactNode {
  // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a td in a grid is its gridcell
  return <td role="gridcell" tabIndex={tabIndex} {...props} />
}

/** The rows of `pages` in order, where each entry is, and the most fraction digits among their amounts. */
interface Loaded {
  pages: readonly TransactionPage[]
  rows: TransactionInfo[]
  at: Map<string, number>
  most: number
}

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
  // The loaded rows, extended by each new page alone; built again when an earlier page changes.
  const pages = ledger.data?.pages ?? []
  const loaded = useRef<Loaded>({ pages: [], rows: [], at: new Map(), most: 0 })
  let cache = loaded.current
  if (cache.pages.some((page, index) => page !== pages[index])) {
    cache = { pages: [], rows: [], at: new Map(), most: 0 }
  }
  for (const page of pages.slice(cache.pages.length)) {
    for (const row of page.data) {
      cache.at.set(row.id, cache.rows.length)
      cache.rows.push(row)
      cache.most = Math.max(cache.most, fractionDigits(format.price(row.amount), format.locale))
    }
  }
  cache.pages = pages
  loaded.current = cache
  const { rows, most } = cache

  const [announcement, setAnnouncement] = useState('')
  // Only the rows near the viewport are drawn: `count` from `first`, 10 rows above what can be
  // seen and 10 below (60 at least), so that scrolling shows no gap, and the current row, so that
  // focus never leaves with it. Each undrawn row stands in at `height` px, the drawn rows' mean;
  // `visible` rows fit in what can be seen (a page for PageUp and PageDown).
  const [[first, count], setWindow] = useState([0, 60])
  const [height, setHeight] = useState(40)
  // The layout `height` was measured for (see `place`).
  const measuredFor = useRef('')
  const [visible, setVisible] = useState(10)
  // The grid's one tab stop: a row, or one of its cells (`cell` -1 is the row itself). A new
  // object each time focus is to move there, `focus` set; the row is always drawn, found by its
  // entry, so that rows added above it (a refetch) neither move the stop nor undraw a focused row.
  const [cursor, setCursor] = useState<Cursor>({ row: 0, id: undefined, cell: -1, focus: false })
  const current = Math.max(
    0,
    Math.min(
      (cursor.id === undefined ? undefined : cache.at.get(cursor.id)) ?? cursor.row,
      rows.length - 1,
    ),
  )
  /** The tab stop at row `row` (from 0) and `cell`, focused once drawn when `focus`. */
  const moveTo = (row: number, cell: number, focus: boolean) =>
    setCursor({ row, id: rows[row]?.id, cell, focus })
  const tbody = useRef<HTMLTableSectionElement>(null)
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs for each move, where the row is then
  useEffect(() => {
    if (!cursor.focus) return
    const row = tbody.current?.querySelector<HTMLTableRowElement>(
      `tr[aria-rowindex="${current + 2}"]`,
    )
    ;(cursor.cell < 0 ? row : row?.cells[cursor.cell])?.focus()
  }, [cursor])
  const chooseType = (value: TransactionType | '') => {
    setAnnouncement('')
    // The first row of the new list, whatever its entry.
    setCursor({ row: 0, id: undefined, cell: -1, focus: false })
    setType(value)
  }

  const loadMore = async () => {
    if (ledger.isFetchingNextPage) return
    const before = rows.length
    const result = await ledger.fetchNextPage()
    if (result.isError) return
    const added = result.data?.pages.at(-1)?.data ?? []
    // Focus moves to the first new row, so reading goes on from there.
    if (added.length) setCursor({ row: before, id: added[0]?.id, cell: -1, focus: true })
    setAnnouncement(
      added.length === 1
        ? t('transactionHistory.loadedOne')
        : t('transactionHistory.loadedMany', { count: added.length }),
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
    try {
      // The CSV writer loads with the first export: most visits never export.
      const { downloadLedgerCsv } = await import('./ledgerCsv')
      const count = await downloadLedgerCsv(
        client,
        type || undefined,
        run.signal,
        setExported,
        csvFileName,
      )
      setAnnouncement(t('transactionHistory.exported', { count }))
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
  // The drawn rows, in order, with a spacer of the undrawn rows' height before each gap.
  const drawn: ReactNode[] = []
  let next = 0
  let drawnRows = 0
  const draw = (index: number) => {
    if (index < next || index > rows.length) return
    if (index > next) {
      drawn.push(
        // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an empty spacer, never focused
        <tr key={`~${next}`} aria-hidden="true" style={{ height: (index - next) * height }} />,
      )
    }
    const row = rows[index]
    if (row) {
      const sign = isNegative(row.amount) ? 'debit' : isZero(row.amount) ? 'zero' : 'credit'
      // A charge keeps its sub-cent digits, a balance is whole cents; each column aligns on its point.
      const amount = format.price(row.amount)
      const own = fractionDigits(amount, format.locale)
      const balance = format.money(row.balanceAfter)
      const exact = format.exact(row.balanceAfter)
      // The one tab stop: the current row, or the current cell in it.
      const stop = (cell: number) => (index === current && cursor.cell === cell ? 0 : -1)
      drawnRows++
      drawn.push(
        <tr key={row.id} tabIndex={stop(-1)} aria-rowindex={index + 2} data-type={row.type}>
          <GridCell data-cell="date" tabIndex={stop(0)}>
            <time dateTime={row.createdAt}>{format.dateTime(row.createdAt)}</time>
          </GridCell>
          <GridCell data-cell="type" tabIndex={stop(1)}>
            {typeLabel(row.type)}
          </GridCell>
          <GridCell data-cell="description" tabIndex={stop(2)}>
            {row.description}
          </GridCell>
          <GridCell
            tabIndex={stop(3)}
            data-cell="amount"
            data-numeric=""
            data-sign={sign}
            style={
              {
                '--payg-decimal-pad': `${own === 0 && most > 0 ? most + 0.5 : most - own}ch`,
              } as CSSProperties
            }
          >
            {`${sign === 'credit' ? '+' : ''}${amount}`}
          </GridCell>
          <GridCell
            tabIndex={stop(4)}
            data-cell="balance"
            data-numeric=""
            data-label={t('transactionHistory.balanceShort')}
            title={exact === balance ? undefined : exact}
          >
            {balance}
          </GridCell>
        </tr>,
      )
    }
    next = index + 1
  }
  if (current < first) draw(current)
  for (let index = first; index < first + count; index++) draw(index)
  draw(current)
  draw(rows.length)

  // Focus on a row or a cell, however it came there (a click, Tab, a key), makes it the tab stop.
  const onFocus = (event: FocusEvent<HTMLTableSectionElement>) => {
    const to = cursorAt(event.target)
    if (!to) return
    const id = rows[to.row]?.id
    setCursor((now) =>
      now.id === id && now.row === to.row && now.cell === to.cell
        ? now
        : { ...to, id, focus: false },
    )
  }
  // The data grid's keys (WAI-ARIA APG), with focus on a row as on a cell: arrows move one row or
  // cell, Page Up and Page Down a page of the rows that can be seen, Home and End to the first and
  // last loaded row (in a cell: to the row's first and last cell, with Ctrl to the first cell of
  // the first row and the last of the last). Down from the last loaded row loads the next page.
  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const at = cursorAt(event.target)
    if (!at || event.altKey || event.metaKey || event.shiftKey) return
    const last = rows.length - 1
    const { row, cell } = at
    const ctrl = event.ctrlKey
    let to: Omit<Cursor, 'focus' | 'id'> | null = null
    if (ctrl && event.key !== 'Home' && event.key !== 'End') return
    switch (event.key) {
      case 'ArrowDown':
      case 'PageDown':
        if (row === last) {
          if (ledger.hasNextPage) void loadMore()
          to = at
        } else {
          to = { row: Math.min(last, row + (event.key === 'PageDown' ? visible : 1)), cell }
        }
        break
      case 'ArrowUp':
      case 'PageUp':
        to = { row: Math.max(0, row - (event.key === 'PageUp' ? visible : 1)), cell }
        break
      case 'ArrowRight':
        to = { row, cell: Math.min(COLUMNS - 1, cell + 1) }
        break
      case 'ArrowLeft':
        // From the first cell back to its row.
        to = { row, cell: Math.max(-1, cell - 1) }
        break
      case 'Home':
        to = cell < 0 ? { row: 0, cell } : ctrl ? { row: 0, cell: 0 } : { row, cell: 0 }
        break
      case 'End':
        to =
          cell < 0
            ? { row: last, cell }
            : ctrl
              ? { row: last, cell: COLUMNS - 1 }
              : { row, cell: COLUMNS - 1 }
        break
    }
    if (!to) return
    event.preventDefault()
    if (to.row !== row || to.cell !== cell) moveTo(to.row, to.cell, true)
  }
  useEffect(() => {
    const place = () => {
      const box = tbody.current?.getBoundingClientRect()
      if (!box) return
      // The drawn rows' mean height, taken once per layout (its width) and number of rows, so
      // that scrolling never jumps: taken again as the window moves, the mean of other rows would
      // move the window again, and the two could chase each other for ever.
      const layout = `${Math.round(box.width)}:${rows.length}`
      let row = height
      if (drawnRows && measuredFor.current !== layout) {
        measuredFor.current = layout
        const mean = (box.height - (rows.length - drawnRows) * height) / drawnRows
        if (Math.abs(mean - height) > height / 8) row = mean
        setHeight(row)
      }
      const mean = row
      // The top of what can be seen: the window's, or that of a scrolling box the widget is in
      // (a drawer, a dialog, a dashboard panel), wherever that box sits on the page.
      let top = 0
      let bottom = innerHeight
      for (let node = tbody.current?.parentElement; node; node = node.parentElement) {
        if (
          node.scrollHeight > node.clientHeight &&
          /auto|scroll/.test(getComputedStyle(node).overflowY)
        ) {
          const clip = node.getBoundingClientRect()
          top = Math.max(0, clip.top)
          bottom = Math.min(bottom, clip.bottom)
          break
        }
      }
      const start = Math.max(0, ((top - box.top) / row - 10) | 0)
      const size = Math.max(60, Math.ceil((bottom - top) / row) + 20)
      setVisible(Math.max(1, Math.floor((bottom - top) / (mean > 0 ? mean : row))))
      // The window moves by 4 rows or more: the 10 drawn on each side cover less, and a row's
      // worth of drift from the stand-ins' estimate does not move it back and forth.
      setWindow((now) =>
        now[1] === size && Math.abs(now[0] - start) < 4 && (start > 0 || now[0] === 0)
          ? now
          : [start, size],
      )
    }
    place()
    // Any scroll that moves the table (the page's or a scrolling box's around it), and a resize
    // that changes its layout.
    addEventListener('scroll', place, true)
    addEventListener('resize', place)
    return () => {
      removeEventListener('scroll', place, true)
      removeEventListener('resize', place)
    }
  }, [rows.length, height, drawnRows])

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
            onChange={(event) => chooseType(event.target.value as TransactionType | '')}
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
              onClick={() => chooseType('')}
            >
              {t('transactionHistory.showAll')}
            </button>
          )}
        </div>
      )}
      {state === 'ready' && (
        // A grid wider than the screen scrolls sideways as focus moves through its cells.
        <section className="payg-transaction-history__scroll" aria-labelledby={`${id}-title`}>
          {/* A data grid: one tab stop, the arrow keys move between rows and cells. Its rows
              count the header row, as their aria-rowindex does; -1 (unknown) while more pages
              are to load. */}
          <table
            className="payg-transaction-history__table"
            // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a table with role grid is the APG's data grid, its rows and cells keep their table layout
            role="grid"
            aria-readonly="true"
            aria-labelledby={`${id}-title`}
            aria-rowcount={ledger.hasNextPage ? -1 : rows.length + 1}
          >
            <thead>
              <tr aria-rowindex={1}>
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
            <tbody ref={tbody} onFocus={onFocus} onKeyDown={onKeyDown}>
              {drawn}
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
