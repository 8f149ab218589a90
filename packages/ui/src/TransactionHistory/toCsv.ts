/** A cell that, opened in a spreadsheet, would run as a formula, unless it is a plain number. */
const FORMULA = /^[=+\-@\t\r]/
const NUMBER = /^-?\d+(?:\.\d+)?$/

/** One cell: quoted when it holds a comma, a quote or a line break, quotes doubled (RFC 4180). */
function cell(value: string): string {
  // Text from the server could start a formula (`=HYPERLINK(...)`); a leading ' keeps it text.
  const safe = FORMULA.test(value) && !NUMBER.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

/**
 * Rows of text as CSV: RFC 4180 quoting, CRLF line ends, and cells that would run as a
 * spreadsheet formula kept as text.
 * @example toCsv([['id', 'note'], ['1', 'a, "b"']]) // 'id,note\r\n1,"a, ""b"""\r\n'
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string>>): string {
  return rows.map((row) => `${row.map(cell).join(',')}\r\n`).join('')
}
