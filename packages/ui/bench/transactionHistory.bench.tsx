// TransactionHistory with a long history, before (every loaded row drawn) and after (only the rows
// near the viewport), in one run in Chromium: the time of the last "Load more" and the widget's
// DOM size at 1k and 10k loaded rows. Figures only: `pnpm bench:widgets`. React runs in its
// development build here, so absolute times are higher than in an app's production build.
import { createPaygClient, type TransactionPage } from '@payg-kit/core'
import { PaygProvider, transactionsQueryOptions } from '@payg-kit/react'
import { QueryClient } from '@tanstack/react-query'
import { type ComponentType, Profiler } from 'react'
import { it } from 'vitest'
import { render } from 'vitest-browser-react'
import '../src/styles.css'
import { TransactionHistory } from '../src/TransactionHistory/TransactionHistory'
import { TransactionHistory as TransactionHistoryBefore } from './TransactionHistory.before'

const PAGE = 100
const SERVICES = ['IMAGE_GENERATION', 'MOTION_GENERATION', 'UNIVERSAL_UPSCALER'] as const

/** A ledger of `size` usage charges, newest first, as the API sends it (sub-cent amounts). */
function ledger(size: number) {
  const start = Date.UTC(2026, 0, 1)
  return Array.from({ length: size }, (_, index) => {
    const cost = (27 + ((index * 37) % 900)) / 10_000
    return {
      id: `txn_${String(size - index).padStart(6, '0')}`,
      type: 'USAGE',
      amount: `-${cost.toFixed(index % 3 === 0 ? 3 : 4)}`,
      balanceAfter: (1000 - index * 0.05).toFixed(4),
      description: `${SERVICES[index % 3]} · ${1 + (index % 4)} × 1024×768`,
      service: SERVICES[index % 3],
      generationId: `gen_${index}`,
      topUpId: null,
      createdAt: new Date(start - index * 60_000).toISOString(),
    }
  })
}

/** `/billing/transactions` answered in memory, so the figures are the widget's, not a network's. */
function inMemoryFetch(entries: ReturnType<typeof ledger>) {
  return async (input: RequestInfo | URL) => {
    const url = new URL(input instanceof Request ? input.url : input)
    const limit = Number(url.searchParams.get('limit') ?? 20)
    const from = Number(url.searchParams.get('cursor') ?? 0)
    const data = entries.slice(from, from + limit)
    const next = from + limit < entries.length ? String(from + limit) : null
    return Response.json({ data, nextCursor: next })
  }
}

const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)))

/** Until `done()` holds, checked on every DOM change under `root`; resolves at that instant. */
function whenDom(root: Element, done: () => boolean): Promise<number> {
  return new Promise((resolve) => {
    if (done()) return resolve(performance.now())
    const observer = new MutationObserver(() => {
      if (!done()) return
      observer.disconnect()
      resolve(performance.now())
    })
    observer.observe(root, { childList: true, subtree: true, attributes: true })
  })
}

/**
 * Mounts with all pages but the last loaded (as "Load more" would have left them, read through the
 * client into the widget's own cache entry), then measures the last "Load more".
 */
async function measure(Widget: ComponentType<{ pageSize?: number }>, rows: number) {
  const entries = ledger(rows + PAGE)
  const client = createPaygClient({
    baseUrl: 'https://api.bench.test',
    fetch: inMemoryFetch(entries),
  })
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const pages: TransactionPage[] = []
  const pageParams: (string | undefined)[] = []
  for (let cursor: string | undefined; pages.length < rows / PAGE - 1; ) {
    pageParams.push(cursor)
    const page = await client.listTransactions({ limit: PAGE, cursor })
    pages.push(page)
    cursor = page.nextCursor ?? undefined
  }
  queryClient.setQueryData(transactionsQueryOptions(client, { limit: PAGE }).queryKey, {
    pages,
    pageParams,
  })
  const commits: { at: number; ms: number }[] = []
  const screen = await render(
    <PaygProvider client={client} queryClient={queryClient} locale="en-US" billing="extension">
      <Profiler id="history" onRender={(_, __, ms, ___, at) => commits.push({ at, ms })}>
        <Widget pageSize={PAGE} />
      </Profiler>
    </PaygProvider>,
  )
  const widget = () => screen.container.querySelector<HTMLElement>('.payg-transaction-history')
  await whenDom(screen.container, () => widget() !== null)
  const root = widget() as HTMLElement
  // Whether row `index` (from 0) is in: every loaded row is drawn (before), or, windowed, that row
  // is drawn (its row count is -1 while more pages are to load; "Load more" draws and focuses the
  // first new row).
  const has = (index: number) =>
    root.querySelector(`tbody tr[aria-rowindex="${index + 2}"]`) !== null ||
    (root.querySelector('table')?.tBodies[0]?.rows.length ?? 0) > index
  await whenDom(root, () => has(0))
  const before = rows - PAGE
  const button = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Load more')
  if (!button) throw new Error('bench: no "Load more" button')
  button.scrollIntoView({ block: 'center' })
  await frame()
  const start = performance.now()
  const committed = whenDom(root, () => has(before))
  button.click()
  const end = await committed
  await frame()
  const lastMs = end - start
  const lastFrameMs = performance.now() - start
  const after = commits.filter((commit) => commit.at >= start)
  const renderMs = after.reduce((sum, c) => sum + c.ms, 0)
  const renders = after.length
  const nodes = root.querySelectorAll('*').length
  const drawn = root.querySelectorAll('tbody tr:not([aria-hidden])').length
  screen.unmount()
  queryClient.clear()
  return { lastMs, lastFrameMs, renderMs, renders, nodes, drawn }
}

it('prints TransactionHistory figures at 1k and 10k loaded rows, before and after windowing', async () => {
  const lines: string[] = []
  const round = (ms: number) => ms.toFixed(1).padStart(7)
  lines.push(
    'TransactionHistory, last "Load more" (100 rows a page), Chromium, React development build',
    'rows    variant  click→commit ms  click→next frame ms  React render ms (commits)  DOM nodes  rows drawn',
  )
  for (const rows of (import.meta.env.VITE_BENCH_ROWS ?? '1000,10000').split(',').map(Number)) {
    for (const [name, Widget] of [
      ['after', TransactionHistory],
      ['before', TransactionHistoryBefore],
    ] as const) {
      const figures = await measure(Widget, rows)
      lines.push(
        `${String(rows).padEnd(7)} ${name.padEnd(8)} ${round(figures.lastMs).padStart(15)}  ${round(figures.lastFrameMs).padStart(19)}  ${round(figures.renderMs).padStart(15)} (${String(figures.renders).padStart(2)})       ${String(figures.nodes).padStart(9)}  ${String(figures.drawn).padStart(10)}`,
      )
    }
  }
  console.log(lines.join('\n'))
})
