const separators = /* @__PURE__ */ new Map<string | undefined, string>()

/** Internal: the locale's decimal separator (`.` in en-US, `,` in de-DE). */
function decimalSeparator(locale: string | undefined): string {
  let separator = separators.get(locale)
  if (separator === undefined) {
    separator =
      new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')
        ?.value ?? '.'
    separators.set(locale, separator)
  }
  return separator
}

/** Internal: how many digits follow the decimal separator in a formatted amount (0 when none). */
export function fractionDigits(text: string, locale: string | undefined): number {
  const at = text.lastIndexOf(decimalSeparator(locale))
  if (at < 0) return 0
  let count = 0
  for (const char of text.slice(at + 1)) {
    if (char < '0' || char > '9') break
    count++
  }
  return count
}

/**
 * Internal: for a column of formatted amounts, the padding (in digit widths, `ch` with tabular
 * numerals) after each one so that, right-aligned, their decimal separators line up.
 */
export function alignDecimals(texts: readonly string[], locale: string | undefined): number[] {
  const digits = texts.map((text) => fractionDigits(text, locale))
  const most = Math.max(0, ...digits)
  // An amount without a separator also pads the separator's own width.
  return digits.map((own) => (own === 0 && most > 0 ? most + 0.5 : most - own))
}
