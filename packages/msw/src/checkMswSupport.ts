import { RequestHandler } from 'msw'

/** The msw versions this package supports, as its `peerDependencies` say. */
export const SUPPORTED_MSW = '^2.15.0'

/** What `checkMswSupport` looks at: msw's major version and the JavaScript runtime. */
export interface MswRuntime {
  /** msw's major version. */
  mswMajor: number
  /** Whether the runtime has `Promise.withResolvers` (Node 22+, current browsers); msw 3 needs it. */
  hasPromiseWithResolvers: boolean
  /** The Node.js version, when running in Node. */
  nodeVersion?: string
}

/**
 * The installed msw and runtime. msw 3 put a base class under `RequestHandler`; msw 2 has none,
 * which tells the two apart without reading msw's package.json (not possible in a browser).
 */
export function currentMswRuntime(): MswRuntime {
  const base = Object.getPrototypeOf(RequestHandler.prototype)
  return {
    mswMajor: base === Object.prototype || base === null ? 2 : 3,
    hasPromiseWithResolvers:
      typeof (Promise as { withResolvers?: unknown }).withResolvers === 'function',
    nodeVersion: globalThis.process?.versions?.node,
  }
}

/**
 * Throws an error naming the cause when the installed msw is not one this package supports,
 * instead of letting every mocked request fail later as a network error.
 */
export function checkMswSupport(runtime: MswRuntime = currentMswRuntime()): void {
  if (runtime.mswMajor === 2) return
  const node = runtime.nodeVersion ? `Node ${runtime.nodeVersion}` : 'this runtime'
  const needs = runtime.hasPromiseWithResolvers
    ? ''
    : `, which needs Node 22 (${node} has no Promise.withResolvers, so every mocked request would fail as a network error)`
  throw new Error(
    `[@payg-kit/msw] supports msw ${SUPPORTED_MSW} (msw 2); found msw ${runtime.mswMajor}.x${needs}. Install msw@2: npm install --save-dev msw@${SUPPORTED_MSW}`,
  )
}
