export {
  createPaygProxy,
  type PaygProxyAuthorize,
  type PaygProxyOptions,
  type ProxyOperation,
  WIDGET_OPERATIONS,
} from './createPaygProxy'
export { createOriginCheck } from './crossOrigin'
export { type NodeRequestLike, type NodeResponseLike, toNodeListener } from './toNodeListener'
