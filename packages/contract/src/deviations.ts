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
      "Where Leonardo's documentation lists the allowed values and the SDK types a plain string or integer, the spec lists them (Prompt Magic and PhotoReal versions, the motion video resolution, the LCM sizes 512, 640 and 1024 on the calculator and the four LCM endpoints, the training resolutions: 512 or 768 for a model, 1024 for an element, any of them on the calculator); where the values depend on the model (`presetStyle`), the spec leaves a string and says so. A caller of the SDK can send a value Leonardo refuses either way.",
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
        'serviceParams.MODEL_TRAINING.resolution',
        'photoRealVersion',
        'promptMagicVersion',
        'presetStyle',
        'width',
        'height',
        'resolution',
      ],
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
  {
    id: 'kit-calculator-defaults',
    reason:
      "The SDK's calculator models declare no defaults, and Leonardo does not document what its calculator assumes for an absent field; the spec declares the value the mock prices an absent field at, the default of the endpoint the service prices (`IMAGE_GENERATION`: 1024 by 768, 4 images, 15 steps, Alchemy on, as `POST /generations`; `FANTASY_AVATAR_GENERATION` 512 by 512 and 4 images; the LCM sizes 512; the video resolutions 720p; `MODEL_TRAINING` 512, as `POST /models`; `UNIVERSAL_UPSCALER` 4 megapixels). No request fails on it: the SDK leaves the field out and both sides price it; the price of an incomplete request is the kit's assumption.",
    covers: {
      operation: 'POST /pricing-calculator',
      side: 'request',
      kind: 'default',
      path: 'serviceParams.*',
    },
  },
  {
    id: 'leonardo-documented-defaults',
    reason:
      'Defaults Leonardo states in a field\'s description that the SDK\'s zod model does not declare, which the spec declares: `num_inference_steps` 15 ("Default is 15"), the image-to-video `duration` 8 ("default: 8" on VEO3, 5 on KLING2_5, said in the spec), `prompt/improve`\'s `isVideo` false ("Defaults to false"), a model\'s `sd_version` v1_5 ("it will default to v1_5"). The SDK leaves the field out and Leonardo applies the same default, so no exchange fails.',
    covers: {
      side: 'request',
      kind: 'default',
      breaks: false,
      path: ['num_inference_steps', 'duration', 'isVideo', 'sd_version'],
      operation: [
        'POST /generations',
        'POST /generations-image-to-video',
        'POST /prompt/improve',
        'POST /models',
      ],
    },
  },
  {
    id: 'sdk-fills-upscaler-style',
    reason:
      "The SDK fills an absent `upscalerStyle` with GENERAL; the spec declares no default because the style cannot go with `ultraUpscaleStyle` (Leonardo's own description says so), and a default would put both in every Ultra request. This breaks an exchange the SDK starts: an Ultra upscale through `createUniversalUpscalerJob` sends `upscalerStyle: GENERAL` with the `ultraUpscaleStyle` unless the caller passes `upscalerStyle: null`, and the mock refuses it with 422 as the spec says. The kit's client sends only the style it is given.",
    covers: {
      operation: 'POST /variations/universal-upscaler',
      side: 'request',
      kind: 'default',
      path: 'upscalerStyle',
    },
  },
  {
    id: 'spec-answers-requested-style',
    reason:
      "`GET /generations/{id}` answers the `presetStyle` the generation was requested with, a string in the spec as in the request (the values depend on the model, see spec-lists-documented-values); the SDK reads it as its closed list of Leonardo's styles. Leonardo answers only styles of that list, so a real exchange does not fail; the mock echoes the requested style, so an answer with a style outside the list (which the mock accepts and Leonardo refuses) would be refused by the SDK. The contract test requests a listed style.",
    covers: {
      operation: 'GET /generations/{id}',
      side: 'response',
      kind: 'enum',
      path: 'generations_by_pk.presetStyle',
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
