import { createPaygMock, type PaygMock, type ScenarioName } from '@payg-kit/msw'
import { type SetupWorker, setupWorker } from 'msw/browser'

/** The instant every story's mock starts at (see main.ts). */
declare const __PAYG_STORY_NOW__: string

// One service worker for the whole Storybook, but one mock per rendered story: each render gets
// its own ledger, clock, faults and request log under its own base path, so the stories of a Docs
// page (all rendered at once) never share or reset each other's state.
const KEPT_RENDERS = 64

let workerStarted: Promise<SetupWorker> | undefined
let renders = 0
const live: PaygMock[] = []

function startWorker(): Promise<SetupWorker> {
  workerStarted ??= (async () => {
    const worker = setupWorker()
    await worker.start({
      quiet: true,
      // Storybook's own files and assets go to the network; a request to the API that no story
      // answers is a mistake worth a warning.
      onUnhandledRequest(request, print) {
        if (new URL(request.url).pathname.startsWith('/payg-story/')) print.warning()
      },
    })
    return worker
  })()
  return workerStarted
}

/** The mock of the story rendered last (what a story test is looking at). */
export function lastStoryMock(): PaygMock | undefined {
  return live.at(-1)
}

/** A mock of its own for one story render, answering under its own base path. */
export async function createStoryMock(
  scenario: ScenarioName,
  setup?: (mock: PaygMock) => void,
): Promise<{ mock: PaygMock; baseUrl: string }> {
  const worker = await startWorker()
  renders += 1
  const baseUrl = `/payg-story/${renders}/api/rest/v1`
  const mock = createPaygMock({ scenario, baseUrl, latency: [120, 300], now: __PAYG_STORY_NOW__ })
  setup?.(mock)
  live.push(mock)
  // Older renders (stories long since navigated away from) stop being answered.
  if (live.length > KEPT_RENDERS) live.splice(0, live.length - KEPT_RENDERS)
  worker.resetHandlers(...live.flatMap((entry) => entry.handlers))
  return { mock, baseUrl }
}
