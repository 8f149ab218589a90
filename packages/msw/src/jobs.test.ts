import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { TEST_NOW as NOW } from '../../../test/clock'
import { createPaygMock } from './createPaygMock'
import { parseMicros } from './money'
import type { ApiError, Schemas } from './types'

const BASE = 'https://cloud.leonardo.ai/api/rest/v1'
const mock = createPaygMock({ scenario: 'healthy', now: () => NOW })
const server = setupServer(...mock.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  mock.reset('healthy')
})
afterAll(() => server.close())

type Body = Record<string, unknown>

async function call<T = Body>(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${BASE}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as T }
}

const LIGHTNING = 'b24e16ff-06e3-43eb-8d33-4416c2d75876'

/** A finished 1024x1024 generation's first image id. */
async function generatedImage(): Promise<string> {
  const created = await call<Schemas['CreateGenerationResponse']>('POST', '/generations', {
    prompt: 'a lighthouse',
    modelId: LIGHTNING,
    width: 1024,
    height: 1024,
    num_images: 1,
  })
  const id = created.body.sdGenerationJob?.generationId as string
  const read = await call<Schemas['GetGenerationResponse']>('GET', `/generations/${id}`)
  return read.body.generations_by_pk?.generated_images?.[0]?.id as string
}

async function videoGeneration(): Promise<string> {
  const created = await call<Schemas['CreateTextToVideoGenerationResponse']>(
    'POST',
    '/generations-text-to-video',
    { prompt: 'a paper boat' },
  )
  return created.body.motionVideoGenerationJob?.generationId as string
}

async function calculator(service: string, params: Body): Promise<bigint> {
  const answer = await call<Schemas['PricingCalculatorResponse']>('POST', '/pricing-calculator', {
    service,
    serviceParams: { [service]: params },
  })
  expect(answer.status, service).toBe(200)
  return parseMicros(String(answer.body.calculateProductionApiServiceCost?.cost))
}

interface Case {
  name: string
  path: string
  /** The job object in the answer. */
  wrapper: string
  /** The job id field, or null for answers without a job to poll. */
  idField: string | null
  body: (ids: { image: string; video: string }) => Body | undefined
  /** The calculator request that prices the same settings, or the kit's own list credits. */
  price: { service: string; params: Body } | { credits: number }
}

const IMAGE = { imageWidth: 1024, imageHeight: 1024 }
const LCM = {
  imageDataUrl: 'data:image/jpeg;base64,AAAA',
  prompt: 'a fox',
  width: 1024,
  height: 1024,
}

const CASES: Case[] = [
  {
    name: 'createGeneration (alchemy absent = on)',
    path: '/generations',
    wrapper: 'sdGenerationJob',
    idField: 'generationId',
    body: () => ({ prompt: 'a cat', modelId: LIGHTNING, width: 1024, height: 1024, num_images: 4 }),
    price: {
      service: 'IMAGE_GENERATION',
      params: { ...IMAGE, numImages: 4, isSDXLLightning: true },
    },
  },
  {
    name: 'createGeneration with fractional guidance and promptMagicStrength 0.8',
    path: '/generations',
    wrapper: 'sdGenerationJob',
    idField: 'generationId',
    body: () => ({
      prompt: 'a cat',
      guidance_scale: 7.5,
      promptMagic: true,
      promptMagicStrength: 0.8,
      alchemy: false,
      num_images: 2,
    }),
    price: {
      service: 'IMAGE_GENERATION',
      params: { numImages: 2, isSDXLLightning: true, alchemyMode: false, promptMagic: true },
    },
  },
  {
    name: 'createVariationUpscale',
    path: '/variations/upscale',
    wrapper: 'sdUpscaleJob',
    idField: 'id',
    body: ({ image }) => ({ id: image }),
    price: { credits: 15 },
  },
  {
    name: 'createVariationNoBG',
    path: '/variations/nobg',
    wrapper: 'sdNobgJob',
    idField: 'id',
    body: ({ image }) => ({ id: image }),
    price: { credits: 5 },
  },
  {
    name: 'createVariationUnzoom',
    path: '/variations/unzoom',
    wrapper: 'sdUnzoomJob',
    idField: 'id',
    body: ({ image }) => ({ id: image }),
    price: { credits: 15 },
  },
  {
    name: 'createUniversalUpscalerJob',
    path: '/variations/universal-upscaler',
    wrapper: 'universalUpscaler',
    idField: 'id',
    body: ({ image }) => ({
      generatedImageId: image,
      upscaleMultiplier: 2,
      upscalerStyle: 'GENERAL',
    }),
    // 1024 x 1024 x 2^2 = 4.19 MP, rounded up to 5.
    price: { service: 'UNIVERSAL_UPSCALER', params: { megapixel: 5 } },
  },
  {
    name: 'createUniversalUpscalerJob (Ultra)',
    path: '/variations/universal-upscaler',
    wrapper: 'universalUpscaler',
    idField: 'id',
    body: ({ image }) => ({ generatedImageId: image, ultraUpscaleStyle: 'REALISTIC' }),
    price: {
      service: 'UNIVERSAL_UPSCALER_ULTRA',
      params: { inputWidth: 1024, inputHeight: 1024, upscaleMultiplier: 1.5 },
    },
  },
  {
    name: 'createSVDMotionGeneration',
    path: '/generations-motion-svd',
    wrapper: 'motionSvdGenerationJob',
    idField: 'generationId',
    body: ({ image }) => ({ imageId: image, motionStrength: 5 }),
    price: { service: 'MOTION_SVD_GENERATION', params: {} },
  },
  {
    name: 'createTextToVideoGeneration (MOTION2, 480p)',
    path: '/generations-text-to-video',
    wrapper: 'motionVideoGenerationJob',
    idField: 'generationId',
    body: () => ({ prompt: 'rain', resolution: 'RESOLUTION_480' }),
    price: { service: 'MOTION_VIDEO_GENERATION', params: { resolution: 'RESOLUTION_480' } },
  },
  {
    name: 'createTextToVideoGeneration (VEO3, 4 s)',
    path: '/generations-text-to-video',
    wrapper: 'motionVideoGenerationJob',
    idField: 'generationId',
    body: () => ({ prompt: 'rain', model: 'VEO3', duration: 4 }),
    price: { service: 'VEO3_MOTION_VIDEO_GENERATION', params: { resolution: 'RESOLUTION_720' } },
  },
  {
    name: 'createTextToVideoGeneration (MOTION2FAST)',
    path: '/generations-text-to-video',
    wrapper: 'motionVideoGenerationJob',
    idField: 'generationId',
    body: () => ({ prompt: 'rain', model: 'MOTION2FAST' }),
    price: { credits: 100 },
  },
  {
    name: 'createTextToVideoGeneration (KLING2_5, 10 s)',
    path: '/generations-text-to-video',
    wrapper: 'motionVideoGenerationJob',
    idField: 'generationId',
    body: () => ({ prompt: 'rain', model: 'KLING2_5', duration: 10 }),
    price: { credits: 600 },
  },
  {
    name: 'createImageToVideoGeneration (MOTION2)',
    path: '/generations-image-to-video',
    wrapper: 'motionVideoGenerationJob',
    idField: 'generationId',
    body: ({ image }) => ({ prompt: 'waves', imageId: image, imageType: 'GENERATED' }),
    price: { service: 'MOTION_VIDEO_GENERATION', params: { resolution: 'RESOLUTION_720' } },
  },
  {
    name: 'createImageToVideoGeneration (VEO3FAST)',
    path: '/generations-image-to-video',
    wrapper: 'motionVideoGenerationJob',
    idField: 'generationId',
    body: ({ image }) => ({
      prompt: 'waves',
      imageId: image,
      imageType: 'GENERATED',
      model: 'VEO3FAST',
    }),
    price: { credits: 1000 },
  },
  {
    name: 'createImageToVideoGeneration (KLING2_1 with an end frame)',
    path: '/generations-image-to-video',
    wrapper: 'motionVideoGenerationJob',
    idField: 'generationId',
    body: ({ image }) => ({
      prompt: 'waves',
      imageId: 'an-uploaded-image',
      imageType: 'UPLOADED',
      model: 'KLING2_1',
      endFrameImage: { id: image, type: 'GENERATED' },
    }),
    price: { credits: 300 },
  },
  {
    name: 'createVideoUpscale',
    path: '/generations-video-upscale',
    wrapper: 'motionVideoGenerationJob',
    idField: 'variationId',
    body: ({ video }) => ({ sourceGenerationId: video, resolution: 'RESOLUTION_720' }),
    price: { credits: 100 },
  },
  {
    name: 'createLCMGeneration',
    path: '/generations-lcm',
    wrapper: 'lcmGenerationJob',
    idField: null,
    body: () => LCM,
    price: { service: 'LCM_GENERATION', params: { width: 1024, height: 1024 } },
  },
  {
    name: 'performInstantRefine',
    path: '/lcm-instant-refine',
    wrapper: 'lcmGenerationJob',
    idField: null,
    body: () => LCM,
    price: {
      service: 'LCM_GENERATION',
      params: { width: 1024, height: 1024, instantRefine: true },
    },
  },
  {
    name: 'performInpaintingLCM',
    path: '/lcm-inpainting',
    wrapper: 'lcmGenerationJob',
    idField: null,
    body: () => ({ ...LCM, maskDataUrl: 'data:image/jpeg;base64,BBBB' }),
    price: { service: 'LCM_GENERATION', params: { width: 1024, height: 1024 } },
  },
  {
    name: 'performAlchemyUpscaleLCM',
    path: '/lcm-upscale',
    wrapper: 'lcmGenerationJob',
    idField: null,
    body: () => ({ ...LCM, refineStrength: 0.7 }),
    price: { service: 'LCM_GENERATION', params: { width: 1024, height: 1024, refine: true } },
  },
  {
    name: 'promptImprove',
    path: '/prompt/improve',
    wrapper: 'promptGeneration',
    idField: null,
    body: () => ({ prompt: 'a cat' }),
    price: { credits: 4 },
  },
  {
    name: 'promptRandom',
    path: '/prompt/random',
    wrapper: 'promptGeneration',
    idField: null,
    body: () => undefined,
    price: { credits: 4 },
  },
  {
    name: 'createElement (FLUX_DEV at 1024 by default)',
    path: '/elements',
    wrapper: 'sdTrainingJob',
    idField: 'userLoraId',
    body: () => ({ lora_focus: 'Style', learning_rate: 0.00001, num_train_epochs: 60 }),
    price: { service: 'MODEL_TRAINING', params: { resolution: 1024, sd_version: 'FLUX_DEV' } },
  },
  {
    name: 'createModel',
    path: '/models',
    wrapper: 'sdTrainingJob',
    idField: 'customModelId',
    body: () => ({
      datasetId: 'ds-1',
      instance_prompt: 'a jackthedog',
      name: 'Jack',
      resolution: 768,
    }),
    price: { service: 'MODEL_TRAINING', params: { resolution: 768 } },
  },
]

describe('every cost-carrying endpoint', () => {
  it.each(CASES)('$name: charges exactly what the calculator prices, once', async (c) => {
    mock.state.setBalance(100)
    const ids = { image: await generatedImage(), video: await videoGeneration() }
    const expected =
      'credits' in c.price
        ? BigInt(c.price.credits) * 1200n
        : await calculator(c.price.service, c.price.params)
    const before = parseMicros(mock.state.balance())
    const answer = await call<Record<string, Body>>('POST', c.path, c.body(ids))
    expect(answer.status, JSON.stringify(answer.body)).toBe(200)
    const job = answer.body[c.wrapper] as Body
    const charged = job.cost as Schemas['Cost']
    expect(charged.unit).toBe('DOLLARS')
    expect(parseMicros(charged.amount)).toBe(expected)
    expect(job.apiCreditCost).toBe(Number(expected / 1200n))
    // The balance falls by exactly the cost, in one USAGE entry.
    expect(before - parseMicros(mock.state.balance())).toBe(expected)
    const usage = mock.state.transactions()[0]
    expect(usage).toMatchObject({ type: 'USAGE', amount: `-${charged.amount}` })
    if (c.idField) {
      const id = job[c.idField]
      expect(id).toBeDefined()
      expect(mock.jobs.status(String(id))).toBe('PENDING')
      expect(usage?.generationId).toBe(String(id))
    }
  })

  it.each(CASES)(
    '$name: refused with 402 when the balance cannot cover it, nothing deducted',
    async (c) => {
      mock.state.setBalance(100)
      const ids = { image: await generatedImage(), video: await videoGeneration() }
      mock.state.setBalance('0.0011')
      const jobsBefore = mock.ledger.jobs.length
      const answer = await call<ApiError>('POST', c.path, c.body(ids))
      expect(answer.status).toBe(402)
      expect(answer.body.code).toBe('INSUFFICIENT_BALANCE')
      expect(mock.state.balance()).toBe('0.0011')
      expect(mock.ledger.jobs.length).toBe(jobsBefore)
    },
  )

  it('charges a legacy plan in credits, and a failed job gives the credits back', async () => {
    mock.reset('legacySubscription')
    const credits = mock.state.credits() as number
    const answer = await call<Schemas['CreateTextToVideoGenerationResponse']>(
      'POST',
      '/generations-text-to-video',
      { prompt: 'rain', model: 'VEO3' },
    )
    const job = answer.body.motionVideoGenerationJob
    expect(job?.cost).toEqual({ amount: '2000', unit: 'CREDITS' })
    expect(mock.state.credits()).toBe(credits - 2000)
    mock.jobs.settle(job?.generationId as string, 'FAILED')
    expect(mock.state.credits()).toBe(credits)
  })
})

describe('what the endpoints accept and refuse', () => {
  it("accepts Leonardo's defaults, nulls and ranges", async () => {
    const ok = [
      ['/generations', { prompt: 'x', modelId: null, num_images: null, guidance_scale: 1.5 }],
      ['/generations', {}],
      [
        '/elements',
        { lora_focus: 'Object', learning_rate: 0.0004, num_train_epochs: 140, resolution: 1024 },
      ],
      [
        '/generations-text-to-video',
        { prompt: 'x', model: 'MOTION2', resolution: 'RESOLUTION_1080' },
      ],
      ['/prompt/improve', { prompt: 'x', isVideo: true }],
    ] as const
    for (const [path, body] of ok) {
      const answer = await call(path === '/generations' ? 'POST' : 'POST', path, body)
      expect(answer.status, `${path} ${JSON.stringify(answer.body)}`).toBe(200)
    }
  })

  it('charges a generation without alchemy as Alchemy on, its declared default', async () => {
    const cost = async (extra: Body) => {
      const answer = await call<Schemas['CreateGenerationResponse']>('POST', '/generations', {
        prompt: 'x',
        modelId: LIGHTNING,
        ...extra,
      })
      return answer.body.sdGenerationJob?.cost?.amount
    }
    const absent = await cost({})
    expect(absent).toBe(await cost({ alchemy: true }))
    expect(absent).not.toBe(await cost({ alchemy: false }))
  })

  it('refuses what Leonardo refuses, with the field named', async () => {
    const image = await generatedImage()
    const refused: Array<[string, Body, string]> = [
      ['/generations', { prompt: 'x', guidance_scale: 21 }, 'guidance_scale'],
      ['/generations', { prompt: 'x', promptMagicStrength: 1.2 }, 'promptMagicStrength'],
      [
        '/models',
        { datasetId: 'd', instance_prompt: 'p', name: 'n', resolution: 1024 },
        'resolution',
      ],
      [
        '/elements',
        { lora_focus: 'General', learning_rate: 0.001, num_train_epochs: 10 },
        'lora_focus',
      ],
      [
        '/generations-text-to-video',
        { prompt: 'x', model: 'VEO3', resolution: 'RESOLUTION_1080' },
        'resolution',
      ],
      ['/generations-text-to-video', { prompt: 'x', model: 'VEO3', duration: 5 }, 'duration'],
      ['/generations-text-to-video', { prompt: 'x', model: 'KLING2_5', duration: 8 }, 'duration'],
      ['/generations-text-to-video', { model: 'MOTION2' }, 'prompt'],
      ['/generations-image-to-video', { prompt: 'x', imageId: image }, 'imageType'],
      ['/generations-lcm', { prompt: 'x', imageDataUrl: 'd', width: 768 }, 'width'],
      ['/lcm-inpainting', { prompt: 'x', imageDataUrl: 'd' }, 'maskDataUrl'],
      [
        '/variations/universal-upscaler',
        { generatedImageId: image, upscaleMultiplier: 2.5 },
        'upscaleMultiplier',
      ],
      [
        '/variations/universal-upscaler',
        { generatedImageId: image, upscalerStyle: 'GENERAL', similarity: 5 },
        'similarity',
      ],
      [
        '/generations-video-upscale',
        { sourceGenerationId: 'x', resolution: 'RESOLUTION_1080' },
        'resolution',
      ],
    ]
    for (const [path, body, field] of refused) {
      const answer = await call<ApiError>('POST', path, body)
      expect(answer.status, `${path} ${JSON.stringify(body)}`).toBe(422)
      expect(
        answer.body.fieldErrors?.map((error) => error.field),
        path,
      ).toContain(field)
    }
  })

  it('answers 404 for a source image or video it does not know, and charges nothing', async () => {
    const before = mock.state.balance()
    const unknown = '00000000-0000-4000-8000-000000000000'
    for (const [path, body] of [
      ['/variations/universal-upscaler', { generatedImageId: unknown }],
      ['/generations-motion-svd', { imageId: unknown }],
      ['/generations-image-to-video', { prompt: 'x', imageId: unknown, imageType: 'GENERATED' }],
      ['/generations-video-upscale', { sourceGenerationId: unknown, resolution: 'RESOLUTION_720' }],
    ] as const) {
      expect((await call('POST', path, body)).status, path).toBe(404)
    }
    expect(mock.state.balance()).toBe(before)
  })

  it('prices an upscale over 20 megapixels as a refusal, not a charge', async () => {
    const created = await call<Schemas['CreateGenerationResponse']>('POST', '/generations', {
      prompt: 'x',
      width: 1536,
      height: 1536,
      num_images: 1,
    })
    const id = created.body.sdGenerationJob?.generationId as string
    const read = await call<Schemas['GetGenerationResponse']>('GET', `/generations/${id}`)
    const image = read.body.generations_by_pk?.generated_images?.[0]?.id
    // 1536 x 1536 x 1.5^2 = 5.3 MP is fine; each side x 2 again is too large.
    const fine = await call('POST', '/variations/universal-upscaler', { generatedImageId: image })
    expect(fine.status).toBe(200)
    const upscaled = (fine.body.universalUpscaler as Body).id
    mock.jobs.settle(String(upscaled), 'COMPLETE')
    const tooLarge = await call<ApiError>('POST', '/variations/universal-upscaler', {
      variationId: upscaled,
      upscaleMultiplier: 2,
    })
    expect(tooLarge.status).toBe(422)
    expect(tooLarge.body.fieldErrors?.[0]).toMatchObject({
      field: 'upscaleMultiplier',
      code: 'TOO_LARGE',
    })
  })
})
