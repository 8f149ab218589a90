import { DEFAULT_TOP_UP_LIMITS } from '@payg-kit/core/rules'

/** The whole-dollar bounds of one top-up when `topUpLimits` is not given: the spec's default. */
export const DEFAULT_TOP_UP_POLICY: Readonly<{ min: number; max: number }> = {
  min: DEFAULT_TOP_UP_LIMITS.minimum,
  max: DEFAULT_TOP_UP_LIMITS.maximum,
}
