export {
  createPaygProxy,
  type PaygProxyOptions,
  type ProxyOperation,
  WIDGET_OPERATIONS,
} from './createPaygProxy'
export { toNodeListener } from './toNodeListener'
