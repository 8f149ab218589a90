/** What a path under `/billing/` that names no operation is answered with: a 404 `NOT_FOUND`. */
export const UNKNOWN_OPERATION_MESSAGE = 'No such billing operation.'

/**
 * What a billing path answers a method it does not serve (HEAD and OPTIONS included): a 405
 * `BAD_REQUEST` with this message and an `Allow` header of `allowHeader(methods)`.
 */
export const methodNotAllowedMessage = (method: string): string => `${method} is not allowed here.`

/** The `Allow` header of a path's methods, in one order on the mock and the server. */
export const allowHeader = (methods: Iterable<string>): string =>
  [...new Set(methods)].sort().join(', ')
