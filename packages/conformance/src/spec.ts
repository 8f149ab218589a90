import { readFileSync } from 'node:fs'
import { load } from 'js-yaml'

type SpecPaths = Record<string, Record<string, { responses?: Record<string, unknown> }>>

/** The spec's billing operations: each path as a pattern, with the statuses each method declares. */
const BILLING_PATHS = Object.entries(
  (
    load(readFileSync(new URL('../../core/openapi/payg.yaml', import.meta.url), 'utf8')) as {
      paths: SpecPaths
    }
  ).paths,
)
  .filter(([path]) => path.startsWith('/billing/'))
  .map(([path, methods]) => ({
    pattern: new RegExp(
      `^${path
        .split(/\{[^}]+\}/)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]+')}$`,
    ),
    statuses: new Map(
      Object.entries(methods).map(([method, operation]) => [
        method.toUpperCase(),
        Object.keys(operation.responses ?? {}).map(Number),
      ]),
    ),
  }))

/**
 * The statuses openapi/payg.yaml lets `method path` answer: the operation's declared responses,
 * or, for a path or a method that names no operation, the 404 or the 405 every backend gives it.
 */
export function declaredStatuses(method: string, path: string): number[] {
  // Both backends read a path without its trailing slashes.
  const pathname = new URL(path, 'http://spec.test').pathname.replace(/(?<=.)\/+$/, '')
  const operation = BILLING_PATHS.find(({ pattern }) => pattern.test(pathname))
  return operation?.statuses.get(method.toUpperCase()) ?? (operation ? [405] : [404])
}
