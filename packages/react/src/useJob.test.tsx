import {
  createJob,
  createPaygClient,
  getJob,
  type JobState,
  type Money,
  subtract,
  usd,
} from '@payg-kit/core'
import { QueryClient } from '@tanstack/react-query'
import { fireEvent, screen, waitFor } from '@testing-library/react'
import { HttpResponse, http } from 'msw'
import { describe, expect, test } from 'vitest'
import { jobQueryOptions } from './jobQueryOptions'
import { paygKeys } from './paygKeys'
import { renderWithPayg } from './test/renderWithPayg'
import { withMockServer } from './test/withMockServer'
import { useBalance } from './useBalance'
import { useCreateJob } from './useCreateJob'
import { useJob } from './useJob'

const { mock, server } = withMockServer('healthy')

// Leonardo Lightning XL with Alchemy, 4 images at 1024x1024: the published $0.048 example.
type VariationPath = '/variations/upscale' | '/variations/nobg' | '/variations/unzoom'

const lightning = {
  prompt: 'a lighthouse at dusk',
  modelId: 'b24e16ff-06e3-43eb-8d33-4416c2d75876',
  num_images: 4,
  width: 1024,
  height: 1024,
  alchemy: true,
}

function Balance() {
  const { data } = useBalance()
  return <p data-testid="balance">{data ? data.balance.amount : 'loading'}</p>
}

function Job({ id, fast = false }: { id: string | null | undefined; fast?: boolean }) {
  const job = useJob(id, fast ? { intervalMs: 1, maxIntervalMs: 1 } : {})
  if (!id) return <p>no job</p>
  return (
    <p data-testid="job">
      {job.data === undefined
        ? 'loading'
        : job.data === null
          ? 'unknown'
          : `${job.data.status} ${job.data.images.length} images`}
    </p>
  )
}

function GenerateAndFollow() {
  const create = useCreateJob('/generations')
  return (
    <>
      <button type="button" onClick={() => create.mutate(lightning)}>
        generate
      </button>
      {create.data && <p>{`cost ${create.data.cost?.amount} ${create.data.cost?.unit}`}</p>}
      <Job id={create.data?.id} />
    </>
  )
}

function Variation({ path, image }: { path: VariationPath; image: string }) {
  const create = useCreateJob(path)
  return (
    <button type="button" onClick={() => create.mutate({ id: image })}>
      {create.data ? `${create.data.kind} ${create.data.id ? 'id' : 'no id'}` : 'start'}
    </button>
  )
}

/** Answers `GET /generations/{id}` with each of `statuses` in turn, the last one from then on. */
function answering(statuses: JobState['status'][]) {
  const asked = { count: 0 }
  server.use(
    http.get('*/generations/:id', ({ params }) => {
      const status = statuses[Math.min(asked.count, statuses.length - 1)]
      asked.count += 1
      return HttpResponse.json({
        generations_by_pk: {
          id: params.id,
          status,
          generated_images:
            status === 'COMPLETE' ? [{ id: 'img_1', url: 'https://cdn.test/1.png' }] : [],
        },
      })
    }),
  )
  return asked
}

describe('useCreateJob and useJob', () => {
  test('start a generation through the mock, take its exact cost off the balance, and follow it to COMPLETE', async () => {
    renderWithPayg(
      <>
        <Balance />
        <GenerateAndFollow />
      </>,
    )
    const before = mock.state.balance()
    await screen.findByText(before)
    fireEvent.click(screen.getByRole('button', { name: 'generate' }))
    expect(await screen.findByText('cost 0.048 USD')).toBeTruthy()
    expect(await screen.findByText('COMPLETE 4 images')).toBeTruthy()
    // The server charged exactly the job's cost, and the settled job had the balance read again.
    const after = mock.state.balance()
    expect(subtract(usd(before), usd(after))).toEqual(usd('0.048'))
    await waitFor(() => expect(screen.getByTestId('balance').textContent).toBe(after))
    expect(mock.requestCount('getBalance')).toBe(2)
  })

  test.each([
    ['/variations/upscale', 'createVariationUpscale'],
    ['/variations/nobg', 'createVariationNoBG'],
    ['/variations/unzoom', 'createVariationUnzoom'],
  ] as const)(
    'starts %s through the mock with its cost in its own unit',
    async (path, operationId) => {
      const client = createPaygClient({ retry: false })
      const created = await createJob(client, '/generations', lightning)
      const image = (await getJob(client, created.id as string))?.images[0]?.id as string
      const balance = mock.state.balance()

      const view = renderWithPayg(<Variation path={path} image={image} />, { client })
      fireEvent.click(screen.getByRole('button', { name: 'start' }))
      await screen.findByRole('button', { name: /Job id$/ })
      expect(mock.requestCount(operationId)).toBe(1)
      const job = view.queryClient.getMutationCache().getAll()[0]?.state.data as { cost: Money }
      expect(job.cost.unit).toBe('USD')
      // What the mock took off the balance is exactly the cost the job reported.
      expect(subtract(usd(balance), usd(mock.state.balance()))).toEqual(job.cost)
    },
  )

  test('polls a PENDING job until it FAILED, then stops and reads the balance again', async () => {
    const asked = answering(['PENDING', 'PENDING', 'FAILED'])
    const view = renderWithPayg(
      <>
        <Balance />
        <Job id="g_1" fast />
      </>,
    )
    await screen.findByText(mock.state.balance())
    expect(await screen.findByText('FAILED 0 images')).toBeTruthy()
    expect(asked.count).toBe(3)
    await waitFor(() => expect(mock.requestCount('getBalance')).toBe(2))
    const query = view.queryClient
      .getQueryCache()
      .find({ queryKey: paygKeys.job(view.client, 'g_1') })
    if (!query) throw new Error('the job query is cached')
    const { refetchInterval: interval } = query.options as unknown as {
      refetchInterval: (q: unknown) => number | false
    }
    expect(interval(query)).toBe(false)
  })

  test('keeps polling a job the API does not know yet, and asks nothing without an id', async () => {
    let asked = 0
    server.use(
      http.get('*/generations/:id', () => {
        asked += 1
        return HttpResponse.json({
          generations_by_pk: asked < 2 ? null : { id: 'g_2', status: 'COMPLETE' },
        })
      }),
    )
    renderWithPayg(
      <>
        <Job id={null} />
        <Job id="g_2" fast />
      </>,
    )
    expect(screen.getByText('no job')).toBeTruthy()
    expect(await screen.findByText('COMPLETE 0 images')).toBeTruthy()
    expect(asked).toBe(2)
  })
})

describe('jobQueryOptions', () => {
  const client = createPaygClient({ baseUrl: 'https://api.test/v1' })
  const options = jobQueryOptions(client, new QueryClient(), 'g_1')
  const interval = options.refetchInterval as (query: unknown) => number | false
  const staleTime = options.staleTime as (query: unknown) => number
  const at = (status: JobState['status'] | null, polls: number, failures = 0) => ({
    state: {
      data: status && { id: 'g_1', status, cost: null, images: [] },
      dataUpdateCount: polls,
      errorUpdateCount: failures,
      status: failures ? 'error' : 'success',
    },
  })

  test('waits longer after each poll that finds the job unsettled, up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((polls) => interval(at('PENDING', polls)))).toEqual([
      1_000, 2_000, 4_000, 8_000, 15_000, 15_000,
    ])
    expect(interval(at(null, 2))).toBe(2_000)
    // Failed polls count too: one answer and two failures wait as long as three answers.
    expect(interval(at('PENDING', 1, 2))).toBe(4_000)
  })

  test('stops polling, and keeps the answer, once the job is COMPLETE or FAILED', () => {
    for (const status of ['COMPLETE', 'FAILED'] as const) {
      expect(interval(at(status, 3))).toBe(false)
      expect(staleTime(at(status, 3))).toBe(Number.POSITIVE_INFINITY)
    }
    expect(staleTime(at('PENDING', 3))).toBe(0)
  })
})
