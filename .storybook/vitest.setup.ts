import { configure } from 'storybook/test'
import { afterEach, beforeAll, expect, inject } from 'vitest'
import { page } from 'vitest/browser'
import '@fontsource/inter/latin-400.css'
import '@fontsource/inter/latin-500.css'
import '@fontsource/inter/latin-600.css'
import '@fontsource/inter/latin-700.css'
import '../test/clock.ts'
import { lastStoryMock } from './storyMock.ts'

// Stories answer through the mock with 120-300 ms of latency. A play function that waits for a
// chain of answers gets 5 s instead of 1 s, so a busy machine does not fail it.
configure({ asyncUtilTimeout: 5000 })

// ----- screenshots ---------------------------------------------------------------------------
// With `pnpm test:screenshots`, after its play function every story is captured light and dark
// at a narrow and a wide width and compared with the baseline in .storybook/screenshots
// (`pnpm test:screenshots --update` writes them anew). What the machine would vary is pinned: the font comes from a package, not
// the system; animations, transitions and the caret are off.

const WIDTHS = [360, 1024] as const
const THEMES = ['light', 'dark'] as const
// A request still pending after this long is one the story holds on purpose (a loading state).
const SETTLE_MS = 1500

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

/** Until the story's mock has answered every request it will answer. */
async function answered(): Promise<void> {
  const mock = lastStoryMock()
  for (let waited = 0; waited < SETTLE_MS; waited += 50) {
    if (!mock?.requests.some((request) => request.status === null)) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** Until fonts are in and the layout for the current width is painted. */
async function painted(): Promise<void> {
  await document.fonts.ready
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
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
  try {
    await answered()
    for (const theme of fixed ? [initial] : THEMES) {
      frame.dataset.paygTheme = theme
      for (const width of WIDTHS) {
        // As tall as the story, so the whole of it is painted (what lies outside the viewport
        // is not).
        await page.viewport(width, 200)
        await painted()
        window.scrollTo(0, 0)
        await page.viewport(width, Math.ceil(frame.getBoundingClientRect().bottom) + 1)
        await painted()
        // Two captures in a row must agree before the comparison; a busy machine gets 20 s.
        await expect(page.elementLocator(frame)).toMatchScreenshot(
          `${slug(task.name)}-${theme}-${width}`,
          { timeout: 20_000 },
        )
      }
    }
  } finally {
    frame.dataset.paygTheme = initial
    await page.viewport(innerWidth, innerHeight)
  }
})
