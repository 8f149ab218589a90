export type { AutoTopUpPlan, AutoTopUpPlanInput, AutoTopUpSettings } from './autoTopUp'
export { AUTO_TOP_UP_MAX_DECLINES, afterAutoTopUpDecline, planAutoTopUp } from './autoTopUp'
