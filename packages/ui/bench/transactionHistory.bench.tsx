// TransactionHistory with a long history, before (every loaded row drawn) and after (only the rows
// near the viewport), in one run in Chromium: the time of the last "Load more" and the widget's
// DOM size at 1k and 10k loaded rows. Figures only: `pnpm bench:widgets`, in React's production
// build, as in an app (whose Profiler does not time renders, so the times are the click's).
import { createPaygClient, type TransactionPage } from '@payg-kit/core'
import { PaygProvider, transactionsQueryOptions } from '@payg-kit/react'
import { QueryClient } from '@tanstack/react-query'
import type { ComponentType } from 'react'
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

/**
 * Until `done()` holds, checked on every DOM change under `root`; resolves at that instant, or
 * fails naming `what` when it has not held within a minute.
 */
function whenDom(root: Element, done: () => boolean, what: string): Promise<number> {
  return new Promise((resolve, reject) => {
    if (done()) return resolve(performance.now())
    const observer = new MutationObserver(() => {
      if (!done()) return
      observer.disconnect()
      clearTimeout(timer)
      resolve(performance.now())
    })
    const timer = setTimeout(() => {
      observer.disconnect()
      reject(new Error(`bench: ${what} did not happen within a minute`))
    }, 60_000)
    observer.observe(root, { childList: true, subtree: true, attributes: true })
  })
}

/**
 * Mounts with all pages but the last loaded (as "Load more" would have left them, read through the
 * client into the widget's own cache entry), then measures the last "Load more".
 */
async function measure(Widget: ComponentType<{ pageSize?: number }>, rows: number) {
  const entries = ledger(rows)
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
  const { queryKey } = transactionsQueryOptions(client, { limit: PAGE })
  queryClient.setQueryData(queryKey, { pages, pageParams })
  const screen = await render(
    <PaygProvider client={client} queryClient={queryClient} locale="en-US" billing="extension">
      <Widget pageSize={PAGE} />
    </PaygProvider>,
  )
  const widget = () => screen.container.querySelector<HTMLElement>('.payg-transaction-history')
  await whenDom(screen.container, () => widget() !== null, 'the widget')
  const root = widget() as HTMLElement
  // The last page's "Load more": done when the widget has drawn that page, which takes the
  // button away in the same commit.
  const loadMore = () =>
    [...root.querySelectorAll('button')].find((button) => button.textContent === 'Load more')
  await whenDom(root, () => loadMore() !== undefined, '"Load more"')
  const button = loadMore() as HTMLButtonElement
  button.scrollIntoView({ block: 'center' })
  await frame()
  const start = performance.now()
  // While it loads the button says so; it goes once the last page is drawn.
  const committed = whenDom(
    root,
    () => root.querySelector('.payg-transaction-history__more') === null,
    'the last page',
  )
  button.click()
  const lastMs = (await committed) - start
  await frame()
  const lastFrameMs = performance.now() - start
  const loaded = (
    queryClient.getQueryData(queryKey) as { pages: TransactionPage[] } | undefined
  )?.pages.reduce((sum, page) => sum + page.data.length, 0)
  if (loaded !== rows) throw new Error(`bench: ${loaded} rows loaded, not ${rows}`)
  const nodes = root.querySelectorAll('*').length
  const drawn = root.querySelectorAll('tbody tr:not([aria-hidden])').length
  screen.unmount()
  queryClient.clear()
  return { lastMs, lastFrameMs, nodes, drawn }
}

it('prints TransactionHistory figures at 1k and 10k loaded rows, before and after windowing', async () => {
  const lines: string[] = []
  const round = (ms: number) => ms.toFixed(1).padStart(7)
  lines.push(
    'TransactionHistory, last "Load more" (100 rows a page), Chromium, React production build',
    'rows    variant  click→commit ms  click→next frame ms  DOM nodes  rows drawn',
  )
  for (const rows of (import.meta.env.VITE_BENCH_ROWS ?? '1000,10000').split(',').map(Number)) {
    const measured: Record<string, Awaited<ReturnType<typeof measure>>> = {}
    for (const [name, Widget] of [
      ['after', TransactionHistory],
      ['before', TransactionHistoryBefore],
    ] as const) {
      const figures = await measure(Widget, rows)
      measured[name] = figures
      lines.push(
        `${String(rows).padEnd(7)} ${name.padEnd(8)} ${round(figures.lastMs).padStart(15)}  ${round(figures.lastFrameMs).padStart(19)}  ${String(figures.nodes).padStart(9)}  ${String(figures.drawn).padStart(10)}`,
      )
    }
    const [after, before] = [measured.after, measured.before]
    if (after && before) {
      lines.push(
        `${String(rows).padEnd(7)} after/before: ${(after.lastMs / before.lastMs).toFixed(2)}x click→commit, ${(after.lastFrameMs / before.lastFrameMs).toFixed(2)}x to the next frame, ${(after.nodes / before.nodes).toFixed(3)}x DOM nodes`,
      )
    }
  }
  console.log(lines.join('\n'))
})
