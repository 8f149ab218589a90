// What makes a spreadsheet run a cell as a formula (OWASP CSV injection), ASCII or full-width.
const TRIGGER = /[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20\uFE62\uFE63\uFE66\uFE6B]/u
// What a spreadsheet may skip before it looks for a trigger: spaces, quotes, invisible marks.
const SKIPPED = /[\p{Zs}\p{Cf}\n\v\f"'`\u2018-\u201F\uFF02\uFF07]/u
// Where a spreadsheet that splits on another character (`;`, tab, `|`, a line) starts a cell.
const SEPARATOR = /[,;\t|\r\n]/
// An exact decimal amount such as -0.0576 is a number, not a formula.
const NUMBER = /^-?\d+(?:\.\d+)?$/

/** `value` with a `'` before every part that a spreadsheet could start a formula from. */
function neutralise(value: string): string {
  if (NUMBER.test(value)) return value
  let out = ''
  // Where the current part began in `out`, until something harmless starts it.
  let partStart: number | null = 0
  for (const char of value) {
    if (partStart !== null) {
      if (TRIGGER.test(char)) {
        out = `${out.slice(0, partStart)}'${out.slice(partStart)}`
        partStart = null
      } else if (!SKIPPED.test(char)) {
        partStart = null
      }
    }
    out += char
    if (SEPARATOR.test(char)) partStart = out.length
  }
  return out
}

/** One cell: always quoted, quotes doubled (RFC 4180), formulas kept as text. */
function cell(value: string): string {
  return `"${neutralise(value).replaceAll('"', '""')}"`
}

/**
 * Rows of text as CSV: every cell quoted (RFC 4180), CRLF line ends, and any text a spreadsheet
 * could run as a formula, also after a `;`, tab or line break inside a cell, kept as text.
 * @example toCsv([['id', 'note'], ['1', '=SUM(A1)']]) // '"id","note"\r\n"1","\'=SUM(A1)"\r\n'
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string>>): string {
  return rows.map((row) => `${row.map(cell).join(',')}\r\n`).join('')
}
