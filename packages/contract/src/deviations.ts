// The accepted differences between the spec and the official SDK, each with its reason. A
// difference no entry covers fails the tests; so does an entry no difference needs any more.
import type { Difference, DifferenceKind, Side } from './diff'
import type { OperationKey } from './spec'

/** An accepted deviation: which differences it covers, and why they are right. */
export interface Deviation {
  /** A short kebab-case name, the anchor in docs/sdk-report.md. */
  id: string
  /** Why the kit differs from the SDK here. */
  reason: string
  /** The differences it covers: every given criterion must hold. */
  covers: {
    kind?: DifferenceKind | readonly DifferenceKind[]
    side?: Side
    operation?: OperationKey | readonly OperationKey[]
    /** The field's path: exact, `prefix*` or `*suffix`. */
    path?: string | readonly string[]
    /** Only differences that break (true) or do not break (false) an exchange. */
    breaks?: boolean
  }
  /**
   * Set when the difference is a bug of the spec or the mock that is to be fixed, not a choice:
   * what the fix is. The entry goes once the fix lands (the tests then say it is unused).
   */
  bug?: string
}

const list = <T>(value: T | readonly T[] | undefined): readonly T[] | undefined =>
  value === undefined ? undefined : Array.isArray(value) ? value : [value as T]

/** Whether `deviation` covers `difference`. */
export function matches(deviation: Deviation, difference: Difference): boolean {
  const { covers } = deviation
  const kinds = list(covers.kind)
  if (kinds && !kinds.includes(difference.kind)) return false
  if (covers.side && covers.side !== difference.side) return false
  const ops = list(covers.operation)
  if (ops && !ops.includes(difference.operation)) return false
  if (covers.breaks !== undefined && covers.breaks !== difference.breaks) return false
  const paths = list(covers.path)
  if (
    paths &&
    !paths.some((path) =>
      path.endsWith('*')
        ? difference.path.startsWith(path.slice(0, -1))
        : path.startsWith('*')
          ? difference.path.endsWith(path.slice(1))
          : path === difference.path,
    )
  )
    return false
  return true
}

/** The accepted deviations. */
export const DEVIATIONS: readonly Deviation[] = [
  // ----- PAYG amounts are decimals -------------------------------------------------------------
  {
    id: 'payg-balance-is-decimal',
    reason:
      'On a PAYG account `/me` reports the dollar balance in `apiPaidTokens` as a decimal number (e.g. `12.4567`); the SDK still types it as an integer, from the credit era, so its `getUserSelf` refuses a PAYG answer with a non-whole balance. The kit reads it as a decimal, and the contract test reads the balance from the answer the SDK refused.',
    covers: {
      operation: 'GET /me',
      side: 'response',
      kind: 'type',
      path: 'user_details[].apiPaidTokens',
    },
  },
  {
    id: 'payg-calculator-cost-is-decimal',
    reason:
      'On a PAYG account the calculator answers dollars (e.g. `0.048`); the SDK types `calculateProductionApiServiceCost.cost` as an integer (credits), so it refuses a PAYG price that is not whole dollars.',
    covers: {
      operation: 'POST /pricing-calculator',
      side: 'response',
      kind: 'type',
      path: 'calculateProductionApiServiceCost.cost',
    },
  },
  // ----- bugs of the spec or the mock, to be fixed ------------------------------------------------
  {
    id: 'bug-me-token-counts-number',
    reason:
      'The spec types the token and slot counts of `/me` as `number`; they are whole counts and the SDK types them as integers. The mock answers whole numbers, so nothing fails today.',
    bug: 'Type paidTokens, subscriptionTokens, subscriptionGptTokens, subscriptionModelTokens, apiConcurrencySlots and apiSubscriptionTokens as integer in UserDetails.',
    covers: {
      operation: 'GET /me',
      side: 'response',
      kind: 'type',
      path: [
        'user_details[].paidTokens',
        'user_details[].subscriptionTokens',
        'user_details[].subscriptionGptTokens',
        'user_details[].subscriptionModelTokens',
        'user_details[].apiConcurrencySlots',
        'user_details[].apiSubscriptionTokens',
      ],
    },
  },
  {
    id: 'bug-api-credit-cost-number',
    reason:
      'The spec types the deprecated `apiCreditCost` as `number`; it counts API credits and the SDK types it as an integer. The mock answers whole credits, so nothing fails today.',
    bug: 'Type apiCreditCost as integer (or null) in SdGenerationJob, VariationJob and every job the spec adds.',
    covers: { side: 'response', kind: 'type', path: '*.apiCreditCost' },
  },
  {
    id: 'bug-guidance-scale-integer',
    reason:
      '`guidance_scale` is a number in the SDK (Leonardo accepts 7.5); the spec says integer, so the mock refuses a fractional value Leonardo accepts.',
    bug: 'Type CreateGenerationRequest.guidance_scale as number (1 to 20) and accept fractions in the mock.',
    covers: {
      operation: 'POST /generations',
      side: 'request',
      kind: 'type',
      path: 'guidance_scale',
    },
  },
  {
    id: 'bug-undeclared-leonardo-defaults',
    reason:
      "Leonardo's spec (as the SDK carries it) gives `POST /generations` defaults that the kit's spec does not declare: `alchemy` true, `modelId` Leonardo Lightning XL (`b24e16ff-06e3-43eb-8d33-4416c2d75876`), `presetStyle` DYNAMIC. A request without them means something else to the mock than to Leonardo (without `alchemy` the mock prices it as off, about half the price).",
    bug: 'Declare these defaults in CreateGenerationRequest and price a request without alchemy as alchemy on.',
    covers: {
      operation: 'POST /generations',
      side: 'request',
      kind: 'default',
      path: ['alchemy', 'modelId', 'presetStyle'],
    },
  },
  {
    id: 'bug-universal-upscaler-shape',
    reason:
      "The calculator's `UNIVERSAL_UPSCALER` takes `{ megapixel }` in the SDK; the spec gives it the Ultra shape (`inputWidth`, `inputHeight`, `upscaleMultiplier`), and the mock ignores `megapixel`.",
    bug: 'Give UniversalUpscalerParams `megapixel` (integer) instead of the Ultra fields, and price it in the mock.',
    covers: {
      operation: 'POST /pricing-calculator',
      side: 'request',
      path: 'serviceParams.UNIVERSAL_UPSCALER.*',
    },
  },
  {
    id: 'bug-model-training-shape',
    reason:
      "The calculator's `MODEL_TRAINING` has `datasetImageCount` and `sd_version` in the SDK, which the spec lacks; the spec's `resolution` is limited to 512 and 768 with a default of 512, while Leonardo trains at 1024 too.",
    bug: 'Add datasetImageCount and sd_version to ModelTrainingParams, accept resolution 1024, and drop the kit-only default.',
    covers: {
      operation: 'POST /pricing-calculator',
      side: 'request',
      path: 'serviceParams.MODEL_TRAINING.*',
    },
  },
  {
    id: 'bug-veo3-kit-fields',
    reason:
      "The calculator's `VEO3_MOTION_VIDEO_GENERATION` has only `resolution: RESOLUTION_720` in the SDK; the spec adds `duration`, `RESOLUTION_1080` and a default that Leonardo's calculator does not have.",
    bug: 'Remove duration and RESOLUTION_1080 (or mark them plainly as the kit’s own) and the default.',
    covers: {
      operation: 'POST /pricing-calculator',
      side: 'request',
      path: 'serviceParams.VEO3_MOTION_VIDEO_GENERATION.*',
    },
  },
  // ----- the kit's own, documented choices ------------------------------------------------------
  {
    id: 'kit-calculator-inputs',
    reason:
      "Calculator inputs the spec documents as the kit's own: `MOTION_SVD_GENERATION.motionStrength` (accepted for parity with the motion endpoint, does not change the price) and `TEXTURE_GENERATION.preview` defaulting to false (a full texture), where the SDK declares no default.",
    covers: {
      operation: 'POST /pricing-calculator',
      side: 'request',
      path: [
        'serviceParams.MOTION_SVD_GENERATION.motionStrength',
        'serviceParams.TEXTURE_GENERATION.preview',
      ],
      kind: ['only-in-spec', 'default'],
    },
  },
  {
    id: 'spec-lists-documented-values',
    reason:
      "Where Leonardo's documentation lists the allowed values and the SDK types a plain string or integer, the spec lists them (Prompt Magic and PhotoReal versions, the motion video resolution, the LCM sizes); where the values depend on the model (`presetStyle`), the spec leaves a string and says so. A caller of the SDK can send a value Leonardo refuses either way.",
    covers: {
      kind: 'enum',
      side: 'request',
      breaks: false,
      path: [
        'serviceParams.IMAGE_GENERATION.promptMagicVersion',
        'serviceParams.IMAGE_GENERATION.photoRealVersion',
        'serviceParams.MOTION_VIDEO_GENERATION.resolution',
        'serviceParams.LCM_GENERATION.width',
        'serviceParams.LCM_GENERATION.height',
        'photoRealVersion',
        'presetStyle',
      ],
    },
  },
  {
    id: 'sdk-integer-where-spec-number',
    reason:
      'The SDK sends a whole number where the spec takes any number (`controlnetsCost`, a sum of credit costs): every value the SDK sends, the spec allows.',
    covers: { kind: 'type', side: 'request', breaks: false },
  },
  {
    id: 'sdk-placeholder-prompt',
    reason:
      'The SDK fills a missing `prompt` with its example ("A majestic cat in the snow"), so its model makes `prompt` optional; Leonardo and the spec require a prompt, and the kit always sends one.',
    covers: {
      operation: 'POST /generations',
      side: 'request',
      path: 'prompt',
      kind: ['required', 'default'],
    },
  },
  {
    id: 'sdk-request-fields-optional',
    reason:
      "The SDK's request models leave optional what the calculator and the unzoom need (`service`, `serviceParams`, the image `id`): a request without them is refused by Leonardo as by the spec, and the kit always sends them.",
    covers: {
      side: 'request',
      kind: 'required',
      operation: ['POST /pricing-calculator', 'POST /variations/unzoom'],
      path: ['service', 'serviceParams', 'id'],
    },
  },
  // ----- classes of differences that no exchange can fail on ------------------------------------
  {
    id: 'sdk-request-null',
    reason:
      "The SDK's request models accept `null` for every optional field (a Speakeasy convention) and send it only when the caller passes null; the mock reads a null field as absent (the contract test sends one), so the spec does not list null.",
    covers: { side: 'request', kind: 'nullable' },
  },
  {
    id: 'spec-lists-part-of-request',
    reason:
      "The spec describes the request fields the kit prices or reads, a subset of Leonardo's; the others pass through unchanged (these objects are open in the spec).",
    covers: { side: 'request', kind: 'only-in-sdk', breaks: false },
  },
  {
    id: 'sdk-answers-optional',
    reason:
      "The SDK marks almost every answer field optional and nullable; the spec promises more where Leonardo always answers the field (the kit's client relies on it). A stricter answer still parses.",
    covers: { side: 'response', kind: ['required', 'nullable'], breaks: false },
  },
  {
    id: 'spec-reads-part-of-answer',
    reason:
      "The spec describes the part of each answer the kit reads; the SDK's other answer fields are optional, so an answer without them parses.",
    covers: { side: 'response', kind: 'only-in-sdk', breaks: false },
  },
]
