import { createPaygMock, type OperationId, type PaygMock, type ScenarioName } from '@payg-kit/msw'
import type { QueryClient } from '@tanstack/react-query'
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

/** What a story's mock was told to leave unanswered on purpose (a loading state). */
const unanswered = new WeakMap<
  PaygMock,
  { hangs: Map<OperationId, number>; held: Set<OperationId> }
>()
/** The query cache each story render talks through (see preview.tsx). */
const caches = new WeakMap<PaygMock, QueryClient>()

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

/** Ties a story render's query cache to its mock, so a test can tell when its data is in. */
export function registerStoryCache(mock: PaygMock, queryClient: QueryClient): void {
  caches.set(mock, queryClient)
}

/** Whether the story rendered last leaves a request unanswered on purpose (a loading state). */
export function storyLeavesUnanswered(): boolean {
  const mock = live.at(-1)
  const intended = mock && unanswered.get(mock)
  return !!intended && (intended.hangs.size > 0 || intended.held.size > 0)
}

/**
 * What the story rendered last is still waiting for, beyond what it leaves unanswered on purpose
 * (a `hang` fault or a `hold` set up by the story): requests the mock has not answered yet, and
 * queries or mutations still running (a client retry waits between two requests). Empty once the
 * story's data is in.
 */
export function storyWaitingFor(): string[] {
  const mock = live.at(-1)
  if (!mock) return []
  const { hangs, held } = unanswered.get(mock) ?? { hangs: new Map(), held: new Set() }
  const pending = new Map<OperationId, number>()
  for (const request of mock.requests) {
    if (request.status === null)
      pending.set(request.operationId, (pending.get(request.operationId) ?? 0) + 1)
  }
  const waiting: string[] = []
  // Requests the story keeps pending on purpose: they explain as many running queries.
  let intended = 0
  for (const [operationId, count] of pending) {
    const allowed = held.has(operationId) ? count : Math.min(count, hangs.get(operationId) ?? 0)
    intended += allowed
    if (count > allowed) waiting.push(`${count - allowed} ${operationId} request(s) unanswered`)
  }
  const queryClient = caches.get(mock)
  if (queryClient) {
    const running = queryClient.isFetching() + queryClient.isMutating()
    if (running > intended) waiting.push(`${running - intended} query/mutation(s) running`)
  }
  return waiting
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
  // What the story's setup leaves unanswered on purpose is noted, so a test waits for every
  // other answer and not for those.
  const intended = { hangs: new Map<OperationId, number>(), held: new Set<OperationId>() }
  unanswered.set(mock, intended)
  const { failNext, hold } = mock
  mock.failNext = (operationId, fault) => {
    if (fault?.mode === 'hang')
      intended.hangs.set(operationId, (intended.hangs.get(operationId) ?? 0) + 1)
    failNext.call(mock, operationId, fault)
  }
  mock.hold = (operationId) => {
    intended.held.add(operationId)
    const release = hold.call(mock, operationId)
    return () => {
      intended.held.delete(operationId)
      release()
    }
  }
  setup?.(mock)
  live.push(mock)
  // Older renders (stories long since navigated away from) stop being answered.
  if (live.length > KEPT_RENDERS) live.splice(0, live.length - KEPT_RENDERS)
  worker.resetHandlers(...live.flatMap((entry) => entry.handlers))
  return { mock, baseUrl }
}
