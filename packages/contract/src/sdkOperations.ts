// How each Leonardo operation is called through the official SDK (@leonardo-ai/sdk 4.21.3):
// keyed by the HTTP method and path template the SDK sends, with a request the SDK accepts.
// Every SDK method whose answer carries `cost { amount, unit }` is here, whether or not the spec
// has its path yet: the contract test drives those the spec has, and fails on a spec operation
// that has no entry.
import type { Leonardo } from '@leonardo-ai/sdk'
import * as operations from '@leonardo-ai/sdk/sdk/models/operations/index.js'
import * as shared from '@leonardo-ai/sdk/sdk/models/shared/index.js'
import type { OperationKey } from './spec'

/** Ids of earlier jobs that a request can refer to. */
export interface JobInputs {
  /** A generation of images made in the same scenario. */
  generationId: string
  /** One of its images. */
  imageId: string
  /** An upscale variation of that image. */
  variationId: string
  /** A finished text-to-video generation. */
  videoGenerationId: string
  /** A video upscale of that video (a motion variation). */
  motionVariationId: string
}

/** An SDK method and how to call it. */
export interface SdkOperation {
  /** `METHOD /path` as the SDK sends it, with the spec's template for path parameters. */
  key: OperationKey
  /** The SDK method, as `leonardo.<namespace>.<method>`; null when the SDK has none. */
  method: string | null
  /**
   * The prefix of the SDK's model names in `sdk/models/operations`: the request body is
   * `<model>RequestBody$outboundSchema`, the answer `<model>ResponseBody$inboundSchema`.
   */
  model: string | null
  /** Where the answer carries the job's cost, e.g. `['sdGenerationJob', 'cost']`; none if free. */
  costAt?: readonly string[]
  /** Why the SDK has no method, when `method` is null. */
  note?: string
  /** Sends a valid request through the SDK, or (without an SDK method) the JSON body to POST. */
  send:
    | ((sdk: Leonardo, inputs: JobInputs) => Promise<unknown>)
    | { body: (inputs: JobInputs) => unknown }
}

const prompt = 'A lighthouse on a cliff at dawn, oil painting'
// A 1x1 PNG, as the realtime canvas endpoints take a data URL.
const dataUrl =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='
const datasetId = '5c8b3b0e-1f1a-4c55-9a3e-6d2f0b7e4a10'

/** The table: every Leonardo operation the kit's spec describes or may describe. */
export const SDK_OPERATIONS: readonly SdkOperation[] = [
  {
    key: 'GET /me',
    method: 'user.getUserSelf',
    model: 'GetUserSelf',
    send: (sdk) => sdk.user.getUserSelf(),
  },
  {
    key: 'POST /pricing-calculator',
    method: 'pricingCalculator.pricingCalculator',
    model: 'PricingCalculator',
    send: (sdk) =>
      sdk.pricingCalculator.pricingCalculator({
        service: shared.PricingCalculatorServices.ImageGeneration,
        serviceParams: {
          imageGeneration: {
            imageWidth: 1024,
            imageHeight: 1024,
            numImages: 4,
            alchemyMode: true,
            isSDXLLightning: true,
          },
        },
      }),
  },
  {
    key: 'POST /generations',
    method: 'image.createGeneration',
    model: 'CreateGeneration',
    costAt: ['sdGenerationJob', 'cost'],
    send: (sdk) =>
      sdk.image.createGeneration({
        prompt,
        modelId: 'b24e16ff-06e3-43eb-8d33-4416c2d75876',
        width: 1024,
        height: 1024,
        numImages: 4,
        alchemy: true,
      }),
  },
  {
    key: 'GET /generations/{id}',
    method: 'image.getGenerationById',
    model: 'GetGenerationById',
    send: (sdk, { generationId }) => sdk.image.getGenerationById(generationId),
  },
  {
    key: 'POST /variations/upscale',
    method: 'variation.createVariationUpscale',
    model: 'CreateVariationUpscale',
    costAt: ['sdUpscaleJob', 'cost'],
    send: (sdk, { imageId }) => sdk.variation.createVariationUpscale({ id: imageId }),
  },
  {
    key: 'GET /variations/{id}',
    method: 'variation.getVariationById',
    model: 'GetVariationById',
    send: (sdk, { variationId }) => sdk.variation.getVariationById(variationId),
  },
  {
    key: 'GET /motion-variations/{id}',
    method: 'variation.getMotionVariationById',
    model: 'GetMotionVariationById',
    send: (sdk, { motionVariationId }) => sdk.variation.getMotionVariationById(motionVariationId),
  },
  {
    key: 'POST /variations/nobg',
    method: 'variation.createVariationNoBG',
    model: 'CreateVariationNoBG',
    costAt: ['sdNobgJob', 'cost'],
    send: (sdk, { imageId }) =>
      sdk.variation.createVariationNoBG({ id: imageId, isVariation: false }),
  },
  {
    key: 'POST /variations/unzoom',
    method: 'variation.createVariationUnzoom',
    model: 'CreateVariationUnzoom',
    costAt: ['sdUnzoomJob', 'cost'],
    send: (sdk, { imageId }) =>
      sdk.variation.createVariationUnzoom({ id: imageId, isVariation: false }),
  },
  {
    key: 'POST /variations/universal-upscaler',
    method: 'variation.createUniversalUpscalerJob',
    model: 'CreateUniversalUpscalerJob',
    costAt: ['universalUpscaler', 'cost'],
    send: (sdk, { imageId }) =>
      sdk.variation.createUniversalUpscalerJob({
        generatedImageId: imageId,
        upscaleMultiplier: 1.5,
        upscalerStyle: shared.UniversalUpscalerStyle.General,
        creativityStrength: 5,
      }),
  },
  {
    key: 'POST /generations-motion-svd',
    method: 'motion.createSVDMotionGeneration',
    model: 'CreateSVDMotionGeneration',
    costAt: ['motionSvdGenerationJob', 'cost'],
    send: (sdk, { imageId }) =>
      sdk.motion.createSVDMotionGeneration({ imageId, motionStrength: 5 }),
  },
  {
    key: 'POST /generations-text-to-video',
    method: 'motion.createTextToVideoGeneration',
    model: 'CreateTextToVideoGeneration',
    costAt: ['motionVideoGenerationJob', 'cost'],
    send: (sdk) =>
      sdk.motion.createTextToVideoGeneration({
        prompt,
        model: operations.CreateTextToVideoGenerationString.Motion2,
        resolution: operations.CreateTextToVideoGenerationMotionString.Resolution720,
      }),
  },
  {
    key: 'POST /generations-image-to-video',
    method: 'motion.createImageToVideoGeneration',
    model: 'CreateImageToVideoGeneration',
    costAt: ['motionVideoGenerationJob', 'cost'],
    send: (sdk, { imageId }) =>
      sdk.motion.createImageToVideoGeneration({
        prompt,
        imageId,
        imageType: operations.ImageType.Generated,
        model: operations.CreateImageToVideoGenerationString.Motion2,
        resolution: operations.CreateImageToVideoGenerationMotionString.Resolution720,
      }),
  },
  {
    key: 'POST /generations-video-upscale',
    method: 'motion.createVideoUpscale',
    model: 'CreateVideoUpscale',
    costAt: ['motionVideoGenerationJob', 'cost'],
    send: (sdk, { videoGenerationId }) =>
      sdk.motion.createVideoUpscale({
        sourceGenerationId: videoGenerationId,
        resolution: operations.CreateVideoUpscaleString.Resolution720,
      }),
  },
  {
    key: 'POST /generations-texture',
    method: null,
    model: null,
    costAt: ['textureGenerationJob', 'cost'],
    note: "The SDK 4.21.3 has no texture generation method: the test posts Leonardo's documented body itself and checks the answer against the spec and the charge, with nothing to compare the models with.",
    send: {
      body: () => ({
        prompt,
        modelAssetId: '0f9e8d7c-6b5a-4f3e-8d2c-1b0a9f8e7d6c',
        preview: false,
      }),
    },
  },
  {
    key: 'POST /generations-lcm',
    method: 'realtimeCanvas.createLCMGeneration',
    model: 'CreateLCMGeneration',
    costAt: ['lcmGenerationJob', 'cost'],
    send: (sdk) =>
      sdk.realtimeCanvas.createLCMGeneration({
        prompt,
        imageDataUrl: dataUrl,
        width: 512,
        height: 512,
      }),
  },
  {
    key: 'POST /lcm-instant-refine',
    method: 'realtimeCanvas.performInstantRefine',
    model: 'PerformInstantRefine',
    costAt: ['lcmGenerationJob', 'cost'],
    send: (sdk) =>
      sdk.realtimeCanvas.performInstantRefine({
        prompt,
        imageDataUrl: dataUrl,
        width: 512,
        height: 512,
      }),
  },
  {
    key: 'POST /lcm-inpainting',
    method: 'realtimeCanvas.performInpaintingLCM',
    model: 'PerformInpaintingLCM',
    costAt: ['lcmGenerationJob', 'cost'],
    send: (sdk) =>
      sdk.realtimeCanvas.performInpaintingLCM({
        prompt,
        imageDataUrl: dataUrl,
        maskDataUrl: dataUrl,
        width: 512,
        height: 512,
      }),
  },
  {
    key: 'POST /lcm-upscale',
    method: 'realtimeCanvas.performAlchemyUpscaleLCM',
    model: 'PerformAlchemyUpscaleLCM',
    costAt: ['lcmGenerationJob', 'cost'],
    send: (sdk) =>
      sdk.realtimeCanvas.performAlchemyUpscaleLCM({
        prompt,
        imageDataUrl: dataUrl,
        width: 512,
        height: 512,
      }),
  },
  {
    key: 'POST /prompt/improve',
    method: 'prompt.promptImprove',
    model: 'PromptImprove',
    costAt: ['promptGeneration', 'cost'],
    send: (sdk) => sdk.prompt.promptImprove({ prompt: 'a lighthouse' }),
  },
  {
    key: 'POST /prompt/random',
    method: 'prompt.promptRandom',
    model: 'PromptRandom',
    costAt: ['promptGeneration', 'cost'],
    send: (sdk) => sdk.prompt.promptRandom(),
  },
  {
    key: 'POST /elements',
    method: 'elements.createElement',
    model: 'CreateElement',
    costAt: ['sdTrainingJob', 'cost'],
    send: (sdk) =>
      sdk.elements.createElement({
        name: 'lighthouse-style',
        datasetId,
        instancePrompt: 'a lighthouse',
        loraFocus: 'Style',
        learningRate: 0.000001,
        numTrainEpochs: 100,
        resolution: 1024,
        sdVersion: operations.SdVersions.FluxDev,
        trainTextEncoder: true,
      }),
  },
  {
    key: 'POST /models',
    method: 'models.createModel',
    model: 'CreateModel',
    costAt: ['sdTrainingJob', 'cost'],
    send: (sdk) =>
      sdk.models.createModel({
        name: 'lighthouses',
        datasetId,
        instancePrompt: 'a lighthouse',
        modelType: shared.CustomModelType.General,
        resolution: 512,
        sdVersion: operations.CreateModelSdVersions.V15,
        strength: shared.Strength.Medium,
      }),
  },
]

/** The table's entry for `key`, if any. */
export function sdkOperation(key: OperationKey): SdkOperation | undefined {
  return SDK_OPERATIONS.find((operation) => operation.key === key)
}
