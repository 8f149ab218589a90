// SpendChart with a long history: render time and DOM size at five years (a bar per month),
// against a year of days (the most a bar per day shows, 366) measured in the same run. The data
// is in the cache before each render, so the figures are React's and the browser's, not the
// network's. Run with `pnpm bench:chart`.
import { createPaygClient, type UsageGranularity } from '@payg-kit/core'
import { createPaygMock } from '@payg-kit/msw'
import { PaygProvider, usageQueryOptions } from '@payg-kit/react'
import { QueryClient } from '@tanstack/react-query'
import { setupWorker } from 'msw/browser'
import { createElement, isValidElement } from 'react'
import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'
import { it } from 'vitest'
import { TEST_NOW } from '../../../test/clock'
import '../src/styles.css'
import { SpendChart } from '../src/SpendChart/SpendChart'

const RUNS = 40
const WARMUP = 5

const mock = createPaygMock({ scenario: 'newAccount', now: TEST_NOW })
const worker = setupWorker(...mock.handlers)

/** The median and the 90th percentile of `values`. */
function spread(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (share: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0
  return { median: at(0.5), p90: at(0.9) }
}

/** Elements and all nodes (text included) under `root`. */
function domSize(root: Element) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL)
  let nodes = 0
  while (walker.nextNode()) nodes++
  return { elements: root.querySelectorAll('*').length, nodes }
}

async function measure(name: string, days: number, granularity?: UsageGranularity) {
  mock.reset({
    description: `${days} days of usage`,
    account: {
      createdDaysAgo: days + 5,
      topUps: [{ amount: 5000, daysAgo: days + 1 }],
      usageDays: days,
      usagePerDay: [0, 3],
    },
  })
  const client = createPaygClient({ retry: false })
  const range = {
    days,
    granularity: granularity ?? (days > 731 ? 'MONTH' : days > 92 ? 'WEEK' : 'DAY'),
  }
  const usage = await client.getUsage(range)
  const requests = mock.requestCount('getUsage')
  const times: number[] = []
  let size = { elements: 0, nodes: 0 }
  let opened = { elements: 0, nodes: 0 }
  for (let run = 0; run < WARMUP + RUNS; run++) {
    const queryClient = new QueryClient()
    queryClient.setQueryData(usageQueryOptions(client, range).queryKey, usage)
    const container = document.createElement('div')
    container.style.width = '1024px'
    document.body.append(container)
    const root = createRoot(container)
    const start = performance.now()
    flushSync(() =>
      root.render(
        <PaygProvider client={client} queryClient={queryClient} locale="en-US">
          <SpendChart days={days} granularity={range.granularity} />
        </PaygProvider>,
      ),
    )
    // Until the browser has laid it out, as a user would see it.
    container.getBoundingClientRect()
    const elapsed = performance.now() - start
    if (!container.querySelector('[data-state="ready"]')) throw new Error(`${name}: not ready`)
    if (run >= WARMUP) times.push(elapsed)
    if (run === WARMUP + RUNS - 1) {
      size = domSize(container)
      // With the table open, for comparison: it is in the DOM only while open.
      container.querySelector('summary')?.click()
      for (let frame = 0; frame < 600 && !container.querySelector('table'); frame++) {
        await new Promise((resolve) => requestAnimationFrame(resolve))
      }
      opened = domSize(container)
    }
    root.unmount()
    container.remove()
  }
  const { median, p90 } = spread(times)
  return {
    case: name,
    bars: usage.buckets.length,
    requests,
    'render ms (median)': Number(median.toFixed(2)),
    'render ms (p90)': Number(p90.toFixed(2)),
    elements: size.elements,
    'DOM nodes': size.nodes,
    'DOM nodes, table open': opened.nodes,
  }
}

it('prints SpendChart render time and DOM size at five years against a year of days', async () => {
  await worker.start({ quiet: true, onUnhandledRequest: 'error' })
  // Whether React runs its production build here, as in an app's build.
  const element = createElement('div')
  const react = isValidElement(element) && '_store' in element ? 'development' : 'production'
  const rows = [
    await measure('366 days, a bar per day (baseline)', 366, 'DAY'),
    await measure('1 year, a bar per week', 365),
    await measure('5 years, a bar per month', 5 * 365 + 1),
  ]
  const baseline = rows[0]?.['render ms (median)'] ?? 1
  const lines = rows.map((row) => ({
    ...row,
    'vs baseline': `${(row['render ms (median)'] / baseline).toFixed(2)}x`,
  }))
  console.log(
    `SpendChart in ${navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? 'Chromium'}, React ${react} build, ${RUNS} renders each after ${WARMUP} warm-up, 1024 px wide:\n${JSON.stringify(lines, null, 2)}`,
  )
  worker.stop()
})
