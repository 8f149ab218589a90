import { describe, expectTypeOf, it } from 'vitest'
import { createPaygClient } from './createPaygClient'
import { createRawClient } from './createRawClient'
import type { components } from './generated/payg'
import { createJob, getJob } from './jobs'
import type {
  BalanceInfo,
  CreatedJob,
  JobPath,
  JobState,
  Money,
  TopUpResult,
  TransactionPage,
} from './types'

const client = createPaygClient({ baseUrl: '/api/payg' })
const raw = createRawClient(client)

describe('the domain API', () => {
  it('returns normalised types', () => {
    expectTypeOf(client.getBalance()).resolves.toEqualTypeOf<BalanceInfo>()
    expectTypeOf(client.topUp({ amount: 25 })).resolves.toEqualTypeOf<TopUpResult>()
    expectTypeOf(client.estimateCost).returns.resolves.toEqualTypeOf<Money>()
    expectTypeOf(client.transactions()).toEqualTypeOf<AsyncIterable<TransactionPage>>()
  })

  it('rejects misuse', () => {
    // @ts-expect-error amount is required
    client.topUp({})
    // @ts-expect-error amount is a number of dollars, not a string
    client.topUp({ amount: '25' })
    // @ts-expect-error from and to are required
    client.getUsage({ from: '2025-06-01' })
    // @ts-expect-error not a transaction type
    client.listTransactions({ type: 'PURCHASE' })
  })
})

describe('jobs', () => {
  it('takes every path whose answer carries a job with a cost, and nothing else', () => {
    expectTypeOf<JobPath>().toEqualTypeOf<
      | '/generations'
      | '/variations/upscale'
      | '/variations/nobg'
      | '/variations/unzoom'
      | '/variations/universal-upscaler'
      | '/generations-motion-svd'
      | '/generations-text-to-video'
      | '/generations-image-to-video'
      | '/generations-video-upscale'
      | '/generations-lcm'
      | '/lcm-instant-refine'
      | '/lcm-inpainting'
      | '/lcm-upscale'
      | '/prompt/improve'
      | '/prompt/random'
      | '/elements'
      | '/models'
    >()
    // @ts-expect-error a top-up is a payment, not a job
    createJob(client, '/billing/top-ups', { amount: 5 })
    // @ts-expect-error the calculator prices, it starts no job
    createJob(client, '/pricing-calculator', { service: 'IMAGE_GENERATION', serviceParams: {} })
  })

  it('types the body and the job from the path', () => {
    expectTypeOf(createJob(client, '/variations/upscale', { id: 'img_1' })).resolves.toEqualTypeOf<
      CreatedJob<'/variations/upscale'>
    >()
    expectTypeOf<CreatedJob<'/variations/upscale'>['kind']>().toEqualTypeOf<'sdUpscaleJob'>()
    expectTypeOf<CreatedJob<'/generations'>['job']>().toEqualTypeOf<
      components['schemas']['SdGenerationJob']
    >()
    expectTypeOf<CreatedJob['cost']>().toEqualTypeOf<Money | null>()
    // @ts-expect-error an upscale takes the image id
    createJob(client, '/variations/upscale', { prompt: 'a fox' })
    expectTypeOf(getJob(client, 'g_1')).resolves.toEqualTypeOf<JobState | null>()
  })
})

describe('the raw client', () => {
  it('knows the spec paths and their responses', async () => {
    const { data } = await raw.GET('/billing/balance')
    expectTypeOf(data).toEqualTypeOf<
      | {
          balance: string
          currency: 'USD'
          billingModel: 'PAYG' | 'SUBSCRIPTION'
          credits: number | null
          state: 'OK' | 'LOW' | 'PAUSED'
          lowBalanceThreshold: number | null
          autoTopUpEnabled: boolean
          updatedAt: string
        }
      | undefined
    >()
  })

  it('rejects a wrong path', () => {
    // @ts-expect-error no such path in the spec
    raw.GET('/billing/balances')
    // @ts-expect-error the path exists, but not with this method
    raw.POST('/billing/balance')
  })

  it('rejects a missing required body field or header', () => {
    raw.POST('/billing/top-ups', {
      params: { header: { 'Idempotency-Key': 'k' } },
      // @ts-expect-error amount is required
      body: {},
    })
    raw.POST('/billing/top-ups', {
      // @ts-expect-error the Idempotency-Key header is required
      params: { header: {} },
      body: { amount: 25 },
    })
  })
})
