import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createPaygClient } from './createPaygClient'
import {
  InsufficientBalanceError,
  MalformedResponseError,
  NotFoundError,
  ServerError,
} from './errors'
import { createJob, getJob } from './jobs'
import type { JobPath } from './types'

// Jobs and Leonardo's answers in the shapes its official SDK (@leonardo-ai/sdk 4.21.3) allows:
// every field optional, many nullable.

const BASE = 'https://api.test/v1'
const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const client = createPaygClient({ baseUrl: BASE, retry: { baseDelayMs: 1, maxDelayMs: 2 } })
const dollars = (amount: string | number) => ({ amount, unit: 'DOLLARS' })

/** Answers `POST path` with `body`, counting the requests and keeping the last body sent. */
function answer(path: string, body: unknown, status = 200) {
  const seen = { count: 0, body: undefined as unknown }
  server.use(
    http.post(`${BASE}${path}`, async ({ request }) => {
      seen.count += 1
      seen.body = await request.json()
      return HttpResponse.json(body as never, { status })
    }),
  )
  return seen
}

describe('createJob', () => {
  it.each([
    [
      '/generations',
      { prompt: 'a fox', num_images: 1, width: 512, height: 512 },
      'sdGenerationJob',
      'generationId',
    ],
    ['/variations/upscale', { id: 'img_1' }, 'sdUpscaleJob', 'id'],
    ['/variations/nobg', { id: 'img_1', isVariation: false }, 'sdNobgJob', 'id'],
    ['/variations/unzoom', { id: 'img_1' }, 'sdUnzoomJob', 'id'],
  ] as const)('starts %s and reads its id and exact cost', async (path, body, kind, idField) => {
    const job = { [idField]: 'job_1', apiCreditCost: 5, cost: dollars('0.0075') }
    const seen = answer(path, { [kind]: job })
    const created = await createJob(client, path, body as never)
    expect(created).toEqual({
      id: 'job_1',
      status: 'PENDING',
      cost: { amount: '0.0075', unit: 'USD' },
      kind,
      job,
    })
    expect(seen.body).toEqual(body)
  })

  it('reads a cost in credits in credits, and falls back to apiCreditCost', async () => {
    answer('/variations/upscale', {
      sdUpscaleJob: { id: 'v_1', cost: { amount: '15', unit: 'CREDITS' } },
    })
    expect((await createJob(client, '/variations/upscale', { id: 'img_1' })).cost).toEqual({
      amount: '15',
      unit: 'CREDITS',
    })
    answer('/variations/nobg', { sdNobgJob: { id: 'v_2', cost: null, apiCreditCost: 5 } })
    expect((await createJob(client, '/variations/nobg', { id: 'img_1' })).cost).toEqual({
      amount: '5',
      unit: 'CREDITS',
    })
  })

  it('reads a job the SDK allows without id or cost as null, not as a failure', async () => {
    answer('/variations/nobg', { sdNobgJob: { id: null } })
    expect(await createJob(client, '/variations/nobg', { id: 'img_1' })).toMatchObject({
      id: null,
      cost: null,
      kind: 'sdNobgJob',
    })
    answer('/variations/unzoom', { sdUnzoomJob: { cost: {} } })
    expect(await createJob(client, '/variations/unzoom', { id: 'img_1' })).toMatchObject({
      id: null,
      cost: null,
    })
  })

  it('finds the job and its id in any job answer, with no code per endpoint', async () => {
    // Shapes of other job endpoints (model training, LCM, prompt tools) as the SDK has them.
    const cases: Array<[string, unknown, string | null, string]> = [
      [
        '/models',
        { sdTrainingJob: { customModelId: 'm_1', apiCreditCost: null, cost: dollars('2.5') } },
        'm_1',
        'sdTrainingJob',
      ],
      [
        '/elements',
        { sdTrainingJob: { userLoraId: 77, cost: dollars('2') } },
        '77',
        'sdTrainingJob',
      ],
      [
        '/generations-lcm',
        {
          lcmGenerationJob: {
            imageDataUrl: ['data:'],
            requestTimestamp: 't',
            cost: dollars('0.001'),
          },
        },
        null,
        'lcmGenerationJob',
      ],
      [
        '/prompt/random',
        { promptGeneration: { prompt: 'a fox', apiCreditCost: 4, cost: dollars('0.0002') } },
        null,
        'promptGeneration',
      ],
      [
        '/generations-image-to-video',
        { motionVideoGenerationJob: { generationId: 'g_9', cost: dollars('0.5') }, other: 1 },
        'g_9',
        'motionVideoGenerationJob',
      ],
    ]
    for (const [path, body, id, kind] of cases) {
      answer(path, body)
      const created = await createJob(client, path as JobPath, {} as never)
      expect(created.id).toBe(id)
      expect(created.kind).toBe(kind)
      expect(created.cost?.unit).toBe('USD')
    }
  })

  it('rounds float noise in a numeric cost to six decimals, and refuses a negative cost', async () => {
    answer('/variations/upscale', {
      sdUpscaleJob: { id: 'v_1', cost: dollars(0.30000000000000004) },
    })
    expect((await createJob(client, '/variations/upscale', { id: 'i' })).cost).toEqual({
      amount: '0.3',
      unit: 'USD',
    })
    answer('/variations/upscale', { sdUpscaleJob: { id: 'v_1', cost: dollars('-0.0075') } })
    const error = await createJob(client, '/variations/upscale', { id: 'i' }).catch((e) => e)
    expect(error).toBeInstanceOf(MalformedResponseError)
    expect(error.details).toEqual({
      operation: 'POST /variations/upscale',
      field: 'sdUpscaleJob.cost.amount',
      expected: 'a cost of 0 or more',
    })
    answer('/variations/nobg', { sdNobgJob: { id: 'v_1', apiCreditCost: -5 } })
    await expect(createJob(client, '/variations/nobg', { id: 'i' })).rejects.toThrow(
      /`sdNobgJob.apiCreditCost` should be a cost of 0 or more, not -5/,
    )
  })

  it('refuses an answer that holds no job, naming it', async () => {
    answer('/variations/upscale', { sdUpscaleJob: null })
    const error = await createJob(client, '/variations/upscale', { id: 'i' }).catch((e) => e)
    expect(error).toBeInstanceOf(MalformedResponseError)
    expect(error.details.expected).toBe('an object holding the job')
  })

  it('is sent once, never retried, since it charges', async () => {
    const seen = answer('/variations/upscale', { code: 'INTERNAL_ERROR', message: 'boom' }, 500)
    await expect(createJob(client, '/variations/upscale', { id: 'i' })).rejects.toBeInstanceOf(
      ServerError,
    )
    expect(seen.count).toBe(1)
  })

  it('is paused by a refusal for lack of balance, in whichever shape it arrives', async () => {
    answer(
      '/generations',
      {
        type: 'error',
        error: {
          type: 'invalid_request_error',
          message: 'Your credit balance is too low to access the API.',
        },
      },
      400,
    )
    await expect(
      createJob(client, '/generations', { prompt: 'a', num_images: 1, width: 512, height: 512 }),
    ).rejects.toBeInstanceOf(InsufficientBalanceError)
    answer('/variations/upscale', { error: 'Insufficient API credits', code: 'unexpected' }, 403)
    await expect(createJob(client, '/variations/upscale', { id: 'i' })).rejects.toBeInstanceOf(
      InsufficientBalanceError,
    )
  })
})

describe('getJob', () => {
  function generation(body: unknown) {
    server.use(http.get(`${BASE}/generations/:id`, () => HttpResponse.json(body as never)))
  }

  it.each(['PENDING', 'COMPLETE', 'FAILED'] as const)('reads a %s generation', async (status) => {
    generation({
      generations_by_pk: {
        id: 'g_1',
        status,
        generated_images:
          status === 'COMPLETE'
            ? [{ id: 'img_1', url: 'https://cdn.test/1.png', nsfw: false, likeCount: 0 }]
            : [],
      },
    })
    const job = await getJob(client, 'g_1')
    expect(job).toEqual({
      id: 'g_1',
      status,
      cost: null,
      // Fields the kit does not read (likeCount) pass through as sent.
      images:
        status === 'COMPLETE'
          ? [{ id: 'img_1', url: 'https://cdn.test/1.png', nsfw: false, likeCount: 0 }]
          : [],
    })
  })

  it("reads a cost the answer carries, to the API's precision", async () => {
    generation({
      generations_by_pk: { id: 'g_1', status: 'COMPLETE', cost: dollars(0.1 * 3) },
    })
    expect((await getJob(client, 'g_1'))?.cost).toEqual({ amount: '0.3', unit: 'USD' })
  })

  it('reads what the SDK allows to be absent or null without failing', async () => {
    // No status yet: not settled. No id, no images: the asked-for id, none.
    generation({ generations_by_pk: { id: null, generated_images: [{ id: null }] } })
    expect(await getJob(client, 'g_7')).toEqual({
      id: 'g_7',
      status: 'PENDING',
      cost: null,
      images: [{ id: null, url: null, nsfw: false }],
    })
    generation({ generations_by_pk: null })
    expect(await getJob(client, 'g_7')).toBeNull()
  })

  it('passes a status added later through as is, and refuses one of another type', async () => {
    generation({ generations_by_pk: { id: 'g_1', status: 'CANCELLED' } })
    expect((await getJob(client, 'g_1'))?.status).toBe('CANCELLED')
    generation({ generations_by_pk: { id: 'g_1', status: 3 } })
    await expect(getJob(client, 'g_1')).rejects.toThrow(
      /`generations_by_pk.status` should be a string, not 3/,
    )
  })

  it('takes only a client made by createPaygClient', async () => {
    const fake = { ...client }
    await expect(getJob(fake, 'g_1')).rejects.toThrow(/takes a client made by createPaygClient/)
    await expect(createJob(fake, '/variations/upscale', { id: 'i' })).rejects.toThrow(
      /takes a client made by createPaygClient/,
    )
  })

  it('encodes the id as one path segment', async () => {
    let asked = ''
    server.use(
      http.get(`${BASE}/generations/:id`, ({ params }) => {
        asked = params.id as string
        return HttpResponse.json({ generations_by_pk: null })
      }),
    )
    await getJob(client, 'a/b?c')
    expect(asked).toBe('a/b?c')
  })
})

describe("Leonardo's answers as its SDK allows them", () => {
  const me = (body: unknown) =>
    server.use(http.get(`${BASE}/me`, () => HttpResponse.json(body as never)))

  it('reads /me with a null user and absent numbers', async () => {
    me({ user_details: [{ user: null, apiPaidTokens: null }] })
    expect(await client.getAccount()).toEqual({
      userId: null,
      billingModel: 'PAYG',
      unit: 'USD',
      username: null,
      paidBalance: { amount: '0', unit: 'USD' },
      subscriptionCredits: { amount: '0', unit: 'CREDITS' },
      concurrencySlots: null,
      planRenewalDate: null,
    })
    me({ user_details: [{}] })
    expect((await client.getAccount()).userId).toBeNull()
  })

  it('says there is no user when /me lists none, or omits the list', async () => {
    me({})
    await expect(client.getAccount()).rejects.toBeInstanceOf(NotFoundError)
    me({ user_details: [] })
    await expect(client.getAccount()).rejects.toBeInstanceOf(NotFoundError)
  })

  it('rounds float noise in the /me balance to six decimals', async () => {
    me({ user_details: [{ user: { id: 'u_1' }, apiPaidTokens: 12.456700000000001 }] })
    expect((await client.getAccount()).paidBalance).toEqual({ amount: '12.4567', unit: 'USD' })
  })

  it('rounds float noise in an estimate, and refuses a negative one', async () => {
    const request = {
      service: 'IMAGE_GENERATION' as const,
      serviceParams: { IMAGE_GENERATION: {} },
    }
    answer('/pricing-calculator', {
      calculateProductionApiServiceCost: { cost: 0.30000000000000004 },
    })
    expect(await client.estimateCost(request)).toEqual({ amount: '0.3', unit: 'USD' })
    answer('/pricing-calculator', { calculateProductionApiServiceCost: { cost: 1e-7 } })
    expect(await client.estimateCost(request)).toEqual({ amount: '0', unit: 'USD' })
    answer('/pricing-calculator', { calculateProductionApiServiceCost: { cost: -0.048 } })
    await expect(client.estimateCost(request)).rejects.toThrow(
      /`calculateProductionApiServiceCost.cost` should be a cost of 0 or more, not -0.048/,
    )
  })

  it('reads a generation whose cost is null by its apiCreditCost, and refuses a negative one', async () => {
    const request = { prompt: 'a fox', num_images: 1, width: 512, height: 512 }
    answer('/generations', {
      sdGenerationJob: { generationId: 'g_1', cost: null, apiCreditCost: 12 },
    })
    expect(await client.createGeneration(request)).toEqual({
      generationId: 'g_1',
      cost: { amount: '12', unit: 'CREDITS' },
    })
    answer('/generations', { sdGenerationJob: { generationId: 'g_1', cost: dollars('-1') } })
    await expect(client.createGeneration(request)).rejects.toBeInstanceOf(MalformedResponseError)
  })
})
