// The query string of a billing read: the parameters each operation takes (the spec's), each
// given at most once, and a list's page size and type filter; one copy for the mock and the
// server. A misspelt or repeated parameter is a 422, not a page read with the default.
import type { components, operations } from '../generated/payg'
import { PAGE_LIMITS, TRANSACTION_TYPES } from '../generated/pricingLimits'
import type { FieldError } from './createValidator'

type QueryName<O extends keyof operations> = keyof NonNullable<
  operations[O]['parameters']['query']
> &
  string

/** The list as written, when it names every query parameter of `O` in the spec (else a type error). */
const every =
  <O extends keyof operations>() =>
  <const N extends readonly QueryName<O>[]>(
    names: N & ([QueryName<O>] extends [N[number]] ? unknown : never),
  ) =>
    names

/** The query parameters of each billing read that takes any, by operation id. */
export const QUERY_PARAMETERS = {
  listTopUps: every<'listTopUps'>()(['cursor', 'limit']),
  listTransactions: every<'listTransactions'>()(['cursor', 'limit', 'type']),
  getUsage: every<'getUsage'>()(['from', 'to', 'days', 'granularity']),
}

/** A billing read with query parameters. */
export type QueryOperation = keyof typeof QUERY_PARAMETERS

/** The parameters of a query, by name, as given. */
export type QueryValues<O extends QueryOperation> = Partial<
  Record<(typeof QUERY_PARAMETERS)[O][number], string>
>

/**
 * Reads the query of `operation`: each parameter it takes at most once and no other. Gives
 * the values given once; a repeated or unknown parameter goes into `errors` (for a 422).
 */
export function readQuery<O extends QueryOperation>(
  query: URLSearchParams,
  operation: O,
  errors: FieldError[],
): QueryValues<O> {
  const names: readonly string[] = QUERY_PARAMETERS[operation]
  const values: Record<string, string> = Object.create(null)
  const reported = new Set<string>()
  for (const [name, value] of query) {
    if (reported.has(name)) continue
    if (!names.includes(name)) {
      reported.add(name)
      errors.push({ field: name, code: 'UNKNOWN_FIELD', message: 'Not a parameter of this read.' })
    } else if (name in values) {
      reported.add(name)
      delete values[name]
      errors.push({ field: name, code: 'INVALID_VALUE', message: 'Given more than once.' })
    } else values[name] = value
  }
  return values as QueryValues<O>
}

/** A list read's page: its size, the cursor as given, and the type filter of the ledger's list. */
export interface ListQuery {
  limit: number
  cursor: string | null
  type: components['schemas']['TransactionType'] | null
}

/**
 * Reads the query of `GET /billing/top-ups` or `GET /billing/transactions`: `limit` a whole
 * number within the spec's bounds (its default when absent) and `type` one of its kinds. The
 * cursor is read by the store that issued it. Gives the page, or every problem for a 422.
 */
export function readListQuery(
  query: URLSearchParams,
  operation: 'listTopUps' | 'listTransactions',
): { ok: true; page: ListQuery } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = []
  const values: QueryValues<'listTransactions'> = readQuery(query, operation, errors)
  const { minimum, maximum } = PAGE_LIMITS
  let limit: number = PAGE_LIMITS.default
  if (values.limit !== undefined) {
    limit = /^\d{1,4}$/.test(values.limit) ? Number(values.limit) : Number.NaN
    if (!(limit >= minimum && limit <= maximum)) {
      errors.push({
        field: 'limit',
        code: 'OUT_OF_RANGE',
        message: `Must be a whole number from ${minimum} to ${maximum}.`,
      })
    }
  }
  const type = values.type ?? null
  if (type !== null && !(TRANSACTION_TYPES as readonly string[]).includes(type)) {
    errors.push({
      field: 'type',
      code: 'INVALID_VALUE',
      message: `Must be one of ${TRANSACTION_TYPES.join(', ')}.`,
    })
  }
  if (errors.length > 0) return { ok: false, errors }
  return {
    ok: true,
    page: { limit, cursor: values.cursor ?? null, type: type as ListQuery['type'] },
  }
}

/** What a cursor the list did not issue (or another list's) is answered with: a 400 naming it. */
export const UNREADABLE_CURSOR = {
  message: 'The cursor is unreadable: pass a nextCursor from an earlier page.',
  details: { parameter: 'cursor' },
} as const
