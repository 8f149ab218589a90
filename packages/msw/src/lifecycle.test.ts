import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { TEST_NOW as NOW } from '../../../test/clock'
import { createPaygMock } from './createPaygMock'
import { parseMicros } from './money'
import type { Schemas } from './types'

const BASE = 'https://cloud.leonardo.ai/api/rest/v1'
const onRead = createPaygMock({ scenario: 'healthy', now: () => NOW })
const manual = createPaygMock({ scenario: 'healthy', now: () => NOW, jobs: 'manual' })
const server = setupServer(...onRead.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  onRead.reset('healthy')
  manual.reset('healthy')
})
afterAll(() => server.close())

/** Answers from the manual-settling mock for the rest of the test. */
function useManual() {
  server.use(...manual.handlers)
  return manual
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${BASE}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return (await response.json()) as T
}

async function generate(): Promise<{ id: string; cost: string }> {
  const answer = await call<Schemas['CreateGenerationResponse']>('POST', '/generations', {
    prompt: 'a lighthouse',
    width: 1024,
    height: 1024,
    num_images: 2,
  })
  const job = answer.sdGenerationJob
  return { id: job?.generationId as string, cost: job?.cost?.amount as string }
}

const read = (id: string) =>
  call<Schemas['GetGenerationResponse']>('GET', `/generations/${id}`).then(
    (answer) => answer.generations_by_pk,
  )

describe('by default a job settles COMPLETE on its first read', () => {
  it('is PENDING until read, then COMPLETE with its images, and stays so', async () => {
    const { id } = await generate()
    expect(onRead.jobs.status(id)).toBe('PENDING')
    expect(onRead.jobs.pending()).toEqual([id])
    const first = await read(id)
    expect(first?.status).toBe('COMPLETE')
    expect(first?.generated_images).toHaveLength(2)
    expect((await read(id))?.status).toBe('COMPLETE')
    expect(onRead.jobs.pending()).toEqual([])
  })

  it('fails the next job after jobs.failNext(), refunds it, and only that one', async () => {
    onRead.jobs.failNext()
    const failing = await generate()
    const after = await generate()
    const before = parseMicros(onRead.state.balance())
    const failed = await read(failing.id)
    expect(failed).toMatchObject({ status: 'FAILED', generated_images: [] })
    expect(parseMicros(onRead.state.balance()) - before).toBe(parseMicros(failing.cost))
    expect((await read(after.id))?.status).toBe('COMPLETE')
  })

  it('keeps a pending failNext across use(), and reset() clears it', async () => {
    onRead.jobs.failNext()
    onRead.use('lowBalance')
    expect((await read((await generate()).id))?.status).toBe('FAILED')
    onRead.jobs.failNext()
    onRead.reset()
    expect((await read((await generate()).id))?.status).toBe('COMPLETE')
  })

  it('settles a variation on its first read of GET /variations/{id}', async () => {
    const { id } = await generate()
    const image = (await read(id))?.generated_images?.[0]?.id
    const upscale = await call<Schemas['CreateVariationUpscaleResponse']>(
      'POST',
      '/variations/upscale',
      { id: image },
    )
    const variationId = upscale.sdUpscaleJob?.id as string
    const answer = await call<Schemas['GetVariationByIdResponse']>(
      'GET',
      `/variations/${variationId}`,
    )
    expect(answer.generated_image_variation_generic).toEqual([
      expect.objectContaining({ id: variationId, status: 'COMPLETE', transformType: 'UPSCALE' }),
    ])
    expect(answer.generated_image_variation_generic?.[0]?.url).toEqual(expect.any(String))
    const unknown = await call<Schemas['GetVariationByIdResponse']>('GET', `/variations/${id}`)
    expect(unknown.generated_image_variation_generic).toEqual([])
  })
})

describe("with jobs: 'manual' a job stays PENDING until settled", () => {
  it('answers PENDING without images on every read, then COMPLETE once settled', async () => {
    const mock = useManual()
    const { id } = await generate()
    expect(await read(id)).toMatchObject({ status: 'PENDING', generated_images: [] })
    expect((await read(id))?.status).toBe('PENDING')
    mock.jobs.settle(id, 'COMPLETE')
    const done = await read(id)
    expect(done?.status).toBe('COMPLETE')
    expect(done?.generated_images).toHaveLength(2)
    expect(() => mock.jobs.settle(id, 'FAILED')).toThrow(/already settled COMPLETE/)
    expect(() => mock.jobs.settle('no-such-job', 'COMPLETE')).toThrow(/No job/)
  })

  it('refunds a FAILED job exactly, with a REFUND entry the transactions list', async () => {
    const mock = useManual()
    const start = mock.state.balance()
    const { id, cost } = await generate()
    expect(parseMicros(start) - parseMicros(mock.state.balance())).toBe(parseMicros(cost))
    mock.jobs.settle(id, 'FAILED')
    expect(mock.state.balance()).toBe(start)
    expect((await read(id))?.status).toBe('FAILED')
    const refunds = await call<Schemas['TransactionList']>(
      'GET',
      '/billing/transactions?type=REFUND',
    )
    expect(refunds.data).toEqual([
      expect.objectContaining({
        type: 'REFUND',
        amount: cost,
        generationId: id,
        service: 'IMAGE_GENERATION',
        balanceAfter: start,
      }),
    ])
    expect(() => mock.state.refund(id)).toThrow(/already refunded/)
  })

  it('refunds a job once, even when it was refunded by hand before it failed', async () => {
    const mock = useManual()
    const start = mock.state.balance()
    const { id } = await generate()
    mock.state.refund(id)
    mock.jobs.settle(id, 'FAILED')
    expect(mock.state.balance()).toBe(start)
    expect(mock.state.transactions().filter((entry) => entry.type === 'REFUND')).toHaveLength(1)
    expect(mock.jobs.status(id)).toBe('FAILED')
  })

  it('reports a video upscale on GET /motion-variations/{id}, and its refund on failure', async () => {
    const mock = useManual()
    const video = await call<Schemas['CreateTextToVideoGenerationResponse']>(
      'POST',
      '/generations-text-to-video',
      { prompt: 'rain' },
    )
    const videoId = video.motionVideoGenerationJob?.generationId as string
    mock.jobs.settle(videoId, 'COMPLETE')
    expect((await read(videoId))?.generated_images?.[0]?.motionMP4URL).toMatch(/\.mp4$/)
    const upscale = await call<Schemas['CreateVideoUpscaleResponse']>(
      'POST',
      '/generations-video-upscale',
      { sourceGenerationId: videoId, resolution: 'RESOLUTION_720' },
    )
    const variationId = upscale.motionVideoGenerationJob?.variationId as string
    expect(upscale.motionVideoGenerationJob?.generationId).toBe(videoId)
    const motion = (id: string) =>
      call<Schemas['GetMotionVariationByIdResponse']>('GET', `/motion-variations/${id}`).then(
        (answer) => answer.generated_image_variation_motion,
      )
    expect(await motion(variationId)).toEqual([
      expect.objectContaining({ id: variationId, status: 'PENDING', url: null }),
    ])
    const before = parseMicros(mock.state.balance())
    mock.jobs.settle(variationId, 'FAILED')
    expect(await motion(variationId)).toEqual([
      expect.objectContaining({ status: 'FAILED', url: null }),
    ])
    expect(parseMicros(mock.state.balance()) - before).toBe(
      parseMicros(upscale.motionVideoGenerationJob?.cost?.amount as string),
    )
  })

  it('refunds a failed training job', async () => {
    const mock = useManual()
    const start = mock.state.balance()
    const answer = await call<Schemas['CreateModelResponse']>('POST', '/models', {
      datasetId: 'ds',
      instance_prompt: 'a jackthedog',
      name: 'Jack',
    })
    const id = answer.sdTrainingJob?.customModelId as string
    expect(mock.jobs.status(id)).toBe('PENDING')
    mock.jobs.settle(id, 'FAILED')
    expect(mock.jobs.status(id)).toBe('FAILED')
    expect(mock.state.balance()).toBe(start)
  })

  it('holds still work with the lifecycle: a held create charges nothing until released', async () => {
    const mock = useManual()
    const start = mock.state.balance()
    const release = mock.hold('createGeneration')
    const pending = generate()
    await expect.poll(() => mock.requestCount('createGeneration')).toBe(1)
    expect(mock.state.balance()).toBe(start)
    expect(mock.jobs.pending()).toEqual([])
    release()
    const { id } = await pending
    expect(mock.jobs.pending()).toEqual([id])
  })
})
