import { configure } from 'storybook/test'
import { afterEach, beforeAll, expect, inject } from 'vitest'
import { page } from 'vitest/browser'
import '@fontsource/inter/latin-400.css'
import '@fontsource/inter/latin-500.css'
import '@fontsource/inter/latin-600.css'
import '@fontsource/inter/latin-700.css'
import '../test/clock.ts'
import { storyLeavesUnanswered, storyWaitingFor } from './storyMock.ts'

// Stories answer through the mock with 120-300 ms of latency. A play function that waits for a
// chain of answers gets 5 s instead of 1 s, so a busy machine does not fail it.
configure({ asyncUtilTimeout: 5000 })

// ----- screenshots ---------------------------------------------------------------------------
// After its play function every story is captured light and dark at a narrow and a wide width and
// compared with the baseline in .storybook/screenshots, in `pnpm test` and `pnpm test:screenshots`
// (the stories alone; `pnpm test:screenshots --update` writes the baselines anew). What the machine would vary is pinned: the
// font comes from a package, not the system; animations, transitions and the caret are off. A
// story is captured once it has settled, whatever the machine's speed: its fonts are in, every
// answer it waits for has arrived, its lazy chunks are loaded, and its size is the same two
// frames in a row.

const WIDTHS = [360, 1024] as const
const THEMES = ['light', 'dark'] as const
// How long a story may take to settle on a busy machine before the test fails saying what it
// still waits for. A bound, not a wait: a story that settles sooner is captured sooner.
const SETTLE_TIMEOUT_MS = 20_000

declare module 'vitest' {
  export interface ProvidedContext {
    /** How tall the page is that stories render in (see vitest.config.ts). */
    screenshotPageHeight?: number
  }
}

declare global {
  /** Dynamic imports behind `lazy()` still loading (counted by the storybook project's plugin). */
  var __paygLazyPending: number | undefined
  /** Counts a lazy chunk as loading until it is in (see vitest.config.ts). */
  var __paygTrackImport: (<T>(chunk: Promise<T>) => Promise<T>) | undefined
}
globalThis.__paygLazyPending = 0
globalThis.__paygTrackImport = (chunk) => {
  globalThis.__paygLazyPending = (globalThis.__paygLazyPending ?? 0) + 1
  const done = () => {
    globalThis.__paygLazyPending = (globalThis.__paygLazyPending ?? 1) - 1
  }
  chunk.then(done, done)
  return chunk
}

beforeAll(async () => {
  const style = document.createElement('style')
  style.dataset.screenshots = ''
  style.textContent = `
    .payg-root { --payg-font-family: Inter, sans-serif; }
    .payg-story--canvas { min-height: 0 !important; }
    *, *::before, *::after {
      animation: none !important;
      transition: none !important;
      caret-color: transparent !important;
    }`
  document.head.append(style)
  await Promise.all(
    [400, 500, 600, 700].map((weight) => document.fonts.load(`${weight} 16px Inter`, '$0')),
  )
})

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve))

/** What the story in `frame` still waits for; empty once it shows its final state. */
function waitingFor(frame: HTMLElement): string[] {
  const waiting = storyWaitingFor()
  if (document.fonts.status !== 'loaded') waiting.push('fonts loading')
  const lazy = globalThis.__paygLazyPending ?? 0
  if (lazy > 0) waiting.push(`${lazy} lazy chunk(s) loading`)
  // A widget still loading or updating, in a story that leaves nothing unanswered on purpose.
  const busy = frame.querySelector(
    '[aria-busy="true"], [data-state="loading"], [data-state="updating"]',
  )
  if (busy && !storyLeavesUnanswered()) {
    waiting.push(`${busy.className || busy.tagName} busy`)
  }
  return waiting
}

/** The story root's size and place, and what it would scroll. */
function layoutOf(frame: HTMLElement): string {
  const box = frame.getBoundingClientRect()
  return [box.x, box.y, box.width, box.height, frame.scrollWidth, frame.scrollHeight].join()
}

/** Until the story has settled: nothing left to wait for, and the same layout two frames running. */
async function settled(frame: HTMLElement, shot: string): Promise<void> {
  await document.fonts.ready
  const deadline = performance.now() + SETTLE_TIMEOUT_MS
  let previous: string | undefined
  for (;;) {
    await nextFrame()
    const waiting = waitingFor(frame)
    const layout = layoutOf(frame)
    if (waiting.length === 0 && layout === previous) return
    previous = waiting.length === 0 ? layout : undefined
    if (performance.now() > deadline) {
      throw new Error(
        `${shot}: the story did not settle within ${SETTLE_TIMEOUT_MS / 1000} s (${
          waiting.join('; ') || 'its layout kept changing'
        }).`,
      )
    }
  }
}

/** A file name from a story's name, e.g. `legacy-plan-credits`. */
function slug(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
}

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' || !inject('screenshots')) return
  const frame = document.querySelector<HTMLElement>('.payg-story')
  if (!frame) throw new Error('No story frame (.payg-story) to capture.')
  const { innerWidth, innerHeight } = window
  const fixed = frame.dataset.paygStoryTheme === 'fixed'
  const initial = frame.dataset.paygTheme ?? 'light'
  const story = `${task.file?.name ?? ''} › ${task.name}`
  const mismatches: string[] = []
  try {
    for (const theme of fixed ? [initial] : THEMES) {
      frame.dataset.paygTheme = theme
      for (const width of WIDTHS) {
        const name = `${slug(task.name)}-${theme}-${width}`
        const shot = `Story "${story}", ${theme}, ${width} px (${name}.png)`
        // The layout at this width first, then a viewport exactly as tall as the story, so the
        // whole of it is painted (what lies outside the viewport is not) and the capture's size
        // is the story's own.
        await page.viewport(width, 200)
        window.scrollTo(0, 0)
        await settled(frame, shot)
        const height = Math.ceil(frame.getBoundingClientRect().bottom)
        // A frame taller than the page would be scaled down to fit, and its screenshot with it.
        const pageHeight = inject('screenshotPageHeight') ?? Number.POSITIVE_INFINITY
        if (height > pageHeight) {
          throw new Error(
            `${shot}: the story is ${height} px tall, taller than the ${pageHeight} px page it renders in (SCREENSHOT_PAGE in vitest.config.ts).`,
          )
        }
        await page.viewport(width, height)
        window.scrollTo(0, 0)
        await settled(frame, shot)
        const bottom = Math.ceil(frame.getBoundingClientRect().bottom)
        if (bottom !== height) {
          throw new Error(`${shot}: the story is ${bottom} px tall in a ${height} px viewport.`)
        }
        try {
          // Two captures in a row must agree before the comparison.
          await expect(page.elementLocator(frame)).toMatchScreenshot(name, {
            timeout: SETTLE_TIMEOUT_MS,
          })
        } catch (error) {
          mismatches.push(`${shot}\n${error instanceof Error ? error.message : String(error)}`)
        }
      }
    }
  } finally {
    frame.dataset.paygTheme = initial
    await page.viewport(innerWidth, innerHeight)
  }
  if (mismatches.length > 0) {
    throw new Error(
      `${mismatches.length} screenshot(s) of story "${story}" differ from the baselines in .storybook/screenshots (compare the diff image; \`pnpm test:screenshots --update\` writes them anew if the change is intended):\n\n${mismatches.join('\n\n')}`,
    )
  }
})
