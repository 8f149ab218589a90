/** Options of `parseMoneyInput`. */
export interface ParseMoneyInputOptions {
  /** The BCP 47 locale whose grouping and decimal separators the text is read with; the runtime's by default. */
  locale?: string
  /** Refuse cents: the field takes whole dollars only. Default `false`. */
  wholeUnits?: boolean
  /** The most digits after the decimal separator (trailing zeros aside). Default 2. */
  maxFractionDigits?: number
}

/** Why typed money was refused; the widgets turn each into a message. */
export type MoneyInputReason =
  | 'empty'
  | 'negative'
  | 'notANumber'
  | 'digits'
  | 'exponent'
  | 'currency'
  | 'multipleDecimals'
  | 'unclear'
  | 'grouping'
  | 'cents'
  | 'tooManyDecimals'

/** What `parseMoneyInput` read: an exact decimal such as `"1000"` or `"12.5"`, or why not. */
export type MoneyInputResult =
  | { ok: true; value: string }
  | {
      ok: false
      reason: MoneyInputReason
      /** For `unclear`: what the text would mean, as exact decimals, most likely first. */
      meanings?: string[]
      /** For `currency` and `digits`: the character that was not understood. */
      found?: string
    }

/** How a locale writes numbers, learnt from `Intl.NumberFormat`. */
interface Separators {
  decimal: string
  group: string
  /** Digits in the group nearest the decimal separator, and in the groups before it. */
  primary: number
  secondary: number
}

const separatorCache = new Map<string, Separators>()

function separatorsOf(locale: string | undefined): Separators {
  let separators = separatorCache.get(locale ?? '')
  if (separators) return separators
  const parts = new Intl.NumberFormat(locale, { numberingSystem: 'latn' }).formatToParts(
    1234567890.5,
  )
  const groups = parts.filter((part) => part.type === 'integer').map((part) => part.value.length)
  separators = {
    decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
    group: parts.find((part) => part.type === 'group')?.value ?? ',',
    primary: groups.at(-1) ?? 3,
    secondary: groups.length > 2 ? (groups.at(-2) ?? 3) : (groups.at(-1) ?? 3),
  }
  separatorCache.set(locale ?? '', separators)
  return separators
}

// Format characters (zero-width space, BOM, bidi marks and isolates, soft hyphen, word joiner)
// are invisible: a pasted amount often carries them.
const INVISIBLE = /\p{Cf}/gu
const SPACE = /[\p{Zs}\t]/u
const MINUS = /[-\u2212\u2012-\u2014\uFE63\uFF0D]/u
const APOSTROPHE = /['\u2019\u02BC\uFF07]/u
// The same marks typed full-width (IME input) or small.
const MARKS: Record<string, string> = {
  '\uFF0C': ',',
  '\uFF0E': '.',
  '\uFE50': ',',
  '\uFE52': '.',
  '\uFF0B': '+',
}
const DOLLAR = /^(?:US\s?\$|\$\s?US|U\.S\.\s?\$|USD|US\s?dollars?|dollars?|\$|\uFF04|\uFE69)/iu
const DOLLAR_END = /(?:US\s?\$|\$\s?US|U\.S\.\s?\$|USD|US\s?dollars?|dollars?|\$|\uFF04|\uFE69)$/iu

/** The value of a Unicode decimal digit (any script): its place in its run of ten. */
function digitValue(char: string): number {
  let code = char.codePointAt(0) as number
  let offset = 0
  // Unicode lays every script's digits out as runs of ten in order, 0 first.
  while (/\p{Nd}/u.test(String.fromCodePoint(code - 1)) && offset < 60) {
    code--
    offset++
  }
  return offset % 10
}

/** Integer digits split at grouping marks, checked against the locale's group sizes. */
function joinGroups(parts: readonly string[], separators: Separators): string | null {
  if (parts.length === 1) return parts[0] as string
  const first = parts[0] as string
  if (first === '' || first.length > separators.secondary || first.startsWith('0')) return null
  if ((parts.at(-1) as string).length !== separators.primary) return null
  for (const part of parts.slice(1, -1)) if (part.length !== separators.secondary) return null
  return parts.join('')
}

/** `text` split at every character in `marks`. */
function splitAt(text: string, marks: readonly string[]): string[] {
  const parts = ['']
  for (const char of text) {
    if (marks.includes(char)) parts.push('')
    else parts[parts.length - 1] += char
  }
  return parts
}

/** `integer.fraction` without leading or trailing zeros: `"007.50"` -> `"7.5"`. */
function canonical(integer: string, fraction: string): string {
  const whole = integer.replace(/^0+(?=\d)/, '') || '0'
  const cents = fraction.replace(/0+$/, '')
  return cents ? `${whole}.${cents}` : whole
}

/** One way of reading the marks in `body`: which are decimal separators and which grouping. */
interface Reading {
  decimals: readonly string[]
  groups: readonly string[]
  separators: Separators
}

/** `body` read one way: the canonical decimal and its fraction, or why it does not read so. */
function read(
  body: string,
  { decimals, groups, separators }: Reading,
): { value: string; fraction: string } | 'multipleDecimals' | null {
  let point = -1
  for (let index = 0; index < body.length; index++) {
    const char = body[index] as string
    if (decimals.includes(char)) {
      if (point >= 0) return 'multipleDecimals'
      point = index
    } else if (!/\d/.test(char) && !groups.includes(char)) {
      return null
    }
  }
  const integer = point < 0 ? body : body.slice(0, point)
  const fraction = point < 0 ? '' : body.slice(point + 1)
  if (!/^\d*$/.test(fraction) || (integer === '' && fraction === '')) return null
  const digits = integer === '' ? '0' : joinGroups(splitAt(integer, groups), separators)
  if (digits === null) return null
  const cents = fraction.replace(/0+$/, '')
  return { value: canonical(digits, cents), fraction: cents }
}

/**
 * Reads an amount typed in a money field, exactly and without guessing: grouping and decimal
 * separators as `locale` writes them, digits of any script, a `$`/`USD` around the number and
 * invisible characters allowed; an input that could mean two amounts is refused with both.
 * @example parseMoneyInput('1.234,5', { locale: 'de-DE' }) // { ok: true, value: '1234.5' }
 */
export function parseMoneyInput(text: string, options: ParseMoneyInputOptions): MoneyInputResult {
  const separators = separatorsOf(options.locale)
  const maxFraction = options.wholeUnits ? 0 : (options.maxFractionDigits ?? 2)

  let value = ''
  for (const char of text.replace(INVISIBLE, '')) {
    if (/\p{Nd}/u.test(char)) value += String(digitValue(char))
    else if (SPACE.test(char)) value += ' '
    else if (MINUS.test(char)) value += '-'
    else if (APOSTROPHE.test(char)) value += "'"
    else value += MARKS[char] ?? char
  }
  value = value.trim().replace(/ +/g, ' ')
  if (value === '') return { ok: false, reason: 'empty' }

  // A currency symbol or code before or after the number, and a sign.
  let negative = false
  for (let pass = 0; pass < 4; pass++) {
    const before = value
    value = value.replace(DOLLAR, '').replace(DOLLAR_END, '').trim()
    if (/^\(.*\)$/.test(value)) {
      negative = true
      value = value.slice(1, -1).trim()
    }
    if (/^-|-$/.test(value)) {
      negative = true
      value = value.replace(/^-|-$/g, '').trim()
    } else if (value.startsWith('+')) {
      value = value.slice(1).trim()
    }
    if (value === before) break
  }

  const currency = /\p{Sc}/u.exec(value)
  if (currency) return { ok: false, reason: 'currency', found: currency[0] }
  if (/^\d[\d.,]*e[+-]?\d+$/i.test(value)) return { ok: false, reason: 'exponent' }
  const notDigit = /[\p{No}\p{Nl}]/u.exec(value)
  if (notDigit) return { ok: false, reason: 'digits', found: notDigit[0] }
  if (/[^\d.,' \u066B\u066C]/.test(value) || !/\d/.test(value)) {
    return { ok: false, reason: 'notANumber' }
  }
  if (negative) return { ok: false, reason: 'negative' }

  // The locale's way, and the other common way with `.` and `,` swapped ("1.000,5" / "1,000.5").
  // Spaces and the Arabic separators mean the same in both.
  const decimal = separators.decimal === ',' ? ',' : '.'
  const swapped = decimal === ',' ? '.' : ','
  const group = SPACE.test(separators.group)
    ? ' '
    : APOSTROPHE.test(separators.group)
      ? "'"
      : separators.group
  const asLocale = read(value, {
    decimals: [decimal, '\u066B'],
    groups: [group, ' ', '\u066C'],
    separators,
  })
  const asOther = read(value, {
    decimals: [swapped, '\u066B'],
    groups: [decimal, ' ', '\u066C'],
    separators: { ...separators, primary: 3, secondary: 3 },
  })

  if (asLocale === null || asLocale === 'multipleDecimals') {
    const meanings: string[] = []
    // Misplaced grouping ("10,0000", "1'000" where ' is no separator): perhaps every digit counts.
    const segments = value.split(/[^\d]/)
    if (asLocale === null && segments.length > 1 && (segments.at(-1) as string).length >= 3) {
      meanings.push(canonical(value.replace(/\D/g, ''), ''))
    }
    if (asOther !== null && asOther !== 'multipleDecimals' && !meanings.includes(asOther.value)) {
      meanings.push(asOther.value)
    }
    if (meanings.length > 0) return { ok: false, reason: 'unclear', meanings }
    return { ok: false, reason: asLocale === null ? 'grouping' : 'multipleDecimals' }
  }
  // "1,000" where the comma is the decimal separator reads as 1, but looks like a thousand
  // written the other way: ask rather than charge a thousandth of what was meant.
  const marks = value.replace(/[^.,]/g, '')
  if (
    marks === decimal &&
    asOther !== null &&
    asOther !== 'multipleDecimals' &&
    asOther.value !== asLocale.value
  ) {
    return { ok: false, reason: 'unclear', meanings: [asOther.value, asLocale.value] }
  }
  if (asLocale.fraction.length > maxFraction) {
    return { ok: false, reason: options.wholeUnits ? 'cents' : 'tooManyDecimals' }
  }
  return { ok: true, value: asLocale.value }
}

/**
 * An exact decimal written the way `parseMoneyInput` reads it back in `locale`: the locale's
 * decimal separator, no grouping. For pre-filling a money field.
 * @example formatMoneyInput('12.5', 'de-DE') // '12,5'
 */
export function formatMoneyInput(value: string, locale?: string): string {
  const { decimal } = separatorsOf(locale)
  // Three fraction digits could pass for a thousands group ("1,234"): a fourth cannot.
  const padded = /\.\d{3}$/.test(value) ? `${value}0` : value
  return padded.replace('.', decimal === ',' ? ',' : '.')
}
