// The contract test: every Leonardo operation of the spec, driven through Leonardo's official
// SDK against the kit's mock, in a PAYG account, a legacy plan and at zero balance. It fails on
// any SDK validation error that no accepted deviation (src/deviations.ts) explains, on an
// answer that is not what the spec says, and when `/me` does not fall by exactly each job's cost.
import { Leonardo } from '@leonardo-ai/sdk'
import { HTTPClient } from '@leonardo-ai/sdk/lib/http.js'
import { ResponseValidationError, SDKError } from '@leonardo-ai/sdk/sdk/models/errors/index.js'
import { compare, credits, type Money, subtract, usd } from '@payg-kit/core'
import { createPaygMock, DEFAULT_BASE_URL, type ScenarioName } from '@payg-kit/msw'
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { TEST_NOW } from '../../../test/clock'
import { buildReport, sdkShapes } from './report'
import { type JobInputs, SDK_OPERATIONS, type SdkOperation, sdkOperation } from './sdkOperations'
import { conformance } from './shape'
import { leonardoOperations, type OperationKey, type SpecOperation } from './spec'

const API_KEY = 'contract-test-key'
const mock = createPaygMock({ scenario: 'healthy', seed: 9, now: TEST_NOW, apiKey: API_KEY })
const server = setupServer(...mock.handlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

// The raw body of every answer the SDK receives, so that an answer the SDK refused can still
// be read (and checked against the spec).
let lastBody = ''
const httpClient = new HTTPClient({
  fetcher: async (input, init) => {
    const response = await fetch(input, init)
    lastBody = await response.clone().text()
    return response
  },
})
const sdk = new Leonardo({ bearerAuth: API_KEY, serverURL: DEFAULT_BASE_URL, httpClient })

const specOperations = leonardoOperations()
const report = buildReport(specOperations)

/** Whether an accepted deviation explains the SDK refusing the answer of `key` at `path`. */
function acceptedAt(key: OperationKey, path: string) {
  return report.differences.find(
    ({ difference, deviation }) =>
      deviation &&
      difference.operation === key &&
      difference.side === 'response' &&
      difference.breaks &&
      difference.path === path,
  )?.deviation
}

interface Answer {
  status: number
  body: unknown
  /** The deviations that explained the SDK's refusal of a valid answer. */
  accepted: string[]
}

/** Sends `entry`'s request through the SDK (or, without an SDK method, as plain JSON). */
async function drive(entry: SdkOperation, inputs: JobInputs): Promise<Answer> {
  const { send } = entry
  const before = mock.requests.length
  let answer: Answer
  if (typeof send !== 'function') {
    const response = await fetch(`${DEFAULT_BASE_URL}${entry.key.split(' ')[1]}`, {
      method: entry.key.split(' ')[0],
      headers: { Authorization: `Bearer ${API_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(send.body(inputs)),
    })
    answer = { status: response.status, body: await response.json(), accepted: [] }
  } else {
    try {
      await send(sdk, inputs)
      answer = { status: 200, body: JSON.parse(lastBody), accepted: [] }
    } catch (error) {
      if (error instanceof ResponseValidationError) {
        const issues = (
          error.cause as { issues?: { path: (string | number)[]; message: string }[] }
        ).issues
        expect(issues?.length, error.pretty()).toBeGreaterThan(0)
        const accepted: string[] = []
        for (const issue of issues ?? []) {
          const path = issue.path
            .slice(issue.path[0] === 'object' ? 1 : 0)
            .map((part) => (typeof part === 'number' ? '[]' : `.${part}`))
            .join('')
            .replace(/^\./, '')
            .replace(/\.\[\]/g, '[]')
          const deviation = acceptedAt(entry.key, path)
          expect(
            deviation,
            `the SDK refused the answer of ${entry.key} at ${path} (${issue.message}) and no accepted deviation explains it`,
          ).toBeDefined()
          if (deviation) accepted.push(deviation.id)
        }
        answer = { status: error.statusCode, body: JSON.parse(error.body), accepted }
      } else if (error instanceof SDKError) {
        answer = { status: error.statusCode, body: JSON.parse(error.body), accepted: [] }
      } else {
        // SDKValidationError (the SDK refused the request it was given) and anything else.
        throw error
      }
    }
  }
  // The SDK sent exactly the operation the table says, once.
  const sent = mock.requests.slice(before)
  expect(sent.map((request) => `${request.method} ${template(request.path)}`)).toEqual([
    `${entry.key.split(' ')[0]} ${template(entry.key.split(' ')[1] ?? '')}`,
  ])
  // What the SDK sent, defaults included, is a request the spec allows.
  const request = specOperations.find((operation) => operation.key === entry.key)?.request
  if (request) expect(conformance(sent[0]?.body, request)).toEqual([])
  return answer
}

const template = (path: string) => path.replace(/\/[0-9a-f-]{36}(?=\/|$)/g, '/{id}')

/** The answer, checked against what the spec says for its status. */
function expectConforms(operation: SpecOperation, answer: Answer) {
  const shape = answer.status === 402 ? operation.refusal : operation.response
  expect(shape, `the spec has no ${answer.status} answer for ${operation.key}`).toBeDefined()
  if (shape) expect(conformance(answer.body, shape)).toEqual([])
}

const pick = (value: unknown, path: readonly string[]) =>
  path.reduce<unknown>(
    (node, key) =>
      typeof node === 'object' && node !== null
        ? (node as Record<string, unknown>)[key]
        : undefined,
    value,
  )

interface Account {
  title: string
  scenario: ScenarioName
  /** The unit jobs are charged in. */
  unit: 'DOLLARS' | 'CREDITS'
  /** The balance `/me` reports, in that unit. */
  balance: (me: unknown) => Money
  /** Whether jobs are refused for the balance. */
  paused?: boolean
}

const firstUser = (me: unknown) => pick(me, ['user_details', '0']) as Record<string, unknown>
const accounts: Account[] = [
  {
    title: 'a PAYG account',
    scenario: 'healthy',
    unit: 'DOLLARS',
    balance: (me) => usd(String(firstUser(me).apiPaidTokens)),
  },
  {
    title: 'a legacy plan',
    scenario: 'legacySubscription',
    unit: 'CREDITS',
    balance: (me) => credits(String(firstUser(me).apiSubscriptionTokens)),
  },
  {
    title: 'a PAYG account at zero balance',
    scenario: 'zeroBalance',
    unit: 'DOLLARS',
    balance: (me) => usd(String(firstUser(me).apiPaidTokens)),
    paused: true,
  },
]

const getUserSelf = sdkOperation('GET /me')
const createGeneration = sdkOperation('POST /generations')
/** Inputs of a request that refers to no earlier job. */
const none: JobInputs = {
  generationId: '',
  imageId: '',
  variationId: '',
  videoGenerationId: '',
  motionVariationId: '',
}
/** The SDK entry for a key, which the inputs of other jobs need. */
function need(key: string) {
  const entry = sdkOperation(key as Parameters<typeof sdkOperation>[0])
  if (!entry) throw new Error(`no SDK entry for ${key}`)
  return entry
}

describe('every Leonardo operation of the spec has an SDK mapping', () => {
  it.each(specOperations.map((operation) => operation.key))('%s', (key) => {
    expect(sdkOperation(key), `add ${key} to SDK_OPERATIONS in src/sdkOperations.ts`).toBeDefined()
  })

  it.each(SDK_OPERATIONS.map((entry) => [entry.key, entry] as const))(
    'the table names %s by an SDK method and models that exist',
    (_key, entry) => {
      expect(SDK_OPERATIONS.filter((other) => other.key === entry.key)).toHaveLength(1)
      if (!entry.method) {
        expect(entry.note).toBeTruthy()
        return
      }
      const [namespace = '', method = ''] = entry.method.split('.')
      const group = (sdk as unknown as Record<string, Record<string, unknown>>)[namespace]
      expect(typeof group?.[method]).toBe('function')
      expect(entry.model && sdkShapes(entry).response?.type).toBe('object')
    },
  )
})

describe.each(accounts)('through @leonardo-ai/sdk, $title', (account) => {
  let inputs: JobInputs = none
  beforeEach(async () => {
    mock.reset(account.scenario, { now: TEST_NOW })
    // Jobs refer to an earlier generation: made while the account could pay for it.
    const balance = mock.state.balance()
    if (account.paused) mock.state.setBalance('100')
    if (!createGeneration || typeof createGeneration.send !== 'function')
      throw new Error('no createGeneration')
    const made = await drive(createGeneration, inputs)
    const generationId = String(pick(made.body, ['sdGenerationJob', 'generationId']))
    // A job may be PENDING for a while: poll, moving the mock's clock on, until it is done.
    let generation: unknown
    for (let poll = 0; ; poll++) {
      generation = await fetch(`${DEFAULT_BASE_URL}/generations/${generationId}`, {
        headers: { Authorization: `Bearer ${API_KEY}` },
      }).then((response) => response.json())
      const status = pick(generation, ['generations_by_pk', 'status'])
      if (status !== 'PENDING' || poll === 30) {
        expect(status, `generation ${generationId}`).toBe('COMPLETE')
        break
      }
      mock.clock.advance({ seconds: 5 })
    }
    const imageId = String(pick(generation, ['generations_by_pk', 'generated_images', '0', 'id']))
    inputs = { ...none, generationId, imageId }
    // The getters of variations read jobs made from it: an upscale, and a video upscaled.
    const upscaled = await drive(need('POST /variations/upscale'), inputs)
    const variationId = String(pick(upscaled.body, ['sdUpscaleJob', 'id']))
    const video = await drive(need('POST /generations-text-to-video'), inputs)
    const videoGenerationId = String(pick(video.body, ['motionVideoGenerationJob', 'generationId']))
    await fetch(`${DEFAULT_BASE_URL}/generations/${videoGenerationId}`, {
      headers: { Authorization: `Bearer ${API_KEY}` },
    })
    const videoUpscale = await drive(need('POST /generations-video-upscale'), {
      ...inputs,
      videoGenerationId,
    })
    const motionVariationId = String(
      pick(videoUpscale.body, ['motionVideoGenerationJob', 'variationId']),
    )
    inputs = { ...inputs, variationId, videoGenerationId, motionVariationId }
    if (account.paused) mock.state.setBalance(balance)
  })

  const me = async () => {
    if (!getUserSelf) throw new Error('no getUserSelf')
    const answer = await drive(getUserSelf, inputs)
    expect(answer.status).toBe(200)
    return account.balance(answer.body)
  }

  for (const operation of specOperations) {
    const entry = sdkOperation(operation.key)
    if (!entry) continue
    const charged = entry.costAt !== undefined
    const title = `${operation.key} (${entry.method ?? 'no SDK method'})${charged ? (account.paused ? ' is refused as the spec says' : ' charges exactly its cost') : ''}`
    it(title, async () => {
      const before = await me()
      const answer = await drive(entry, inputs)
      expectConforms(operation, answer)
      const after = await me()
      if (!charged || !entry.costAt) {
        expect(answer.status).toBe(200)
        expect(after).toEqual(before)
        return
      }
      if (account.paused) {
        expect(answer.status).toBe(402)
        // The refusal says why: the balance there is and more than it, in dollars.
        const details = pick(answer.body, ['details']) as { balance: string; required: string }
        expect(answer.body).toMatchObject({
          code: 'INSUFFICIENT_BALANCE',
          details: { currency: 'USD' },
        })
        expect(usd(details.balance)).toEqual(before)
        expect(compare(usd(details.required), usd(before.amount))).toBe(1)
        expect(after).toEqual(before)
        return
      }
      expect(answer.status).toBe(200)
      const cost = pick(answer.body, entry.costAt) as { amount: string; unit: string }
      expect(cost.unit).toBe(account.unit)
      const charge = account.unit === 'DOLLARS' ? usd(cost.amount) : credits(cost.amount)
      expect(subtract(before, after)).toEqual(charge)
    })
  }

  it('reads the balance from /me, where the SDK refuses only what a deviation explains', async () => {
    if (!getUserSelf) throw new Error('no getUserSelf')
    const answer = await drive(getUserSelf, inputs)
    expect(answer.status).toBe(200)
    const balance = account.balance(answer.body)
    expect(balance.amount).toBe(
      account.unit === 'DOLLARS'
        ? mock.state.balance()
        : String(firstUser(answer.body).apiSubscriptionTokens),
    )
    // A PAYG balance that is not whole dollars is refused by the SDK as an integer field.
    const fractional = account.unit === 'DOLLARS' && !Number.isInteger(Number(balance.amount))
    expect(answer.accepted).toEqual(fractional ? ['payg-balance-is-decimal'] : [])
  })
})

describe('the contract fails', () => {
  beforeEach(() => mock.reset('healthy', { now: TEST_NOW }))

  it('on nothing but the documented deviation for a PAYG price in dollars', async () => {
    const calculator = sdkOperation('POST /pricing-calculator')
    if (!calculator) throw new Error('no pricingCalculator')
    const answer = await drive(calculator, none)
    expect(answer.body).toEqual({ calculateProductionApiServiceCost: { cost: 0.048 } })
    expect(answer.accepted).toEqual(['payg-calculator-cost-is-decimal'])
  })

  it('on an answer the SDK refuses for a reason no deviation gives', async () => {
    server.use(
      http.post(`${DEFAULT_BASE_URL}/variations/upscale`, () =>
        HttpResponse.json({
          sdUpscaleJob: { id: 42, cost: { amount: '0.0114', unit: 'DOLLARS' } },
        }),
      ),
    )
    const upscale = sdkOperation('POST /variations/upscale')
    if (!upscale) throw new Error('no createVariationUpscale')
    await expect(drive(upscale, { ...none, imageId: 'image' })).rejects.toThrow(
      /at sdUpscaleJob\.id .*no accepted deviation explains it/,
    )
  })
})

describe('null request fields, as the SDK sends them when a caller passes null', () => {
  beforeEach(() => mock.reset('healthy', { now: TEST_NOW }))

  it('are read as absent: the same job at the same price', async () => {
    const base = { prompt: 'A lighthouse', width: 1024, height: 1024, numImages: 4, alchemy: true }
    const plain = await sdk.image.createGeneration(base)
    const withNulls = await sdk.image.createGeneration({
      ...base,
      seed: null,
      negativePrompt: null,
      guidanceScale: null,
      numInferenceSteps: null,
      photoReal: null,
      contrast: null,
    })
    expect(mock.requests.at(-1)?.body).toMatchObject({
      seed: null,
      negative_prompt: null,
      guidance_scale: null,
    })
    const cost = withNulls.object?.sdGenerationJob?.cost
    expect(cost?.unit).toBe('DOLLARS')
    expect(cost).toEqual(plain.object?.sdGenerationJob?.cost)
  })
})
